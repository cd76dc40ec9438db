// Writes the export files from per-record fragments in one pass: every file is streamed at once,
// record by record in id order, so memory does not grow with the number of records. The bytes
// are those exportDataset produces (the same generators made the fragments). Like writeFiles,
// everything goes to a staging folder first and is renamed into place when complete; a file
// whose bytes did not change is left as it was (an incremental build rewrites only what changed).
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { dataPackage, type PackageMeta, type ResourceStats } from '../export/datapackage.ts';
import { csvChunks } from '../export/to-csv.ts';
import { TABLES } from '../export/tables.ts';
import type { FragmentBytes } from './prepare-record.ts';
import { removeStaleStaging, STAGING_PREFIX, type OutputFile } from './write-files.ts';

class StreamedFile {
  readonly hash: Hash = createHash('sha256');
  bytes = 0;
  private pending: Uint8Array[] = [];
  private size = 0;
  constructor(
    readonly name: string,
    private readonly handle: FileHandle,
  ) {}
  async write(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return;
    const buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.hash.update(buffer);
    this.bytes += buffer.length;
    this.pending.push(buffer);
    this.size += buffer.length;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = Buffer.concat(this.pending);
    this.pending = [];
    this.size = 0;
    await this.handle.write(data);
  }
  async close(): Promise<void> {
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
  }
}

export async function writeDataset(
  out: string,
  fragments: Iterable<FragmentBytes> | AsyncIterable<FragmentBytes>,
  meta: PackageMeta,
  extra: readonly OutputFile[],
): Promise<{ written: string[]; unchanged: string[] }> {
  await mkdir(out, { recursive: true });
  await removeStaleStaging(out);
  const staging = join(out, `${STAGING_PREFIX}${process.pid}`);
  await mkdir(staging);
  try {
    const names = ['kamervragen.json', 'kamervragen.ndjson', ...TABLES.map((t) => `${t.name}.csv`)];
    const files: StreamedFile[] = [];
    for (const name of names)
      files.push(new StreamedFile(name, await open(join(staging, name), 'wx')));
    const hashes = new Map<string, string>();
    try {
      const [json, ndjson, ...csv] = files as [StreamedFile, StreamedFile, ...StreamedFile[]];
      for (const [i, table] of TABLES.entries()) await csv[i]!.write(headerOf(table));
      let first = true;
      for await (const f of fragments) {
        await json.write(first ? '[\n' : ',\n');
        await json.write(f[0]!);
        first = false;
        await ndjson.write(f[1]!);
        for (let i = 0; i < csv.length; i += 1) await csv[i]!.write(f[2 + i]!);
      }
      await json.write(first ? '[]\n' : '\n]\n');
    } finally {
      for (const file of files) await file.close();
    }
    const stats = new Map<string, ResourceStats>();
    for (const file of files) {
      const sha256 = file.hash.digest('hex');
      hashes.set(file.name, sha256);
      if (file.name.endsWith('.csv'))
        stats.set(file.name.slice(0, -4), { bytes: file.bytes, sha256 });
    }
    const small: OutputFile[] = [
      {
        name: 'datapackage.json',
        chunks: () => [`${JSON.stringify(dataPackage(TABLES, stats, meta), null, 2)}\n`],
      },
      ...extra,
    ];
    for (const file of small) {
      const handle = await open(join(staging, file.name), 'wx');
      const streamed = new StreamedFile(file.name, handle);
      for (const chunk of file.chunks()) await streamed.write(chunk);
      await streamed.close();
      hashes.set(file.name, streamed.hash.digest('hex'));
    }
    const written = [...names, ...small.map((f) => f.name)];
    const unchanged: string[] = [];
    for (const name of written) {
      if (await sameBytes(join(staging, name), join(out, name), hashes.get(name)!))
        unchanged.push(name);
      else await rename(join(staging, name), join(out, name));
    }
    return { written, unchanged };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function headerOf(table: (typeof TABLES)[number]): string {
  for (const chunk of csvChunks(table, [])) return chunk;
  return '';
}

async function sameBytes(staged: string, current: string, sha256: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(staged), stat(current).catch(() => null)]);
  if (b === null || !b.isFile() || a.size !== b.size) return false;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(current)) hash.update(chunk as Buffer);
  return hash.digest('hex') === sha256;
}
