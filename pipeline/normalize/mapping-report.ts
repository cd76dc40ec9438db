// The mapping report: every printed party, ministry and asker the records hold, with the key it
// mapped to (null: unmapped) and in how many documents it appears. Pure over record facts; the
// unmapped rows are what the next review of data/entities should look at, most frequent first.
import type { RecordFacts } from './record-facts.ts';

export type MappingKind = 'party' | 'ministry' | 'person';

export interface MappingRow {
  kind: MappingKind;
  printed: string;
  key: string | null;
  documents: number;
}

const KINDS: readonly [MappingKind, 'parties' | 'ministries' | 'persons'][] = [
  ['party', 'parties'],
  ['ministry', 'ministries'],
  ['person', 'persons'],
];

/** Rows sorted by kind, unmapped first, then by count (descending) and printed value. */
export function mappingReport(
  records: Iterable<{ facts: Pick<RecordFacts, 'parties' | 'ministries' | 'persons'> }>,
): MappingRow[] {
  const counts = new Map<string, MappingRow>();
  for (const { facts } of records) {
    const seen = new Set<string>();
    for (const [kind, field] of KINDS) {
      for (const [printed, key] of facts[field]) {
        const id = JSON.stringify([kind, printed, key]);
        if (seen.has(id)) continue;
        seen.add(id);
        const row = counts.get(id) ?? { kind, printed, key, documents: 0 };
        row.documents += 1;
        counts.set(id, row);
      }
    }
  }
  const order = (k: MappingKind) => KINDS.findIndex(([x]) => x === k);
  return [...counts.values()].sort(
    (a, b) =>
      order(a.kind) - order(b.kind) ||
      Number(a.key !== null) - Number(b.key !== null) ||
      b.documents - a.documents ||
      (a.printed < b.printed ? -1 : a.printed > b.printed ? 1 : 0) ||
      ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0),
  );
}

/** The unmapped rows only. */
export const unmapped = (rows: readonly MappingRow[]): MappingRow[] =>
  rows.filter((r) => r.key === null);
