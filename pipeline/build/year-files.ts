// The committed form of the records: one NDJSON file per session year (data/2019-2020.ndjson),
// each holding that year's NDJSON lines in id order. Such files stay far below GitHub's file
// limits at the full corpus, and a few new documents change only the files of their years, so
// the repository grows by small deltas. The lines are the bytes kamervragen.ndjson holds.
import { createHash, type Hash } from 'node:crypto';
import { mkdir, open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export const DATA_DIR = 'data';
/** Records that state no session year. */
export const NO_YEAR = 'no-session-year';

/** The file (relative to the output folder) that holds the records of a session year. */
export function yearFileName(sessionYear: string | null): string {
  return `${DATA_DIR}/${sessionYear ?? NO_YEAR}.ndjson`;
}

/** data/2019-2020.ndjson → 2019-2020 */
export const yearOfFile = (name: string): string =>
  name.slice(DATA_DIR.length + 1, -'.ndjson'.length);

export function isYearFileName(name: string): boolean {
  return name.startsWith(`${DATA_DIR}/`) && name.endsWith('.ndjson');
}

/** Bytes gathered per year file before one write: small, since one is open per session year. */
const BUFFER = 256 << 10;

class YearFile {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafeSlow(BUFFER);
  private fill = 0;
  constructor(private readonly handle: FileHandle) {}

  async write(data: Uint8Array, start: number, end: number): Promise<void> {
    const length = end - start;
    this.bytes += length;
    if (this.fill + length > BUFFER) await this.flush();
    if (length > BUFFER) {
      const piece = data.subarray(start, end);
      this.hash.update(piece);
      await this.handle.write(piece);
      return;
    }
    Buffer.prototype.copy.call(data, this.buffer, this.fill, start, end);
    this.fill += length;
  }

  async flush(): Promise<void> {
    if (this.fill === 0) return;
    const data = this.buffer.subarray(0, this.fill);
    this.hash.update(data);
    await this.handle.write(data);
    this.fill = 0;
  }

  async close(): Promise<string> {
    try {
      await this.flush();
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
    return this.hash.digest('hex');
  }
}

/** The year files of one build, written into `folder` (a staging folder) as records come. */
export interface YearFiles {
  /** Appends bytes start..end of `data` (one record's NDJSON line) to its year's file. */
  add(sessionYear: string | null, data: Uint8Array, start: number, end: number): Promise<void>;
  /** Ends every file: name (data/…) → size and sha256. */
  close(): Promise<Map<string, { bytes: number; sha256: string }>>;
  /** Closes the handles without caring for the content (the staging folder is dropped). */
  abort(): Promise<void>;
}

export async function openYearFiles(folder: string): Promise<YearFiles> {
  await mkdir(join(folder, DATA_DIR), { recursive: true });
  const files = new Map<string, YearFile>();
  const opening = new Map<string, Promise<YearFile>>();
  const fileFor = async (name: string): Promise<YearFile> => {
    const known = files.get(name);
    if (known !== undefined) return known;
    let pending = opening.get(name);
    if (pending === undefined) {
      pending = open(join(folder, name), 'wx').then((h) => new YearFile(h));
      opening.set(name, pending);
    }
    const file = await pending;
    files.set(name, file);
    return file;
  };
  return {
    async add(sessionYear, data, start, end) {
      await (await fileFor(yearFileName(sessionYear))).write(data, start, end);
    },
    async close() {
      const stats = new Map<string, { bytes: number; sha256: string }>();
      for (const name of [...files.keys()].sort()) {
        const file = files.get(name)!;
        stats.set(name, { bytes: file.bytes, sha256: await file.close() });
      }
      return stats;
    },
    async abort() {
      await Promise.allSettled([...files.values()].map((f) => f.close()));
    },
  };
}

/**
 * The files of `folder` in `out` (names as `belongs` takes them, folder/name) that are not in
 * `keep`: the ones a new set leaves out.
 */
export async function staleFiles(
  out: string,
  folder: string,
  belongs: (name: string) => boolean,
  keep: readonly string[],
): Promise<string[]> {
  const wanted = new Set(keep);
  const present = await readdir(join(out, folder)).catch(() => [] as string[]);
  return present
    .map((name) => `${folder}/${name}`)
    .filter((relative) => belongs(relative) && !wanted.has(relative))
    .sort();
}

/** The year files in `out` that are not in `keep`. */
export const staleYearFiles = (out: string, keep: readonly string[]): Promise<string[]> =>
  staleFiles(out, DATA_DIR, isYearFileName, keep);
