import type { Answerer, Asker } from '../../types.ts';
import { parseAskers } from '../common/askers.ts';
import { parseDutchDate } from '../common/dates.ts';

// Metadata blocks of web pages that copy a Kamervraag (openkamer.org, tweedemonitor.nl):
//   Kamervraag 2019Z15244 / <title> / Ingediend 18 juli 2019 / Beantwoord 10 september 2019 (na 54 dagen)
//   Indiener Sjoerd Sjoerdsma (D66) / Beantwoord door Sigrid Kaag (minister zonder portefeuille …) (D66)
//   Bron vraag …/kv-tk-2019Z15244.html / Bron antwoord …/ah-tk-20182019-3922.html / Zaaknummer: 2020Z15058

export interface PageMeta {
  caseNumber: string | null;
  title: string | null;
  submitted: string | null;
  answered: string | null;
  askers: Asker[] | null;
  answerer: Answerer | null;
  answerSource: string | null;
  questionSource: string | null;
  /** True when the page states it is answered ("Beantwoord …"). */
  answeredStated: boolean;
}

export function readPageMeta(lines: readonly string[]): PageMeta {
  const meta: PageMeta = {
    caseNumber: null,
    title: null,
    submitted: null,
    answered: null,
    askers: null,
    answerer: null,
    answerSource: null,
    questionSource: null,
    answeredStated: false,
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    let m: RegExpExecArray | null;
    if ((m = /^Kamervraag\s+(\d{4}Z\d{5})$/.exec(line))) {
      meta.caseNumber = m[1] ?? null;
      const title = lines.slice(i + 1).find((l) => l.trim());
      if (title && !/^(Ingediend|Indiener)/.test(title.trim())) meta.title = title.trim();
    } else if ((m = /^Zaaknummer:?\s*(\d{4}Z\d{5})\b/.exec(line))) meta.caseNumber = m[1] ?? null;
    else if ((m = /^Ingediend\s+(.+)$/.exec(line)))
      meta.submitted = parseDutchDate(m[1] ?? '').date;
    else if ((m = /^Beantwoord door\s+(.+)$/.exec(line))) meta.answerer = readAnswerer(m[1] ?? '');
    else if ((m = /^Beantwoord\s+(\d.+)$/.exec(line))) {
      meta.answered = parseDutchDate(m[1] ?? '').date;
      meta.answeredStated = true;
    } else if ((m = /^Indieners?\s+(.+)$/.exec(line))) meta.askers = parseAskers(m[1] ?? '');
    else if ((m = /^Bron antwoord\s+(\S+)/.exec(line))) meta.answerSource = m[1] ?? null;
    else if ((m = /^Bron vraag\s+(\S+)/.exec(line))) meta.questionSource = m[1] ?? null;
  }
  return meta;
}

// "Sigrid Kaag (minister zonder portefeuille buitenlandse zaken) (D66), Hanke Bruins Slot (…) (CDA)":
// the first person is taken as the answerer; the page does not say who answered on whose behalf.
function readAnswerer(text: string): Answerer | null {
  const m = /^([^()]+?)\s*\(\s*(minister-president|minister|staatssecretaris)\b\s*([^()]*)\)/i.exec(
    text,
  );
  if (!m) return { role: null, name: text.split('(')[0]?.trim() || null, portfolio: null };
  const role = (m[2] ?? '').charAt(0).toUpperCase() + (m[2] ?? '').slice(1).toLowerCase();
  return { role, name: m[1]?.trim() || null, portfolio: m[3]?.trim() || null };
}
