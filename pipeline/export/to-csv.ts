import Papa from 'papaparse';
import type { Document } from '../types.ts';
import type { Cell, Table } from './tables.ts';

// A cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe.
// Cells that already start with apostrophes before such a character get one more, so the
// escape can be undone exactly: strip one apostrophe where FORMULA_ESCAPED matches.
// (papaparse's own default, /^[=+\-@\t\r].*$/, misses multi-line cells: "." stops at "\n".)
export const FORMULA_START = /^'*[=+\-@\t\r]/;
export const FORMULA_ESCAPED = /^''*[=+\-@\t\r]/;

/** Undoes the formula escape of one cell read back from our CSV. */
export function unescapeFormula(cell: string): string {
  return FORMULA_ESCAPED.test(cell) ? cell.slice(1) : cell;
}

const options = {
  newline: '\n',
  escapeFormulae: FORMULA_START,
  header: false,
  quoteChar: '"',
  delimiter: ',',
};

/** RFC 4180 lines (UTF-8, "\n" line ends): the header, then rows in batches. */
export function* csvChunks(
  table: Table,
  documents: Iterable<Document>,
  batchSize = 1000,
): Generator<string> {
  yield `${Papa.unparse([table.columns.map((c) => c.name)], options)}\n`;
  let batch: Cell[][] = [];
  for (const doc of documents) {
    for (const row of table.rows(doc)) {
      batch.push(row);
      if (batch.length >= batchSize) {
        yield `${Papa.unparse(batch, options)}\n`;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield `${Papa.unparse(batch, options)}\n`;
}
