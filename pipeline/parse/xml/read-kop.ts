// The <kop> of an officielebekendmakingen publication: its tekstregel lines name the chamber and
// the session year.
import { findElements, squash, textOf, type Element } from '../../extract/parse-markup.ts';
import type { Document } from '../../types.ts';

function kopLine(kop: Element[], inhoud: string): string {
  const el = kop.find((k) => k.attribs['inhoud'] === inhoud);
  return el ? squash(textOf(el)) : '';
}

// Chamber and session year from the <kop>; the older layout keeps the <kop> outside the body.
export function readKop(
  root: Element,
  body: Element,
): { chamber: Document['chamber']; sessionYear: string | null } {
  const kopIn = findElements(body, (el) => el.name === 'tekstregel');
  const kop = kopIn.length > 0 ? kopIn : findElements(root, (el) => el.name === 'tekstregel');
  const year = /(\d{4})\s*[-–/]\s*(\d{4})/.exec(kopLine(kop, 'vergaderjaar'));
  const chamberText = kopLine(kop, 'kameraanduiding');
  // <tekstregel inhoud="kamernummer">2</tekstregel> is the chamber's number (1 Eerste, 2 Tweede).
  const chamberNumber = kopLine(kop, 'kamernummer');
  const chamber =
    /eerste kamer/i.test(chamberText) || (!chamberText && chamberNumber === '1')
      ? 'Eerste Kamer'
      : /tweede kamer/i.test(chamberText) || (!chamberText && chamberNumber === '2')
        ? 'Tweede Kamer'
        : null;
  const sessionYear =
    year && Number(year[2]) === Number(year[1]) + 1 ? `${year[1]}-${year[2]}` : null;
  return { chamber, sessionYear };
}
