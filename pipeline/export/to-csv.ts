import type { Document } from '../types.ts';
import type { Cell, Table } from './tables.ts';

// Every cell holds exactly the record's value: pandas, DuckDB and R read the CSV as data, so
// nothing is prefixed or altered (spreadsheet users get the workbooks, typed text cells).
// Quoting never changes a value, so cells a spreadsheet could split or read as a formula are
// quoted: one that starts with = + - @, or holds a ";" or a tab (Dutch-locale Excel and
// LibreOffice split on ";", which would start a new cell after it).
export const SPREADSHEET_QUOTE = /^[=+\-@]|[;\t]/;

// The rules of papaparse's unparse (5.7) with our options (delimiter ",", quote '"', "\n" line
// ends, quotes: SPREADSHEET_QUOTE), written out because the build quotes every cell of every
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
  if (!NEEDS_QUOTES.test(cell) && !SPREADSHEET_QUOTE.test(cell)) return cell;
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
