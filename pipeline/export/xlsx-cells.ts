// What a spreadsheet cell of kamervragen.xlsx holds: pure rules, used by pipeline/build/write-xlsx.ts.
import type { FieldType } from './tables.ts';

/** Excel's limits: characters in a cell, rows in a sheet. */
export const XLSX_MAX_CELL = 32_767;
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_NAME = 'kamervragen.xlsx';

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
