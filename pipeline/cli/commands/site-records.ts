import { createReadStream, existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR } from '../../build/year-files.ts';
import { KamervragenError } from '../../errors.ts';
import type { Spill, SpillLines } from '../../site/site-data.ts';
import type { Document } from '../../types.ts';

// How the site command reads the published records: the one place that knows the files.

/**
 * Every record of the dataset in `dataDir`, one at a time: the year files of data/ (the committed
 * dataset) or kamervragen.ndjson line by line (a hundred thousand records never sit in memory
 * together), else kamervragen.json.
 */
export async function* readRecords(dataDir: string): AsyncGenerator<Document> {
  // The committed dataset: one NDJSON file per session year.
  const years = await readdir(join(dataDir, DATA_DIR)).catch(() => null);
  if (years !== null) {
    for (const name of years.filter((n) => n.endsWith('.ndjson')).sort())
      yield* readNdjson(join(dataDir, DATA_DIR, name));
    return;
  }
  const ndjson = join(dataDir, 'kamervragen.ndjson');
  const json = join(dataDir, 'kamervragen.json');
  const folder = join(dataDir, DATA_DIR);
  if (!existsSync(ndjson) && !existsSync(json))
    throw new KamervragenError(
      'site/no-data',
      `found neither ${folder}/ nor ${json}; run \`kamervragen release\` (or build) first`,
      { file: folder },
    );
  yield* readNdjson(ndjson, json);
}

async function* readNdjson(ndjson: string, fallback?: string): AsyncGenerator<Document> {
  const exists = await stat(ndjson).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw new KamervragenError('site/read', `cannot read (${e.code ?? String(e)})`, {
        file: ndjson,
      });
    },
  );
  if (!exists && fallback !== undefined) {
    yield* readJsonArray(fallback);
    return;
  }
  let line = 0;
  for await (const text of lines(ndjson)) {
    line += 1;
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text) as Document;
    } catch (error) {
      throw new KamervragenError(
        'site/bad-json',
        `not a JSON record (${(error as Error).message})`,
        {
          file: ndjson,
          line,
        },
      );
    }
  }
}

/**
 * The lines of a file, read only as fast as they are used: readline's iterator would read the
 * whole file ahead into memory while the records are still being processed.
 */
async function* lines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (rest + (chunk as string)).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest) yield rest;
}

async function* readJsonArray(path: string): AsyncGenerator<Document> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KamervragenError(
      code === 'ENOENT' ? 'site/missing' : 'site/read',
      code === 'ENOENT' ? 'not found; run `kamervragen build` first' : `cannot read (${code})`,
      { file: path },
    );
  }
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    throw new KamervragenError('site/bad-json', `not valid JSON (${(error as Error).message})`, {
      file: path,
    });
  }
  if (!Array.isArray(records))
    throw new KamervragenError('site/bad-data', 'expected an array of records', { file: path });
  yield* records as Document[];
}

/** Spilled lines in one file per session year under `dir`, written in batches. */
export class FileSpill implements Spill {
  private readonly buffered = new Map<string, string[]>();
  private readonly known = new Set<string>();
  private bytes = 0;
  constructor(private readonly dir: string) {}

  async put(group: string, line: string): Promise<void> {
    const list = this.buffered.get(group);
    if (list) list.push(line);
    else this.buffered.set(group, [line]);
    this.known.add(group);
    this.bytes += line.length;
    if (this.bytes > 16_000_000) await this.flush();
  }
  groups(): string[] {
    return [...this.known];
  }
  /** The lines stay bytes until asked for, so a year's records are never one big string. */
  async take(group: string): Promise<SpillLines> {
    await this.flush();
    const path = join(this.dir, `${group}.ndjson`);
    const bytes = await readFile(path).catch(() => Buffer.alloc(0));
    await rm(path, { force: true });
    const starts: number[] = [];
    for (let at = 0; at < bytes.length; at = bytes.indexOf(10, at) + 1) {
      starts.push(at);
      if (bytes.indexOf(10, at) < 0) break;
    }
    const last = bytes[bytes.length - 1] === 10 ? bytes.length - 1 : bytes.length;
    const end = (i: number) => {
      const next = starts[i + 1];
      return next === undefined ? last : next - 1;
    };
    return {
      length: starts.length,
      id: (i) => bytes.toString('latin1', starts[i], bytes.indexOf(9, starts[i])),
      line: (i) => bytes.toString('utf8', starts[i], end(i)),
    };
  }
  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
  private async flush(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const [group, lines] of this.buffered)
      await appendFile(join(this.dir, `${group}.ndjson`), `${lines.join('\n')}\n`);
    this.buffered.clear();
    this.bytes = 0;
  }
}
