// The rendering's quirks in a printed name, repaired without touching anything else. PDF text
// extraction gives accents as separate spacing characters beside their letter (`Kostic´`,
// `Kostic ´`, `Yes¸ilgöz`), or as a letter followed by a combining mark; and the text layer
// drops the space between a particle and the next word (`Inge vanDijk`). Each repair is one
// declared rule, so the result can be checked against the printed value by eye.

/** Spacing accents (as PDFs print them) and the combining mark each stands for. */
const SPACING_ACCENTS: Readonly<Record<string, string>> = {
  '\u00b4': '\u0301', // ´ acute
  '\u02ca': '\u0301', // ˊ modifier acute
  '\u0060': '\u0300', // ` grave
  '\u02cb': '\u0300', // ˋ modifier grave
  '\u00a8': '\u0308', // ¨ diaeresis
  '\u00b8': '\u0327', // ¸ cedilla
  '\u02c6': '\u0302', // ˆ circumflex
  '\u02dc': '\u0303', // ˜ tilde
  '\u02c7': '\u030c', // ˇ caron
};

const ACCENT_CLASS = `[${Object.keys(SPACING_ACCENTS).join('')}]`;
// A letter, optionally a space, then a spacing accent: the accent belongs to the letter.
const LOOSE_ACCENT = new RegExp(`(\\p{L}) ?(${ACCENT_CLASS})`, 'gu');
// Lower-case particles that start a Dutch surname's prefix, glued to a capitalised word.
const GLUED_PARTICLE = /(^|[\s-])(van|de|der|den|het|ter|ten|te|in 't|op de)(?=\p{Lu})/gu;

/** The name with rendering quirks repaired; a name without quirks comes back unchanged. */
export function canonicalName(printed: string): string {
  let name = printed.replace(/\s+/gu, ' ');
  // Until none is left to join: a letter with two accents (c¸´ is ḉ) takes one per pass.
  for (let before = ''; before !== name; ) {
    before = name;
    name = name.replace(LOOSE_ACCENT, (whole, letter: string, accent: string) => {
      const composed = `${letter}${SPACING_ACCENTS[accent]}`.normalize('NFC');
      // Only where the letter takes this accent (ć, ş, ë …): an apostrophe-like mark after a
      // letter that has no such composed form (Mart`liant) stays as printed.
      return composed.length === 1 ? composed : whole;
    });
  }
  name = name.normalize('NFC');
  name = name.replace(GLUED_PARTICLE, '$1$2 ');
  return name.replace(/\s+/gu, ' ').trim();
}
