// What the Flate streams of a PDF inflate to, counted before pdfjs reads the file: pdfjs inflates
// a stream whole, into memory outside the JavaScript heap, so a 3 MB PDF whose stream inflates to
// gigabytes would take that much memory before any page is read. Each stream is inflated once
// with a cap on its output and thrown away; a stream that is no zlib data (another filter, or
// a filter chain) is left to pdfjs and to the parse time limit.
import { inflateSync } from 'node:zlib';
import { MAX_INFLATED_BYTES } from './limits.ts';

const STREAM = Buffer.from('stream');

/** True when the PDF's zlib streams together inflate to more than `limit` bytes. */
export function pdfInflatesTooMuch(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = limit;
  let at = buffer.indexOf(STREAM);
  while (at >= 0) {
    let start = at + STREAM.length;
    if (buffer[start] === 0x0d) start += 1;
    // "stream" then an end of line; "endstream" is no start.
    const isStart =
      buffer[start] === 0x0a && !(at >= 3 && buffer.toString('latin1', at - 3, at) === 'end');
    if (isStart && buffer[start + 1] === 0x78 /* zlib header */) {
      try {
        budget -= inflateSync(buffer.subarray(start + 1), { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return true;
      }
      if (budget < 0) return true;
    }
    at = buffer.indexOf(STREAM, start);
  }
  return false;
}
