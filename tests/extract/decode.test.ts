import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from '../../pipeline/extract/decode-text.ts';
import { parseSource } from '../../pipeline/parse/parse-source.ts';

const XML_PATH = 'tests/fixtures/formats/ah-tk-20202021-3235/ah-tk-20202021-3235.xml';
const XML = readFileSync(XML_PATH);
const XML_TEXT = new TextDecoder().decode(XML);

// Windows-1252 bytes of the characters outside Latin-1 that Dutch publications use.
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
};
function encode1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const byte = CP1252[ch];
      if (byte === undefined) throw new Error(`no Windows-1252 byte for ${ch}`);
      return byte;
    }),
  );
}
function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? '\ufeff' : ''), ...text].join('');
  const out = new Uint8Array(units.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return out;
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('decodeText', () => {
  const sample = 'Vraag 1\r\nKent u het bericht «Café’s – dicht»?\r\n';
  const expected = 'Vraag 1\nKent u het bericht «Café’s – dicht»?\n';
  const table: [string, Uint8Array, string][] = [
    ['UTF-8', new TextEncoder().encode(sample), 'utf-8'],
    [
      'UTF-8 with BOM',
      concat(Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode(sample)),
      'utf-8',
    ],
    ['UTF-16LE with BOM', encodeUtf16(sample, true, true), 'utf-16le'],
    ['UTF-16BE with BOM', encodeUtf16(sample, false, true), 'utf-16be'],
    ['UTF-16LE without BOM', encodeUtf16(sample, true, false), 'utf-16le'],
    ['Windows-1252', encode1252(sample), 'windows-1252'],
  ];
  it.each(table)('%s, CRLF line ends', (_name, bytes, encoding) => {
    const decoded = decodeText(bytes, 'x.txt');
    expect(decoded).toMatchObject({ ok: true, text: expected, encoding });
  });

  it('old Mac CR line ends become \\n', () => {
    expect(decodeText(new TextEncoder().encode('a\rb\r'), 'x.txt')).toMatchObject({
      ok: true,
      text: 'a\nb\n',
    });
  });

  it('UTF-8 with a stray Windows-1252 byte keeps its UTF-8 and warns with the line', () => {
    const bytes = concat(
      new TextEncoder().encode('Vraag 1\n«Tozo» is '),
      Uint8Array.of(0xe9),
      new TextEncoder().encode('n regeling van € 5 😀\n'),
      Uint8Array.of(0x93, 0x41, 0x94),
    );
    const decoded = decodeText(bytes, 'x.txt');
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.text).toBe('Vraag 1\n«Tozo» is én regeling van € 5 😀\n“A”');
    expect(decoded.diagnostics).toMatchObject([
      { severity: 'warning', code: 'extract/mixed-encoding', line: 2, file: 'x.txt' },
    ]);
  });
});

describe('the real publication in every encoding gives the same record', () => {
  const variants: [string, Uint8Array][] = [
    [
      'UTF-8 with BOM and CRLF',
      concat(
        Uint8Array.of(0xef, 0xbb, 0xbf),
        new TextEncoder().encode(XML_TEXT.replace(/\n/g, '\r\n')),
      ),
    ],
    ['UTF-16LE with BOM', encodeUtf16(XML_TEXT, true, true)],
    ['Windows-1252 (declaration left saying UTF-8)', encode1252(XML_TEXT)],
  ];
  it.each(variants)('%s', async (_name, bytes) => {
    const original = await parseSource({ path: XML_PATH, bytes: XML });
    const variant = await parseSource({ path: XML_PATH, bytes });
    expect(variant.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { source: a, ...rest } = original.document!;
    const { source: b, ...variantRest } = variant.document!;
    expect(variantRest).toEqual(rest);
    expect(b.sha256).not.toBe(a.sha256);
  });
});

describe('double-encoded UTF-8', () => {
  it('is repaired with a warning', () => {
    const original = 'Vraag 1\nKent u het bericht «Café’s – dicht» over de Tozo-lening?\n';
    // What a tool does that reads UTF-8 as Windows-1252 and writes UTF-8 again.
    const once = new TextEncoder().encode(original);
    const twice = new TextEncoder().encode(decodeWindows1252(once));
    const decoded = decodeText(twice, 'x.txt');
    expect(decoded).toMatchObject({ ok: true, text: original });
    if (decoded.ok)
      expect(decoded.diagnostics.map((d) => d.code)).toEqual(['extract/mojibake-repaired']);
  });

  it('leaves correct text with an "Ã" alone', () => {
    const text = 'São Tomé en Ãrvore, Ã la carte\n';
    expect(decodeText(new TextEncoder().encode(text), 'x.txt')).toMatchObject({
      ok: true,
      text,
      diagnostics: [],
    });
  });
});
