// The CSV writer spells out papaparse's unparse rules for speed; these properties hold it to
// papaparse's exact bytes, so the files stay what papaparse would write.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../pipeline/export/tables.ts';
import { TABLES } from '../../pipeline/export/tables.ts';
import { SPREADSHEET_QUOTE, csvChunks, csvLine } from '../../pipeline/export/to-csv.ts';
import { sampleDocuments } from './fixtures/sample-documents.ts';

const options = {
  newline: '\n',
  escapeFormulae: false,
  quotes: (value: unknown) => typeof value === 'string' && SPREADSHEET_QUOTE.test(value),
  header: false,
  quoteChar: '"',
  delimiter: ',',
};
const papaparse = (rows: Cell[][]): string => `${Papa.unparse(rows, options)}\n`;

// Characters that matter to quoting and formula escaping, mixed with ordinary and non-BMP text.
const hostileChar = fc.constantFrom(
  '"',
  ',',
  '\n',
  '\r',
  '\uFEFF',
  ' ',
  "'",
  '=',
  '+',
  '-',
  '@',
  '\t',
  'a',
  'é',
  '«',
  '😀',
  '\u2028',
  '\\',
  ';',
);
const hostileString = fc.oneof(
  fc.array(hostileChar, { maxLength: 12 }).map((chars) => chars.join('')),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  hostileString,
  fc.constant(null),
  fc.integer(),
  fc.double(),
);

describe('CSV writer', () => {
  it('writes every row exactly as papaparse.unparse does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          expect(rows.map(csvLine).join('')).toBe(papaparse(rows));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with papaparse on the hand-picked hard cases', () => {
    const cells: Cell[] = [
      '',
      ' ',
      ' a',
      'a ',
      '"',
      '""',
      'a,b',
      'a\nb',
      'a\r\nb',
      '\uFEFFa',
      '=1+1',
      "'=1",
      "''-x",
      '-',
      '+31',
      '@user',
      '\tx',
      '\rx',
      'x\n=y',
      '=\n"',
      0,
      -1,
      1.5,
      1e21,
      NaN,
      null,
      'gewoon',
    ];
    for (const c of cells) expect(csvLine([c])).toBe(papaparse([[c]]));
    expect(csvLine(cells)).toBe(papaparse([cells]));
  });

  it('writes the sample tables as papaparse does, header and batches included', () => {
    const docs = sampleDocuments();
    for (const table of TABLES) {
      const rows = docs.flatMap((d) => [...table.rows(d)]);
      const expected =
        papaparse([table.columns.map((c) => c.name)]) + (rows.length > 0 ? papaparse(rows) : '');
      expect([...csvChunks(table, docs, 2)].join('')).toBe(expected);
    }
  });
});
