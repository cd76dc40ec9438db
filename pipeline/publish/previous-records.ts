// The previous version of the records a release changes, read from the NDJSON the last release
// left in the output folder: one line at a time, only the ids asked for, so that release notes
// can name the fields that changed. A missing or unreadable file only costs those names.
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DATA_DIR } from '../build/year-files.ts';
import { changedFields } from '../package/changed-fields.ts';
import { diffHashed, type HashedRecord } from '../package/plan-release.ts';
import type { Manifest } from '../package/release-types.ts';

async function readPreviousRecords(
  ndjsonPath: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  if (ids.size === 0) return found;
  try {
    const lines = createInterface({ input: createReadStream(ndjsonPath), crlfDelay: Infinity });
    for await (const line of lines) {
      // Each line starts with its id (the export writes keys in schema order).
      const id = /^\{"id":"([^"\\]+)"/.exec(line)?.[1];
      if (id === undefined || !ids.has(id)) continue;
      try {
        found.set(id, JSON.parse(line));
      } catch {
        // A damaged line: that record's fields go unnamed.
      }
    }
  } catch {
    // No previous NDJSON (a first release, or a fresh checkout of dist/ without it).
  }
  return found;
}

/**
 * The changed fields of each record that changed since `previous`, comparing the committed year
 * files of the last release (or its single NDJSON, in the older layout) with the new build's
 * NDJSON; undefined when nothing changed, so nothing is read.
 */
export async function fieldsChangedSince(
  previous: Manifest | null,
  records: readonly HashedRecord[],
  where: { previousDir: string; currentNdjson: string },
): Promise<((id: string) => readonly string[] | null) | undefined> {
  if (previous === null) return undefined;
  const ids = new Set(diffHashed(records, previous).changed.map((r) => r.id));
  if (ids.size === 0) return undefined;
  const years = await readdir(join(where.previousDir, DATA_DIR)).catch(() => [] as string[]);
  const files = [
    ...years
      .filter((name) => name.endsWith('.ndjson'))
      .map((n) => join(where.previousDir, DATA_DIR, n)),
    join(where.previousDir, 'kamervragen.ndjson'),
  ];
  const before = new Map<string, unknown>();
  for (const file of files)
    for (const [id, record] of await readPreviousRecords(file, ids)) before.set(id, record);
  const after = await readPreviousRecords(where.currentNdjson, ids);
  return (id) =>
    before.has(id) && after.has(id) ? changedFields(before.get(id), after.get(id)) : null;
}
