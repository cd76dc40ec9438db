// The few entries of a ZIP container (an ODT) the extractor needs, read through the central
// directory and inflated with a cap on what they may inflate to: the sizes an archive claims are
// not trusted (a 1 KiB claim can inflate to gigabytes). node:zlib caps the output as it inflates
// (maxOutputLength); fflate's unzip sizes its output by the claim and has no such cap.
import { inflateRawSync } from 'node:zlib';
import { MAX_INFLATED_BYTES, inflatesTooMuchMessage } from './limits.ts';

export class ZipError extends Error {
  constructor(
    message: string,
    /** True when the archive is readable but inflates past the limit. */
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries named in `wanted` that the archive holds, inflated (at most the limit in all). */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: readonly string[],
  limit = MAX_INFLATED_BYTES,
): Record<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (after a comment).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--)
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw new ZipError('no end of central directory (truncated or not a ZIP file)');
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  const out: Record<string, Uint8Array> = {};
  let budget = limit;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) throw new ZipError(`central directory entry ${i + 1} is damaged`);
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = u32(at + 42);
    at = next;
    if (!wanted.includes(name)) continue;
    if (u32(local) !== LOCAL) throw new ZipError(`the local header of ${name} is damaged`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (compressed < 0 || start + compressed > bytes.length)
      throw new ZipError(`${name} runs past the end of the archive (truncated)`);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) {
      if (data.length > budget) throw new ZipError(inflatesTooMuchMessage(name), true);
      out[name] = data;
    } else if (method === 8) {
      try {
        out[name] = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw new ZipError(inflatesTooMuchMessage(name), true);
        throw new ZipError(`${name} cannot be inflated (${(error as Error).message})`);
      }
    } else throw new ZipError(`${name} uses compression method ${method}, not stored or deflate`);
    budget -= out[name].length;
  }
  return out;
}
