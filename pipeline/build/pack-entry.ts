// One outcome as the record cache's pack stores it: a header line
// "key\tmeta length\tfragment lengths,…\tdigest\n", the JSON of its summary and diagnostics, then
// its export fragments as raw UTF-8 bytes. The digest (sha256 of the key and everything after
// the header) is checked whenever the entry is read back, so a damaged pack, an index whose
// offsets point elsewhere, or bytes of another entry are never taken for this one.
import { createHash } from 'node:crypto';
import { KamervragenError } from '../errors.ts';
import type { PreparedOutcome } from './prepare-record.ts';

/**
 * One outcome as the pack stores it: header line, meta JSON, fragments, in one buffer that owns
 * its memory (a worker thread transfers it to the main thread without copying).
 */
export interface PackedEntry {
  bytes: Uint8Array;
  /** Where the meta JSON starts in `bytes` (the header line's length), and its length. */
  metaStart: number;
  metaLength: number;
  /** Byte lengths of the fragments after the meta JSON. */
  fragments: number[];
  /** sha256 of the key and of the bytes after the header. */
  digest: string;
}

/** Buffers of 2 GiB and more are written as nothing by Buffer.write (Node 20): stay below. */
const MAX_ENTRY_BYTES = 2 ** 31 - 1;

export function entryDigest(key: string, body: Uint8Array): string {
  return createHash('sha256').update(`${key}\n`).update(body).digest('hex');
}

export function encodeEntry(key: string, outcome: PreparedOutcome, file?: string): PackedEntry {
  const { fragments, ...meta } = outcome;
  const texts = [JSON.stringify(meta), ...(fragments ?? [])];
  // Exact sizes first, so the entry's buffer is allocated once and never too large to write.
  const lengths = texts.map((t) => Buffer.byteLength(t, 'utf8'));
  const body = lengths.reduce((a, b) => a + b, 0);
  const metaLength = lengths[0]!;
  const head = `${key}\t${metaLength}\t${lengths.slice(1).join(',')}\t`;
  const headerLength = head.length + 65;
  if (headerLength + body > MAX_ENTRY_BYTES)
    throw new KamervragenError(
      'build/record-too-large',
      `the record's export is ${Math.round(body / 2 ** 20)} MiB, more than one record may take (2 GiB)`,
      file === undefined ? {} : { file },
    );
  // Not from Buffer's shared pool: the whole ArrayBuffer may be transferred between threads.
  const bytes = Buffer.allocUnsafeSlow(headerLength + body);
  let at = headerLength;
  for (const [i, t] of texts.entries()) {
    const n = bytes.write(t, at, 'utf8');
    if (n !== lengths[i]) throw new Error(`cache entry encoding wrote ${n} of ${lengths[i]} bytes`);
    at += n;
  }
  const digest = entryDigest(key, bytes.subarray(headerLength));
  bytes.write(`${head}${digest}\n`, 0, 'latin1');
  return { bytes, metaStart: headerLength, metaLength, fragments: lengths.slice(1), digest };
}
