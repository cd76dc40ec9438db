// The previous version of the records a release changes, read from the NDJSON the last release
// left in the output folder: one line at a time, only the ids asked for, so that release notes
// can name the fields that changed. A missing or unreadable file only costs those names.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function readPreviousRecords(
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
