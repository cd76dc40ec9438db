// The Staten-Generaal Digitaal OCR rendering (scanned Aanhangsel pages before 1995, served as
// text at zoek.officielebekendmakingen.nl/<10-digit id>/ocr), told from the content alone.
// Modern PDF text carries its own publication id ("ah-tk-20142015-698") and never the old
// "Aanhangsel tot het Verslag" masthead; an SGD page carries no id, a pre-1995 session year and
// the standing line of the Aanhangsel ("Vragen gesteld door de leden der Kamer …").

const OLD_MASTHEAD = /Aanhangsel\s+tot\s+het\s+Ver[sl]lag|AANHANGSEL\s+TOT\s+HET\s+VE[ER]SLAG/;
const STANDING_LINE =
  /(?:Vragen|VRAGEN)[,.]?\s+(?:gesteld\s+)?door\s+(?:de\s+)?leden\s+(?:der|van\s+de)\s+Kamer/;
const OLD_FOOTER = /Handelingen\s+der\s+(?:voorloopige\s+)?Staten-Generaal\.?\s*[—–-]/;
const OFFICIAL_ID = /\b(?:ah|kv)-(?:tk|ek)-\d/;
const SESSION = /(?:Vergaderjaar|Zitting|vergaderjaar|zitting)\s+(\d{4})\s*[-—–]\s*\d{4}/g;

export function isSgdOcr(text: string): boolean {
  const head = text.slice(0, 3000);
  if (OFFICIAL_ID.test(text)) return false;
  const item = /\b(?:VRAGEN|Vragen|VRAAG|Vraag)\s+van\s+(?:het|de|den|mevrouw)\b/.test(text);
  if (!item) return false;
  if (OLD_MASTHEAD.test(head) || OLD_FOOTER.test(text)) return true;
  // The session year may stand in the head or only in the footer of each page.
  const early = [...text.matchAll(SESSION)].some((m) => Number(m[1]) < 1995);
  return early && (STANDING_LINE.test(head) || /Aanhangsel/i.test(text));
}
