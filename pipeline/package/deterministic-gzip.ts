import { gzipSync } from 'node:zlib';

// zlib writes mtime 0 and no file name, but the header's OS byte depends on the platform zlib was
// built for; fixing it to 255 ("unknown") keeps the .gz identical wherever a release is rebuilt.
export function deterministicGzip(bytes: Uint8Array): Uint8Array {
  const out = gzipSync(bytes, { level: 9, memLevel: 9, strategy: 0 });
  out[9] = 255;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
