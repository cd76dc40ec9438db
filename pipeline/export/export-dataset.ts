import { createHash } from 'node:crypto';
import type { Document } from '../types.ts';
import { csvChunks } from './to-csv.ts';
import { dataPackage, type PackageMeta, type ResourceStats } from './datapackage.ts';
import { jsonChunks, ndjsonChunks } from './to-json.ts';
import { orderKeys } from './order-keys.ts';
import { parquetName } from './parquet-sql.ts';
import { CROSS_TABLES, crossTableFiles } from './cross-tables.ts';
import { TABLES } from './tables.ts';
import { recordFacts } from '../normalize/record-facts.ts';

export type { PackageMeta } from './datapackage.ts';

export interface ExportFile {
  /** File name inside the output folder. */
  name: string;
  /** The content, chunk by chunk; call again for a fresh pass. */
  chunks(): Iterable<string>;
}

/** Every file name exportDataset produces, in order. */
export const EXPORT_FILES: readonly string[] = [
  'kamervragen.json',
  'kamervragen.ndjson',
  ...TABLES.map((t) => `${t.name}.csv`),
  ...CROSS_TABLES.map((t) => `${t.name}.csv`),
  'datapackage.json',
];

/** The Parquet copy of each table, written from the CSVs on disk (pipeline/build/write-parquet.ts). */
export const PARQUET_FILES: readonly string[] = TABLES.map(parquetName);

/** The tables datapackage.json describes, in its order. */
export const PACKAGE_TABLES = [...TABLES, ...CROSS_TABLES];

// Pure: records in, file contents out, deterministic (records sorted by id, keys in schema
// order, no clock). Content is produced lazily so a writer can stream it to disk; bytes and
// hash of each CSV are measured while it streams, and datapackage.json (last) uses them.
export function exportDataset(records: readonly Document[], meta: PackageMeta = {}): ExportFile[] {
  const documents = [...records]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d) => orderKeys(d));
  const stats = new Map<string, ResourceStats>();

  const tableFiles: ExportFile[] = TABLES.map((table) => ({
    name: `${table.name}.csv`,
    chunks: () => measured(csvChunks(table, documents), (s) => stats.set(table.name, s)),
  }));

  const crossFiles: ExportFile[] = crossTableFiles(
    documents.map((d) => ({
      id: d.id,
      submitted: d.submitted,
      answered: d.answered,
      facts: recordFacts(d),
    })),
    meta.created?.slice(0, 10) ?? null,
  ).map((file) => ({
    name: file.name,
    chunks: () => measured(file.chunks(), (s) => stats.set(file.name.replace(/\.csv$/, ''), s)),
  }));

  return [
    { name: 'kamervragen.json', chunks: () => jsonChunks(documents) },
    { name: 'kamervragen.ndjson', chunks: () => ndjsonChunks(documents) },
    ...tableFiles,
    ...crossFiles,
    {
      name: 'datapackage.json',
      chunks: () => {
        // A caller that skipped a CSV still gets a correct descriptor: measure it now.
        for (const file of [...tableFiles, ...crossFiles])
          if (!stats.has(file.name.replace(/\.csv$/, ''))) drain(file.chunks());
        return [`${JSON.stringify(dataPackage(PACKAGE_TABLES, stats, meta), null, 2)}\n`];
      },
    },
  ];
}

function drain(chunks: Iterable<string>): void {
  const iterator = chunks[Symbol.iterator]();
  while (!iterator.next().done);
}

function* measured(
  chunks: Iterable<string>,
  done: (stats: ResourceStats) => void,
): Generator<string> {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const chunk of chunks) {
    const buffer = Buffer.from(chunk, 'utf8');
    hash.update(buffer);
    bytes += buffer.length;
    yield chunk;
  }
  done({ bytes, sha256: hash.digest('hex') });
}

/**
 * The date of a build: SOURCE_DATE_EPOCH when given (seconds), else the newest date a document
 * states (answered, else submitted); null when there is none. Never the clock.
 */
export function datasetDate(records: readonly Document[], sourceDateEpoch?: string): string | null {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch)) {
    return new Date(Number(sourceDateEpoch) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  }
  let newest: string | null = null;
  for (const doc of records) {
    for (const date of [doc.answered, doc.submitted])
      if (date !== null && (newest === null || date > newest)) newest = date;
  }
  return newest === null ? null : `${newest}T00:00:00Z`;
}
