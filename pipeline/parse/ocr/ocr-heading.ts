import type { Asker } from '../../types.ts';
import { parseAskers } from '../common/askers.ts';
import { expandOffices } from '../common/offices.ts';
import { squash } from '../common/text-clean.ts';
import { parseOcrDate } from './ocr-dates.ts';

// The item heading of one document on the page:
//   "658. VRAGEN van het lid Roethof (P.v.d.A.) inzake de duur … (Ingezonden 15 februari 1973.)"
//   "83" / "Vragen van de leden Van Middelkoop (GPV) en De Hoop Scheffer (CDA) over … (Ingezonden …)"
//   "13." / "VRAGEN van den lieer Vliegen aan den Minister van …, in zake …"

export const ITEM = /(?:VRAGEN|Vragen|VRAAG|Vraag)\s+van\s+(?=(?:het|de|den|mevrouw|mej)\b)/g;

export interface ItemHeading {
  number: number | null;
  numberAsWritten: string | null;
  askers: Asker[] | null;
  addressees: string[] | null;
  title: string | null;
  submitted: string | null;
  problems: string[];
}

// The Aanhangsel number before "VRAGEN": on the same line ("658.", "7 4.", "97^") or alone on the
// line before ("83", "2018.", "13.").
export function itemNumber(before: string): { number: number | null; written: string | null } {
  const sameLine = /(?:^|\n)[ \t]*(\d[\d ]{0,5}?)[ \t]*[.^»,:]?[ \t]*$/.exec(before);
  const lineBefore = /(?:^|\n)[ \t]*(\d[\d ]{0,5}?)[ \t]*[.^»,:]?[ \t]*\n[ \t]*$/.exec(before);
  const found = sameLine ?? lineBefore;
  if (!found) return { number: null, written: null };
  const written = (found[1] ?? '').trim();
  const number = Number(written.replace(/\s+/g, ''));
  return Number.isInteger(number) && number > 0
    ? { number, written: found[0].trim() }
    : { number: null, written: null };
}

const SUBJECT =
  /\s+(?:over|betref-?\s*fende|in-?\s*zake|in\s+zake|in\s+verband\s+met|naar\s+aanleiding\s+van|met\s+betrekking\s+tot|omtrent|aangaande|ten\s+aanzien\s+van)\s+/;
const MEMBER = /^(?:het\s+lid|de\s+leden|den?\s+[hl]\S{2,4}(?:en)?|mevrouw|mejuffrouw|mej\.)\s+/;

/** `phrase` runs from after "VRAGEN van " to the end of "(Ingezonden …)" or of the heading. */
export function parseItemHeading(phrase: string): ItemHeading {
  const problems: string[] = [];
  const text = squash(phrase);
  const sent = /\(\s*Ingezonden\s+([^)}\]]*)[)}\]]?/i.exec(text);
  const beforeDate = sent ? text.slice(0, sent.index) : text;
  let submitted: string | null = null;
  if (sent) {
    const date = parseOcrDate(sent[1] ?? '');
    submitted = date.date;
    if (date.problem) problems.push(`submitted: ${date.problem}`);
  }
  const subject = SUBJECT.exec(beforeDate);
  const who = subject ? beforeDate.slice(0, subject.index) : beforeDate;
  const title = subject
    ? beforeDate
        .slice(subject.index + subject[0].length)
        .replace(/[\s.,:;]+$/, '')
        .trim() || null
    : null;
  if (!subject) problems.push('no subject after "over", "betreffende" or "inzake"');
  const addressed = /,?\s+aan\s+(den?\s+(?:Minister|Staatssecretaris|Ministers)\b.*)$/.exec(who);
  const members = (addressed ? who.slice(0, addressed.index) : who)
    .replace(MEMBER, '')
    .replace(/[,\s]+$/, '');
  const askers = members ? parseAskers(members) : [];
  return {
    number: null,
    numberAsWritten: null,
    askers: askers.length > 0 ? askers : null,
    addressees: addressed ? expandOffices(addressed[1] ?? '') : null,
    title,
    submitted,
    problems,
  };
}
