// Page furniture of the scanned Aanhangsel pages: mastheads, running heads, print codes, page
// numbers and footers. They carry the chamber and the session year; in the body they are noise.

const FURNITURE: readonly RegExp[] = [
  /ISSN\s*0921/,
  /^\s*(?:Tweede|Eerste)\s+Kamer,\s*(?:vergaderjaar|zitting)\s+\d{4}/i,
  /^\s*(?:Deel\s+II\s+)?Zitting\s+\d{4}\s*[-—–]\s*\d{4}\s+Aanhangsel\s*$/,
  /^\s*(?:TWEEDE|EERSTE)\s+KAMER\s*$/,
  /^\s*\S{0,12}\s*der\s+(?:voorloopige\s+)?Staten-Generaal\.?\s*[—–-]/,
  /^\s*Handelingen\s+der\s+/,
  /^\s*'?\s*s[ -]Gravenhage\s+\d{4}\s*$/,
  /^\s*\d{1,4}\s*(?:Aanhangsel)?\s*$/,
  /^\s*Vel\s+\d+\.?\s*$/,
];

export function isFurniture(line: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(line));
}

export interface Masthead {
  chamber: 'Tweede Kamer' | 'Eerste Kamer' | null;
  sessionYear: string | null;
}

// "Vergaderjaar 1994-1995" / "Zitting 1979-1980" in the head; older pages print the session only
// in the footer: "Zitting 1972-1973 Aanhangsel", "Handelingen der Staten-Generaal. 1935—1936. II.".
export function readMasthead(text: string): Masthead {
  const head = text.slice(0, 1500);
  const chamberMatch =
    /\b(Tweede|Eerste|TWEEDE|EERSTE)\s+(?:Kamer|KAMER)\b/.exec(head) ??
    /\b(Tweede|Eerste|TWEEDE|EERSTE)\s*\n\s*(?:Kamer|KAMER)\b/.exec(head) ??
    /\b(TWEEDE|EERSTE)\s+KAMER\s*$/m.exec(text) ??
    /\b(Tweede|Eerste)\s+Kamer,\s*(?:vergaderjaar|zitting)/.exec(text);
  let chamber: Masthead['chamber'] = null;
  if (chamberMatch) chamber = /^e/i.test(chamberMatch[1] ?? '') ? 'Eerste Kamer' : 'Tweede Kamer';
  else {
    const roman = /\d{4}\s*[—–-]\s*\d{4}\.?\s*[—–-]?\s*(II?)\.\s*Aanhangsel/.exec(text);
    if (roman) chamber = roman[1] === 'I' ? 'Eerste Kamer' : 'Tweede Kamer';
  }
  // Only lines that are furniture count: the body may name another session ("… zitting 1971-1972").
  const years =
    /^\s*(?:Vergaderjaar|Zitting)\s+(\d{4})\s*[-—–]\s*(\d{4})\s*$/m.exec(head) ??
    /^\s*(?:Deel\s+II\s+)?Zitting\s+(\d{4})\s*[-—–]\s*(\d{4})\s+Aanhangsel/m.exec(text) ??
    /^\s*(?:Tweede|Eerste)\s+Kamer,\s*(?:vergaderjaar|zitting)\s+(\d{4})\s*[-—–]\s*(\d{4})/m.exec(
      text,
    ) ??
    /Staten-Generaal\.?\s*[—–-]?\s*(?:Zitting\s+)?(\d{4})\s*[—–-]\s*(\d{4})/.exec(text);
  const sessionYear =
    years && Number(years[2]) === Number(years[1]) + 1 ? `${years[1]}-${years[2]}` : null;
  return { chamber, sessionYear };
}
