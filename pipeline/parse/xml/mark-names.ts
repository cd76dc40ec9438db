import type { HeaderFields } from '../common/header.ts';

/**
 * Placeholder for the i-th marked name: private-use characters no sentence contains, around a
 * word (the sentence reader only keeps names with letters).
 */
export function nameMark(i: number): string {
  return `\uE010naam${i}\uE011`;
}

// Names the markup marks are taken whole: "<naam>Faber-van de Klashorst (oud-lid)</naam>" or a
// name with a comma or "(" must not be split into name and party by the sentence reader.
export function resolveNames(header: HeaderFields, names: string[]): HeaderFields {
  if (names.length === 0) return header;
  // Most fields hold no placeholder: no replace (and no new string) for those.
  const put = (text: string) =>
    text.includes('\uE010')
      ? text.replace(/\uE010naam(\d+)\uE011/g, (_m, i: string) => names[Number(i)] ?? '')
      : text;
  const putOrNull = (text: string | null) => (text === null ? null : put(text).trim() || null);
  return {
    ...header,
    askers:
      header.askers?.map((a) => ({ name: put(a.name).trim(), party: putOrNull(a.party) })) ?? null,
    addressees: header.addressees?.map(put) ?? null,
    title: putOrNull(header.title),
    answerer: header.answerer
      ? {
          role: putOrNull(header.answerer.role),
          name: putOrNull(header.answerer.name),
          portfolio: putOrNull(header.answerer.portfolio),
        }
      : null,
    coAnswerers: header.coAnswerers?.map(put) ?? null,
  };
}
