// Partitioned builds: a build can keep only the records of a range of session years
// (vergaderjaren), so a CI matrix runs one job per range, and `kamervragen merge` assembles
// the full dataset from the parts, byte for byte what one build of everything writes.
// A part folder holds partition.json (range, source count, record summaries in id order,
// quarantined files) and fragments.ndjson (each record's export bytes, same order).
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { KamervragenError } from '../errors.ts';
import { writeFileAtomic } from '../fetch/document-store.ts';
import type { QuarantinedFile } from './build-records.ts';
import type { FragmentBytes, Fragments, RecordSummary } from './prepare-record.ts';

export const PARTITION_FILE = 'partition.json';
export const FRAGMENTS_FILE = 'fragments.ndjson';

/** Session years from..to, inclusive; null is an open end. */
export interface PartitionRange {
  from: string | null;
  to: string | null;
}

const YEAR = /^(\d{4})-(\d{4})$/;

/** "2019-2020..2020-2021", "2019-2020..", "..2018-2019" or one year "2019-2020". */
export function parsePartition(text: string): PartitionRange {
  const [from, to] = text.includes('..') ? text.split('..', 2) : [text, text];
  const check = (v: string | undefined): string | null => {
    if (v === undefined || v === '') return null;
    const m = YEAR.exec(v);
    if (m === null || Number(m[2]) !== Number(m[1]) + 1) {
      throw new KamervragenError(
        'usage/partition',
        `--partition takes session years like 2019-2020..2020-2021 (open ends allowed: ..2000-2001, 2001-2002..), found "${text}"`,
        {},
        2,
      );
    }
    return v;
  };
  const range = { from: check(from), to: check(to) };
  if (range.from !== null && range.to !== null && range.from > range.to)
    throw new KamervragenError(
      'usage/partition',
      `--partition ${text} is empty (from after to)`,
      {},
      2,
    );
  return range;
}

// The session year an official id states: ah-tk-20192020-123 (Aanhangsel, either chamber) is
// of session year 2019-2020. Read from the file name, so a part knows without parsing which
// documents are someone else's.
const ID_YEAR = /^ah-[a-z]{2}-(\d{4})(\d{4})-/;

/** The session year in a document's file name, when its name starts with such an id. */
export function sessionYearHint(path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = ID_YEAR.exec(name);
  if (m === null || Number(m[2]) !== Number(m[1]) + 1) return null;
  return `${m[1]}-${m[2]}`;
}

/**
 * The partition key of a document: the session year its file name states, else its record's
 * session year. Files without either (no session year, or quarantined) sort first (""), so they
 * belong to the range with an open start. Every part computes the same key for a file, so
 * together the parts hold every record and every quarantined file exactly once.
 */
export function partitionKey(
  path: string,
  record: Pick<RecordSummary, 'session_year'> | null,
): string {
  return sessionYearHint(path) ?? record?.session_year ?? '';
}

export function inRange(key: string, range: PartitionRange): boolean {
  if (range.from === null ? false : key < range.from) return false;
  if (key === '') return range.from === null;
  return range.to === null || key <= range.to;
}

export interface PartitionIndex {
  range: PartitionRange;
  /** Documents listed in the documents folder (the same for every part of one corpus). */
  sources: number;
  records: RecordSummary[];
  quarantined: QuarantinedFile[];
}

/** Writes a part: records must be sorted by id, `fragments` in the same order. */
export async function writePartition(
  out: string,
  index: PartitionIndex,
  fragments: Iterable<FragmentBytes>,
): Promise<string[]> {
  await mkdir(out, { recursive: true });
  const temp = join(out, `.${FRAGMENTS_FILE}.${process.pid}`);
  const handle = await open(temp, 'w');
  try {
    let batch: string[] = [];
    for (const f of fragments) {
      const text = f.map((x) => (typeof x === 'string' ? x : Buffer.from(x).toString('utf8')));
      batch.push(`${JSON.stringify(text)}\n`);
      if (batch.length >= 500) {
        await handle.write(batch.join(''));
        batch = [];
      }
    }
    await handle.write(batch.join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(out, FRAGMENTS_FILE));
  await writeFileAtomic(join(out, PARTITION_FILE), `${JSON.stringify(index)}\n`);
  return [PARTITION_FILE, FRAGMENTS_FILE];
}

export async function readPartitionIndex(dir: string): Promise<PartitionIndex> {
  const path = join(dir, PARTITION_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new KamervragenError(
      'merge/part',
      `not a partitioned build (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); make one with kamervragen build --partition FROM..TO --out ${dir}`,
      { file: path },
    );
  }
  try {
    return JSON.parse(text) as PartitionIndex;
  } catch (error) {
    throw new KamervragenError(
      'merge/part',
      `unreadable part index (${(error as Error).message})`,
      {
        file: path,
      },
    );
  }
}

/** A part's fragments, one record at a time. */
export async function* readFragments(dir: string): AsyncGenerator<Fragments> {
  const lines = createInterface({
    input: createReadStream(join(dir, FRAGMENTS_FILE)),
    crlfDelay: Infinity,
  });
  for await (const line of lines) if (line !== '') yield JSON.parse(line) as Fragments;
}
