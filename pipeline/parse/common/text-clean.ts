// Character-level clean-up shared by every rendering: composed diacritics, one kind of space.

// PDF extractors print some accents as a separate spacing character after the letter:
// "Yes¸ilgöz" (s + U+00B8), "Kostic ´" (c + space + U+00B4). Recombine them with the letter.
const SPACING_ACCENTS: Readonly<Record<string, string>> = {
  '\u00B4': '\u0301', // acute
  '\u00B8': '\u0327', // cedilla
  '\u02C7': '\u030C', // caron
  '\u00A8': '\u0308', // diaeresis
  '\u02DC': '\u0303', // tilde
};

export function cleanCharacters(text: string): string {
  let out = text;
  // Every step below up to the glued words changes only text holding one of these characters;
  // this runs for every paragraph of every document, and nearly none holds any.
  if (SPECIAL_CHARACTER.test(out)) {
    out = out.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    out = out.replace(/[\u00A0\u2007\u202F\u2009]/g, ' ').replace(/\u00AD/g, '');
    // Invisible format characters (zero-width, bidi controls) carry no text and hide inside names.
    out = out.replace(/[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g, '');
    out = out.replace(
      /([A-Za-z]) ?([\u00B4\u00B8\u02C7\u00A8\u02DC])(?=[A-Za-z\s(),.]|$)/gm,
      (whole, letter: string, accent: string) => {
        const combined = `${letter}${SPACING_ACCENTS[accent] ?? ''}`.normalize('NFC');
        return combined.length === 1 ? combined : whole;
      },
    );
  }
  // pypdf joins lines without a space: "Binnenlandse Zaken enKoninkrijksrelaties", "Minister vanOnderwijs".
  // A Dutch function word glued to a capitalised word is two words.
  if (MAYBE_GLUED.test(out)) out = out.replace(GLUED_FUNCTION_WORD, '$1$2 $3');
  return toNfc(out);
}

// Text of code units below U+0300 only is already NFC (every character there is NFC_Quick_Check
// Yes with combining class 0): most paragraphs skip the normalizer call.
function toNfc(text: string): string {
  return BEYOND_NFC_SAFE.test(text) ? text.normalize('NFC') : text;
}

const BEYOND_NFC_SAFE = /[\u0300-\uFFFF]/;

const SPECIAL_CHARACTER =
  /[\r\u00A0\u2007\u202F\u2009\u00AD\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00B4\u00B8\u02C7\u00A8\u02DC]/;

const GLUED_FUNCTION_WORD =
  /(^|[\s(«“‘])(en|van|voor|de|het|der|aan|op|in|te|met|of|tot|bij|om|naar|over|uit|door|zijn|dat|die)(\p{Lu}\p{Ll}{2,})/gu;

// A cheap test that GLUED_FUNCTION_WORD may match: the same without the Unicode flag (several
// times faster), a capital letter widened to any code unit from U+00C0 on (every \p{Lu} outside
// A-Z, and the lead surrogate of one outside the BMP, lies there). It matches wherever the real one does.
const MAYBE_GLUED =
  /(?:^|[\s(«“‘])(?:en|van|voor|de|het|der|aan|op|in|te|met|of|tot|bij|om|naar|over|uit|door|zijn|dat|die)[A-Z\u00C0-\uFFFF]/;

/** Whitespace runs to one space, trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True for a UTF-16 code unit that /\s/ matches (what trim() removes), without a regex call. */
export function isSpaceCode(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code >= 0xa0 &&
        (code === 0xa0 ||
          code === 0x1680 ||
          (code >= 0x2000 && code <= 0x200a) ||
          code === 0x2028 ||
          code === 0x2029 ||
          code === 0x202f ||
          code === 0x205f ||
          code === 0x3000 ||
          code === 0xfeff);
}
