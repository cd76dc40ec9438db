import type { Answerer } from '../../types.ts';
import { parseAnswerer } from '../common/answerer.ts';
import { expandOffices } from '../common/offices.ts';
import { squash } from '../common/text-clean.ts';
import { parseOcrDate } from './ocr-dates.ts';

// The reply heading: "Antwoord van minister Van Mierlo (Buitenlandse Zaken), mede namens de
// minister van Economische Zaken. (Ontvangen 18 oktober 1994)"; before 1975 "ANTWOORD van de heer
// Drees, Minister van Sociale Zaken. (Ingezonden 20 Mei 1946.)" (the reply's date printed as
// "Ingezonden"); a postponement "MEDEDELING van …".

export const REPLY =
  /(?:^|[\s?.])(?:(?:Antwoord|ANTWOORD)\s+)?(Antwoord|ANTWOORD|Mededeling|MEDEDELING)\s+van\s+(?=(?:de\s+heer|den\s+heer|mevrouw|mr\.?\s|[Mm]inister|[Ss]taats|[Dd]e\s+[Mm]inister|[Dd]e\s+[Ss]taats))/;

export interface ReplyHeading {
  kind: 'answer' | 'postponement';
  answerer: Answerer | null;
  coAnswerers: string[] | null;
  answered: string | null;
  /** Characters of `text` the heading takes, from the match of REPLY. */
  length: number;
  problems: string[];
}

// "(Ontvangen 12 november 1982)", also broken by a line-end hyphen ("Ontvan-gen", "Ont-vangen6").
const DATE = new RegExp(
  `\\(\\s*(?:${['Ontvangen', 'Ingezonden'].map(spread).join('|')})\\s*([^)}\\]]*)[)}\\]]?\\.?`,
  'i',
);

export function spread(word: string): string {
  return word.split('').join('[-\\s]{0,2}');
}
const SEE_ALSO =
  /^[\s.,:]*(?:\(\s*Zie\s*ook[^)]*\)|,?\s*zie\s+ook\s+Aanhangsel[^\n]*?\d{4}\s*[-—]\s*\d{4}\.?)\.?/i;

/** `text` starts at the REPLY match's "van " end; `kind` from the heading word. */
export function parseReplyHeading(text: string, kind: ReplyHeading['kind']): ReplyHeading {
  const problems: string[] = [];
  const date = DATE.exec(text.slice(0, 600));
  const end = date ? date.index + date[0].length : lineEnd(text);
  let length = end;
  const seeAlso = SEE_ALSO.exec(text.slice(end));
  if (seeAlso) length += seeAlso[0].length;
  const who = squash(
    (date ? text.slice(0, date.index) : text.slice(0, end)).replace(/-\s*\n/g, '-'),
  ).replace(/[\s.,]+$/, '');
  let answered: string | null = null;
  if (date) {
    const parsed = parseOcrDate(date[1] ?? '');
    answered = parsed.date;
    if (parsed.problem) problems.push(`answered: ${parsed.problem}`);
  } else problems.push('no "(Ontvangen …)" date after the answer heading');
  const { answerer, coAnswerers } = readWho(who, problems);
  return { kind, answerer, coAnswerers, answered, length, problems };
}

function lineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

const PERSON = /^(?:de\s+heer|den\s+heer|mevrouw|mr\.?)\s+/i;
const OLD_STYLE =
  /^(.+?),\s*((?:Minister|Staatssecretaris|minister|staatssecretaris)(?:-[Pp]resident)?)\s+(?:van|voor)\s+(.+)$/;

function readWho(
  who: string,
  problems: string[],
): { answerer: Answerer | null; coAnswerers: string[] | null } {
  const mede = /,?\s*mede\s+namens\s+/i.exec(who);
  const main = mede ? who.slice(0, mede.index) : who;
  const co = mede ? who.slice(mede.index + mede[0].length) : '';
  const coAnswerers = mede ? coOffices(co) : [];
  const person = main.replace(PERSON, '');
  if (person !== main) {
    // "de heer Deckers, Minister van Landbouw en Visscherij": name first, then role and portfolio.
    const old = OLD_STYLE.exec(person);
    if (old) {
      const role = (old[2] ?? '').replace(/^./, (c) => c.toUpperCase());
      return { answerer: { role, name: old[1] ?? null, portfolio: old[3] ?? null }, coAnswerers };
    }
  }
  const parsed = parseAnswerer(main);
  problems.push(...parsed.problems);
  return { answerer: parsed.answerer, coAnswerers };
}

// "de heer Ritzen, minister van Onderwijs en Wetenschappen en mevrouw d'Ancona, minister van …":
// one office per person; "de Staatssecretaris van Financiën, de heer De Goede en de Minister van …":
// the name after an office is dropped.
function coOffices(phrase: string): string[] {
  const text = phrase.replace(/[\s.,]+$/, '');
  if (/^(?:de\s+heer|den\s+heer|mevrouw)\s/i.test(text)) {
    return text
      .split(/\s*(?:,|\ben)\s+(?=(?:de\s+heer|den\s+heer|mevrouw)\s)/i)
      .map((part) =>
        part
          .replace(PERSON, '')
          .replace(/^[^,]+,\s*/, '')
          .trim(),
      )
      .filter(Boolean);
  }
  return expandOffices(
    text.replace(/,\s*(?:de\s+heer|den\s+heer|mevrouw)\s+[^,]+?(?=\s+en\s+|,|$)/gi, ''),
  );
}
