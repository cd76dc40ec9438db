import type { Diagnostic } from '../errors.ts';

export type Decoded =
  | { ok: true; text: string; encoding: string; diagnostics: Diagnostic[] }
  | { ok: false; diagnostic: Diagnostic };

// Bytes 0x80–0x9F of Windows-1252. Node's own TextDecoder('windows-1252') decodes them as
// Latin-1 C1 controls (seen on Node 20.20), which would lose every ’ – € of a Windows file.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const UTF16LE = new TextDecoder('utf-16le');

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
  }
  return UTF16LE.decode(units);
}

// Bytes to text: UTF-16 (with BOM, or without one when every other byte is NUL), UTF-8 with or
// without BOM, else Windows-1252. A file that is UTF-8 apart from a few stray Windows-1252 bytes
// (a pasted "café" in an otherwise UTF-8 page) is decoded piecewise, with a warning, rather than
// turning all its UTF-8 into mojibake. Line ends become \n.
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) {
    return {
      ok: false,
      diagnostic: { severity: 'error', code: 'extract/empty', message: 'the file is empty', file },
    };
  }
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let encoding: string;
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const bom =
      (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    text = new TextDecoder(utf16).decode(bytes.subarray(bom ? 2 : 0));
    encoding = utf16;
  } else {
    try {
      // ignoreBOM false: the decoder drops a leading UTF-8 BOM.
      text = UTF8_STRICT.decode(bytes);
      encoding = 'utf-8';
      const repaired = mayBeMojibake(bytes) ? repairMojibake(text) : null;
      if (repaired !== null) {
        text = repaired;
        encoding = 'utf-8 (double-encoded, repaired)';
        diagnostics.push({
          severity: 'warning',
          code: 'extract/mojibake-repaired',
          message: 'the text was UTF-8 encoded twice ("Ã©" for "é"); decoded it once more',
          file,
        });
      }
    } catch {
      const mixed = decodeMixed(bytes);
      text = mixed.text;
      if (mixed.utf8Sequences > 0) {
        encoding = 'utf-8+windows-1252';
        diagnostics.push({
          severity: 'warning',
          code: 'extract/mixed-encoding',
          message: `the file is UTF-8 with ${mixed.strayBytes} byte(s) that are not; read those as Windows-1252 (first on line ${mixed.firstStrayLine})`,
          file,
          line: mixed.firstStrayLine,
        });
      } else {
        encoding = 'windows-1252';
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what binary data shows
  const control = /[\u0000-\u0008\u000e-\u001f]/.exec(text);
  if (control) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'extract/binary',
        message:
          'the file holds binary data, not a known rendering (PDF, ODT, officielebekendmakingen XML or HTML, or text)',
        file,
        line: text.slice(0, control.index).split(/\r\n?|\n/).length,
      },
    };
  }
  return {
    ok: true,
    text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text,
    encoding,
    diagnostics,
  };
}

// Decoders hold no state between whole-input decode() calls, so one of each serves every file.
// ignoreBOM false: the decoder drops a leading UTF-8 BOM.
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// Double-encoded UTF-8 always holds "Â", "Ã" or "â" (U+00C2, U+00C3, U+00E2), which valid UTF-8
// spells C3 82, C3 83, C3 A2. Without one of those byte pairs the text cannot match MOJIBAKE, so
// the regular expression need not run over it (most files hold é/ë, hence C3, but not these).
export function mayBeMojibake(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0xc3); i >= 0; i = bytes.indexOf(0xc3, i + 1)) {
    const next = bytes[i + 1];
    if (next === 0x82 || next === 0x83 || next === 0xa2) return true;
  }
  return false;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // No BOM: Latin text in UTF-16 has a NUL in every other byte.
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return null;
}

// Length of the valid UTF-8 sequence at i, or 0 when the byte there does not start one.
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  if (b < 0x80) return 1;
  const c1 = bytes[i + 1] ?? 0;
  if ((c1 & 0xc0) !== 0x80) return 0;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  const c2 = bytes[i + 2] ?? 0;
  if ((c2 & 0xc0) !== 0x80) return 0;
  if (b >= 0xe0 && b <= 0xef) {
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f)) return 0;
    return 3;
  }
  const c3 = bytes[i + 3] ?? 0;
  if (b >= 0xf0 && b <= 0xf4 && (c3 & 0xc0) === 0x80) {
    if ((b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return 0;
    return 4;
  }
  return 0;
}

// One pass, UTF-16 code units into a buffer: valid UTF-8 sequences as UTF-8, every other byte
// as Windows-1252 (a pure Windows-1252 file is the case with no UTF-8 sequence at all).
function decodeMixed(bytes: Uint8Array): {
  text: string;
  utf8Sequences: number;
  strayBytes: number;
  firstStrayLine: number;
} {
  const units = new Uint16Array(bytes.length);
  let n = 0;
  let utf8Sequences = 0;
  let strayBytes = 0;
  let firstStray = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[n++] = b;
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len === 0) {
      if (firstStray < 0) firstStray = i;
      strayBytes++;
      units[n++] = b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
      i++;
      continue;
    }
    utf8Sequences++;
    let code = len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
    for (let k = 1; k < len; k++) code = (code << 6) | (bytes[i + k]! & 0x3f);
    if (code > 0xffff) {
      code -= 0x10000;
      units[n++] = 0xd800 + (code >> 10);
      units[n++] = 0xdc00 + (code & 0x3ff);
    } else {
      units[n++] = code;
    }
    i += len;
  }
  const text = UTF16LE.decode(units.subarray(0, n));
  let line = 1;
  for (let k = 0; k < firstStray; k++) if (bytes[k] === 0x0a) line++;
  return { text, utf8Sequences, strayBytes, firstStrayLine: line };
}

// "cafÃ©", "â€“": UTF-8 bytes read as Windows-1252 and saved as UTF-8 again (copies re-serialised
// by other tools). Two or more such pairs, and a text that becomes valid UTF-8 when its
// characters are turned back into Windows-1252 bytes, is taken as proof.
const MOJIBAKE =
  /[\u00c2\u00c3][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|\u00e2\u20ac[\u0080-\u00bf\u0153\u2018-\u201e\u2022\u2026\u2122\u00a6\u02dc]/g;
const CP1252_BYTE = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

function repairMojibake(text: string): string | null {
  if ((text.match(MOJIBAKE) ?? []).length < 2) return null;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : CP1252_BYTE.get(text[i]!);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
