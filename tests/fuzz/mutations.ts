// Mutations of real documents for property-based tests: the damage real files suffer (lines
// lost, doubled or swapped by an extractor, page furniture in odd places, cuts, stray bytes,
// other encodings). Arbitraries only; the properties live in the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const TESTS = fileURLToPath(new URL('../', import.meta.url));

export interface Sample {
  name: string;
  text: string;
}

/** The real text renderings (seeds and corpus) and the officielebekendmakingen XML and HTML. */
export function loadSamples(): Sample[] {
  const samples: Sample[] = [];
  for (const dir of ['seeds', 'corpus']) {
    for (const name of readdirSync(join(TESTS, dir)).sort()) {
      if (!name.endsWith('.txt')) continue;
      samples.push({ name: `${dir}/${name}`, text: readFileSync(join(TESTS, dir, name), 'utf8') });
    }
  }
  const formats = join(TESTS, 'fixtures/formats/ah-tk-20202021-3235');
  for (const name of ['ah-tk-20202021-3235.xml', 'ah-tk-20202021-3235.html']) {
    samples.push({ name: `fixtures/${name}`, text: readFileSync(join(formats, name), 'utf8') });
  }
  return samples;
}

/** Lines a PDF extractor puts between pages of a Kamervragen document. */
export const FURNITURE = [
  '\f',
  'ah-tk-20182019-3922',
  "ISSN 0921-7398 's-Gravenhage 2019",
  'Aanhangsel Handelingen II 2018/19',
  'Tweede Kamer, vergaderjaar 2018–2019, Aanhangsel',
  '7951',
  '-----',
  '# 2',
  'Aanhangsel van de Handelingen',
  'Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden',
  '',
  'Vraag 3',
  'Antwoord 12',
  'Vraag 2, 3 en 4',
  '1 https://example.org/voetnoot',
  '(ingezonden 31 februari 2019)',
];

export type LineEdit =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'inject'; at: number; line: string }
  | { kind: 'cut'; at: number }
  | { kind: 'garble'; at: number; text: string };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position }),
  fc.record({ kind: fc.constant('swap' as const), at: position, with: position }),
  fc.record({
    kind: fc.constant('inject' as const),
    at: position,
    line: fc.constantFrom(...FURNITURE),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: position }),
  fc.record({
    kind: fc.constant('garble' as const),
    at: position,
    text: fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 })),
  }),
);

export function applyEdit(text: string, edit: LineEdit): string {
  const lines = text.split('\n');
  const i = Math.floor(edit.at * lines.length);
  switch (edit.kind) {
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'duplicate':
      lines.splice(i, 0, lines[i] ?? '');
      break;
    case 'swap': {
      const j = Math.floor(edit.with * lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      break;
    }
    case 'inject':
      lines.splice(i, 0, edit.line);
      break;
    case 'cut':
      return text.slice(0, Math.floor(edit.at * text.length));
    case 'garble': {
      const line = lines[i] ?? '';
      const k = Math.floor(edit.at * line.length);
      lines[i] = line.slice(0, k) + edit.text + line.slice(k);
      break;
    }
  }
  return lines.join('\n');
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'crlf';
export const encoding: fc.Arbitrary<Encoding> = fc.constantFrom(
  'utf-8',
  'utf-8-bom',
  'windows-1252',
  'utf-16le',
  'utf-16be',
  'crlf',
);

export function encode(text: string, as: Encoding): Uint8Array {
  switch (as) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\ufeff${text}`);
    case 'crlf':
      return new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
    case 'windows-1252':
      // Latin-1 range as is, the rest as "?": what a lossy "Save as ANSI" produces.
      return Uint8Array.from(
        [...text].map((c) => (c.codePointAt(0)! < 256 ? c.codePointAt(0)! : 0x3f)),
      );
    case 'utf-16le':
    case 'utf-16be': {
      const be = as === 'utf-16be';
      const all = `\ufeff${text}`;
      const out = new Uint8Array(all.length * 2);
      for (let i = 0; i < all.length; i++) {
        const c = all.charCodeAt(i);
        out[2 * i + (be ? 1 : 0)] = c & 0xff;
        out[2 * i + (be ? 0 : 1)] = c >> 8;
      }
      return out;
    }
  }
}

/** A few bytes overwritten: bit rot or a bad download, after encoding. */
export const byteFlips = fc.array(
  fc.record({ at: position, value: fc.integer({ min: 0, max: 255 }) }),
  { maxLength: 3 },
);

export function flipBytes(bytes: Uint8Array, flips: { at: number; value: number }[]): Uint8Array {
  if (flips.length === 0 || bytes.length === 0) return bytes;
  const out = new Uint8Array(bytes);
  for (const f of flips) out[Math.floor(f.at * out.length)] = f.value;
  return out;
}
