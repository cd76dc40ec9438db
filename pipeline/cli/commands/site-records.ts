// The records the site shows, read from the committed dataset: one NDJSON file per session year
// (DIR/data/*.ndjson), in id order as the single-file download lists them. A folder holding
// only the single-file JSON (an older dataset) is read as well.
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DATA_DIR } from '../../build/year-files.ts';
import { KamervragenError } from '../../errors.ts';
import type { Document } from '../../types.ts';

async function readLines(path: string, into: Document[]): Promise<void> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path, 'utf8') })) {
    line += 1;
    if (text === '') continue;
    try {
      into.push(JSON.parse(text) as Document);
    } catch (error) {
      throw new KamervragenError(
        'site/bad-data',
        `not a JSON record (${(error as Error).message}); rebuild the dataset`,
        { file: path, line },
      );
    }
  }
}

export async function readSiteRecords(dataDir: string): Promise<Document[]> {
  const folder = join(dataDir, DATA_DIR);
  const names = await readdir(folder).catch(() => null);
  if (names === null) {
    const path = join(dataDir, 'kamervragen.json');
    const text = await readFile(path, 'utf8').catch(() => {
      throw new KamervragenError(
        'site/no-data',
        `found neither ${folder}/ nor ${path}; run \`kamervragen release\` (or build) first`,
        { file: folder },
      );
    });
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed))
      throw new KamervragenError('site/bad-data', 'expected an array of records', { file: path });
    return parsed as Document[];
  }
  const records: Document[] = [];
  for (const name of names.filter((n) => n.endsWith('.ndjson')).sort())
    await readLines(join(folder, name), records);
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
