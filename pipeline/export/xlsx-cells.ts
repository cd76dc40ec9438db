// What a spreadsheet cell of a workbook holds, and what the workbooks are named: pure rules, used
// by pipeline/build/write-xlsx.ts. There is one workbook per session year: a year fits Excel's
// sheets whole (the full corpus would not, by far), and a new document remakes only its year's.
import type { FieldType } from './tables.ts';

/** Excel's limits: characters in a cell, rows in a sheet. */
export const XLSX_MAX_CELL = 32_767;
export const XLSX_MAX_ROWS = 1_048_576;
/** The build's folder of workbooks: workbooks/2019-2020.xlsx beside data/2019-2020.ndjson. */
export const WORKBOOK_DIR = 'workbooks';
const WORKBOOK = /^workbooks\/([^/]+)\.xlsx$/;

/** The workbook of the records in year file data/<year>.ndjson. */
export const workbookName = (year: string): string => `${WORKBOOK_DIR}/${year}.xlsx`;

/** The session year of a workbook's name, or null when it is not one. */
export function workbookYear(name: string): string | null {
  return WORKBOOK.exec(name)?.[1] ?? null;
}

/** workbooks/2019-2020.xlsx → kamervragen-1.2.0-2019-2020.xlsx, as a release publishes it. */
export function workbookAssetName(year: string, version: string): string {
  return `kamervragen-${version}-${year}.xlsx`;
}

const CUT_NOTE = ' […] (cut at the spreadsheet limit; the full text is in kamervragen.json)';

/**
 * A CSV cell as a typed spreadsheet value: null when empty, a number for a declared integer,
 * else the text itself (a text cell, never a formula), cut only where Excel's cell limit forces it.
 */
export function xlsxCell(cell: string, type: FieldType): string | number | null {
  if (cell === '') return null;
  if (type === 'integer' && /^-?\d+$/.test(cell)) return Number(cell);
  if (cell.length <= XLSX_MAX_CELL) return cell;
  return `${cell.slice(0, XLSX_MAX_CELL - CUT_NOTE.length)}${CUT_NOTE}`;
}

/** Sheet names: the table's, and "questions (2)" … when a table needs more than one sheet. */
export function xlsxSheetName(table: string, part: number): string {
  return part === 0 ? table : `${table} (${part + 1})`;
}
