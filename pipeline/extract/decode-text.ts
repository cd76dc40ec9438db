import type { Diagnostic } from '../errors.ts';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; diagnostic: Diagnostic };

// Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 when the bytes
// are not valid UTF-8. Line ends become \n.
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) {
    return { ok: false, diagnostic: { severity: 'error', code: 'extract/empty', message: 'the file is empty', file } };
  }
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      encoding = 'windows-1252';
    }
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'extract/binary',
        message: 'the file holds binary data, not text in a known rendering (PDF text, HTML, XML)',
        file,
      },
    };
  }
  return { ok: true, text: text.replace(/\r\n?/g, '\n'), encoding };
}
