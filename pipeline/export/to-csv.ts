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

// The rules of papaparse's unparse (5.7) with our options (delimiter ",", quote '"', "\n" line
// ends, escapeFormulae FORMULA_START), written out because the build quotes every cell of every
// record and papaparse's general version (a RegExp replace, a scan per special character, and
// a string per batch) was the largest single cost of the export. tests/export/csv-writer.test.ts
// holds the two to the same bytes on hostile cells; the readers keep using papaparse.
// A cell is quoted when it holds a quote, a comma, CR, LF or a BOM, or starts or ends with a space.
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;
const QUOTES = /"/g;

/** One cell as papaparse.unparse writes it: null empty, numbers as text, strings quoted when needed. */
export function csvCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  // A formula-escaped cell is always quoted (papaparse does so, so we keep it).
  if (FORMULA_START.test(cell)) return `"'${cell.replace(QUOTES, '""')}"`;
  if (!NEEDS_QUOTES.test(cell)) return cell;
  return `"${cell.replace(QUOTES, '""')}"`;
}

/** One record line, with its "\n". */
export function csvLine(row: readonly Cell[]): string {
  let line = row.length === 0 ? '' : csvCell(row[0]);
  for (let i = 1; i < row.length; i++) line += `,${csvCell(row[i])}`;
  return `${line}\n`;
}

/** The table's lines for one document (no header), concatenated. */
export function csvRows(table: Table, doc: Document): string {
  let text = '';
  for (const row of table.rows(doc)) text += csvLine(row);
  return text;
}

/** RFC 4180 lines (UTF-8, "\n" line ends): the header, then rows in batches. */
export function* csvChunks(
  table: Table,
  documents: Iterable<Document>,
  batchSize = 1000,
): Generator<string> {
  yield csvLine(table.columns.map((c) => c.name));
  let batch = '';
  let count = 0;
  for (const doc of documents) {
    for (const row of table.rows(doc)) {
      batch += csvLine(row);
      if (++count >= batchSize) {
        yield batch;
        batch = '';
        count = 0;
      }
    }
  }
  if (count > 0) yield batch;
}
