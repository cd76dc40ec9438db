// The records of a committed dataset folder (dist/): one NDJSON file per session year under
// data/, read back whole and in id order, as the single-file download lists them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function committedRecords<T = Record<string, unknown>>(dist: string): T[] {
  const folder = join(dist, 'data');
  const records = readdirSync(folder)
    .filter((name) => name.endsWith('.ndjson'))
    .flatMap((name) =>
      readFileSync(join(folder, name), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as T & { id: string }),
    );
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
