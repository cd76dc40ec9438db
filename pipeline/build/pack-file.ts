// The pack file as a whole: where its entries sit, found by walking their headers (when no
// index says so), and a rewrite that keeps only the entries still used.
import { open, rename } from 'node:fs/promises';
import type { PreparedOutcome } from './prepare-record.ts';

export type CachedOutcome = Omit<PreparedOutcome, 'fragments'>;

export interface Slot {
  /** Where the entry's header line starts. */
  start: number;
  /** Where the summary-and-diagnostics JSON starts, and its length. */
  offset: number;
  length: number;
  /** Byte lengths of the fragments after it. */
  fragments: number[];
  /** sha256 of the key and the entry's bytes after its header (see pack-entry.ts). */
  digest: string;
  /** Whether the bytes on disk were checked against the digest (or written by this build). */
  verified?: boolean;
  /** The summary and diagnostics, when known without reading the pack. */
  meta?: CachedOutcome | undefined;
}

// Walks the entry headers from `pos`; a torn last entry (a killed build) ends the pack.
export async function walkPack(
  path: string,
  fileSize: number,
  pos: number,
  index: Map<string, Slot>,
): Promise<number> {
  if (pos >= fileSize) return pos;
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return pos;
  try {
    const chunk = Buffer.allocUnsafe(1 << 24);
    let chunkStart = 0;
    let chunkLength = 0;
    while (pos < fileSize) {
      if (pos + 4096 > chunkStart + chunkLength && chunkStart + chunkLength < fileSize) {
        chunkStart = pos;
        chunkLength = (await handle.read(chunk, 0, chunk.length, pos)).bytesRead;
      }
      const at = pos - chunkStart;
      const nl = chunk.indexOf(10, at);
      if (nl === -1 || nl >= chunkLength) break;
      const [key, meta, lengths, digest] = chunk.toString('latin1', at, nl).split('\t');
      const fragments =
        lengths === '' || lengths === undefined ? [] : lengths.split(',').map(Number);
      const length = Number(meta);
      if (key === undefined || !/^[0-9a-f]{64}$/.test(key) || !Number.isInteger(length)) break;
      if (digest === undefined || !/^[0-9a-f]{64}$/.test(digest)) break;
      if (fragments.some((n) => !Number.isInteger(n) || n < 0)) break;
      const offset = pos + (nl - at) + 1;
      const next = offset + length + fragments.reduce((a, b) => a + b, 0);
      if (next > fileSize) break;
      index.set(key, { start: pos, offset, length, fragments, digest });
      pos = next;
    }
  } finally {
    await handle.close();
  }
  return pos;
}

// Rewrites the pack with only the entries in `used`, updating their offsets; returns its size.
export async function compact(
  path: string,
  index: Map<string, Slot>,
  used: Set<string>,
): Promise<number> {
  const temp = `${path}.${process.pid}.tmp`;
  const out = await open(temp, 'w');
  const source = await open(path, 'r');
  let written = 0;
  try {
    let batch: Buffer[] = [];
    let size = 0;
    for (const [key, slot] of [...index]) {
      if (!used.has(key)) {
        index.delete(key);
        continue;
      }
      const length =
        slot.offset + slot.length + slot.fragments.reduce((a, b) => a + b, 0) - slot.start;
      const buffer = Buffer.allocUnsafe(length);
      await source.read(buffer, 0, length, slot.start);
      const shift = written - slot.start;
      index.set(key, { ...slot, start: slot.start + shift, offset: slot.offset + shift });
      batch.push(buffer);
      size += length;
      written += length;
      if (size >= 1 << 23) {
        await out.write(Buffer.concat(batch));
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) await out.write(Buffer.concat(batch));
  } finally {
    await source.close();
    await out.close();
  }
  await rename(temp, path);
  return written;
}
