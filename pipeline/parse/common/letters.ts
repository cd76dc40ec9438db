// Unicode letter tests by character code, for hand-written scanners that replace a Unicode
// regular expression (\p{L}, \p{Ll}) on hot paths. A code unit's class is looked up once with
// the regular expression itself and kept in a table, so the scanners agree with it by
// construction; code points outside the BMP (surrogate pairs) are rare and asked every time.

const KNOWN = 1;
const LETTER = 2;
const LOWER = 4;

const BMP_FLAGS = new Uint8Array(0x10000);
const IS_LETTER = /^\p{L}$/u;
const IS_LOWER = /^\p{Ll}$/u;

function flagsOf(point: string): number {
  return KNOWN | (IS_LETTER.test(point) ? LETTER : 0) | (IS_LOWER.test(point) ? LOWER : 0);
}

function bmpFlags(code: number): number {
  let flags = BMP_FLAGS[code] ?? 0;
  if (flags === 0) {
    // A lone surrogate is a code point of its own (category Cs): no letter, as in a /u regex.
    flags = flagsOf(String.fromCharCode(code));
    BMP_FLAGS[code] = flags;
  }
  return flags;
}

const isLead = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isTrail = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

// The code point at or before a position, packed as flags * 4 + width in code units (0 when
// there is none), so that the per-character calls allocate nothing.

function pointAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (isLead(code) && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (isTrail(next)) return flagsOf(String.fromCharCode(code, next)) * 4 + 2;
  }
  return bmpFlags(code) * 4 + 1;
}

function pointBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const code = text.charCodeAt(i - 1);
  if (isTrail(code) && i >= 2) {
    const lead = text.charCodeAt(i - 2);
    if (isLead(lead)) return flagsOf(String.fromCharCode(lead, code)) * 4 + 2;
  }
  return bmpFlags(code) * 4 + 1;
}

/** Width of the \p{L} code point starting at `i`, 0 when there is none. */
export function letterAt(text: string, i: number): number {
  const point = pointAt(text, i);
  return (point >> 2) & LETTER ? point & 3 : 0;
}

/** Width of the \p{Ll} code point starting at `i`, 0 when there is none. */
export function lowerAt(text: string, i: number): number {
  const point = pointAt(text, i);
  return (point >> 2) & LOWER ? point & 3 : 0;
}

/** Width of the \p{L} code point ending just before `i`, 0 when there is none. */
export function letterBefore(text: string, i: number): number {
  const point = pointBefore(text, i);
  return (point >> 2) & LETTER ? point & 3 : 0;
}

/** Start of the run of letters (\p{L}*) that ends just before `end`. */
export function letterRunStart(text: string, end: number): number {
  let start = end;
  for (let width = letterBefore(text, start); width > 0; width = letterBefore(text, start))
    start -= width;
  return start;
}

/** End of the run of letters (\p{L}*) that starts at `start`. */
export function letterRunEnd(text: string, start: number): number {
  let end = start;
  for (let width = letterAt(text, end); width > 0; width = letterAt(text, end)) end += width;
  return end;
}

/** End of the run of lower-case letters (\p{Ll}*) that starts at `start`. */
export function lowerRunEnd(text: string, start: number): number {
  let end = start;
  for (let width = lowerAt(text, end); width > 0; width = lowerAt(text, end)) end += width;
  return end;
}
