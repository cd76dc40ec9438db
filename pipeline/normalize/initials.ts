// Initials for the printed askers from the metadata's indiener values ("S.P.R.A. van Weyenberg"):
// an asker gets the initials of the one indiener whose surname is the printed name (or ends it,
// when the document prints a given name first: "Sjoerd Sjoerdsma"). No match, or two: null.
import { canonicalName } from './clean-name.ts';

const SPLIT = /^((?:\p{Lu}\p{Ll}?\.\s?)+)\s*(.+)$/u;
// "R.H. (Romke) de Jong": the given name in brackets between initials and surname.
const GIVEN = /^\([^)]*\)\s*/u;
const fold = (s: string): string => s.replace(/\s+/gu, ' ').trim().toLowerCase();

/** Initials and surname of an indiener value; null when it does not start with initials. */
export function splitSubmitter(value: string): { initials: string; surname: string } | null {
  const match = SPLIT.exec(canonicalName(value));
  if (match === null) return null;
  return { initials: match[1]!.replace(/\s+/gu, ''), surname: match[2]!.replace(GIVEN, '') };
}

export function initialsFor(
  askers: readonly { name: string }[],
  submitters: readonly string[],
): (string | null)[] {
  const split = submitters.flatMap((s) => {
    const parts = splitSubmitter(s);
    return parts === null ? [] : [parts];
  });
  return askers.map((asker) => {
    const name = fold(canonicalName(asker.name));
    const hits = split.filter((s) => {
      const surname = fold(s.surname);
      return name === surname || name.endsWith(` ${surname}`);
    });
    return hits.length === 1 ? hits[0]!.initials : null;
  });
}
