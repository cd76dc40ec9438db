// A .gz made of many gzip members, one per piece of the file, with piece boundaries chosen by
// the content (a newline whose preceding bytes hash to a set value, once a piece is at least
// MIN long). A few new documents change only the pieces they fall in, so a release recompresses
// those pieces and copies every other member from the last release's store; the boundaries do
// not depend on what was there before, so a cold release makes the same bytes. gzip, zcat,
// Python, pandas and DuckDB read a multi-member file as the concatenation of its members.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const MIN = 1 << 20;
const MAX = 4 << 20;
const LEVEL = 6;
export const MEMBERS_FORMAT = `members-${MIN}-${MAX}-level-${LEVEL}-os-255`;
const compress = promisify(gzip);

/** Whether a piece may end after the newline at `at` (FNV-1a of the 32 bytes before it). */
function cutsAt(bytes: Buffer, at: number): boolean {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, at - 32); i < at; i += 1) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0) % 8 === 0;
}

/** Where the piece at the start of `bytes` (length `length`) ends. */
function pieceEnd(bytes: Buffer, length: number, eof: boolean): number {
  if (eof && length <= MIN) return length;
  const limit = Math.min(length, MAX);
  let at = MIN - 1;
  for (;;) {
    at = bytes.indexOf(10, at + 1);
    if (at < 0 || at >= limit) return eof && length <= MAX ? length : limit;
    if (cutsAt(bytes, at)) return at + 1;
  }
}

/** The pieces of a file, read through one reused buffer. */
async function* pieces(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(2 * MAX);
    let length = 0;
    let eof = false;
    for (;;) {
      while (!eof && length < MAX) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) eof = true;
        length += bytesRead;
      }
      if (length === 0) return;
      const end = pieceEnd(buffer, length, eof);
      yield Buffer.from(buffer.subarray(0, end));
      buffer.copy(buffer, 0, end, length);
      length -= end;
    }
  } finally {
    await handle.close();
  }
}

async function member(piece: Buffer, name: string, store: string): Promise<Buffer> {
  const path = join(store, name);
  const known = await readFile(path).catch(() => null);
  if (known !== null) return known;
  const made = await compress(piece, {
    level: LEVEL,
    memLevel: 9,
    strategy: constants.Z_DEFAULT_STRATEGY,
  });
  // zlib's header names the platform it was built for; 255 ("unknown") is the same everywhere.
  made[9] = 255;
  await writeFile(`${path}.partial-${process.pid}`, made);
  await rename(`${path}.partial-${process.pid}`, path);
  return made;
}

/**
 * Writes `source`'s gzip to `target` from members kept in `store` (made where missing; those no
 * longer used are removed). Returns the .gz's size and sha256.
 */
export async function gzipByMembers(
  source: string,
  target: string,
  store: string,
): Promise<{ bytes: number; sha256: string }> {
  await mkdir(store, { recursive: true });
  const used = new Set<string>();
  const hash = createHash('sha256');
  let bytes = 0;
  const partial = `${target}.partial-${process.pid}`;
  const out = createWriteStream(partial);
  const write = (data: Buffer) =>
    new Promise<void>((resolve, reject) => out.write(data, (e) => (e ? reject(e) : resolve())));
  try {
    // Two pieces compress at once on libuv's threads while the next is read.
    const queue: Promise<Buffer>[] = [];
    const drain = async () => {
      const data = await queue.shift()!;
      hash.update(data);
      bytes += data.length;
      await write(data);
    };
    for await (const piece of pieces(source)) {
      const name = `${createHash('sha256').update(piece).digest('hex')}.gz`;
      used.add(name);
      queue.push(member(piece, name, store));
      if (queue.length >= 3) await drain();
    }
    while (queue.length > 0) await drain();
    await new Promise<void>((resolve, reject) =>
      out.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, target);
  for (const name of await readdir(store))
    if (!used.has(name)) await rm(join(store, name), { force: true });
  return { bytes, sha256: hash.digest('hex') };
}
