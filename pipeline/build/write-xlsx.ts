// I/O edge: kamervragen.xlsx, the tables for spreadsheet users, made from the CSV files on disk.
// Every cell is typed: declared integers are numbers, everything else is a text cell, so Excel
// and LibreOffice show "=…", "+31…" or "- …" as the text it is and never run it as a formula
// (the CSVs keep the exact values for data tools). Written by exceljs, streamed row by row; the
// zip is then rewritten with fixed timestamps so the same tables give the same bytes.
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ResourceStats } from '../export/datapackage.ts';
import { readCsvSql } from '../export/parquet-sql.ts';
import type { Table } from '../export/tables.ts';
import { XLSX_MAX_ROWS, xlsxCell, xlsxSheetName } from '../export/xlsx-cells.ts';
import { fileStats } from './write-parquet.ts';

// Rows come from DuckDB reading the CSV with the declared types (as the Parquet files do): a
// streamed CSV parser re-scans a long quoted cell for every chunk it arrives in.
async function* csvRows(
  connection: DuckDBConnection,
  table: Table,
  path: string,
): AsyncGenerator<string[]> {
  const result = await connection.stream(readCsvSql(table, path));
  for await (const rows of result.yieldRowsJson())
    for (const row of rows) yield row.map((v) => (v === null ? '' : String(v)));
}

/** Writes the workbook to `path`, one sheet per table (more when a table exceeds a sheet's rows). */
export async function writeXlsx(
  tables: readonly Table[],
  csvPath: (table: Table) => string,
  path: string,
): Promise<ResourceStats> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await writeSheets(workbook(path), tables, csvPath, connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  await normaliseZip(path);
  return fileStats(path);
}

function workbook(path: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  // No clock: the workbook's dates are fixed, like the zip's.
  book.creator = 'kamervragen';
  book.created = new Date(Date.UTC(1980, 0, 1));
  book.modified = book.created;
  return book;
}

async function writeSheets(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  tables: readonly Table[],
  csvPath: (table: Table) => string,
  connection: DuckDBConnection,
): Promise<void> {
  for (const table of tables) {
    let part = 0;
    let sheet: ExcelJS.Worksheet | null = null;
    let rows = 0;
    const header = table.columns.map((c) => c.name);
    for await (const row of csvRows(connection, table, csvPath(table))) {
      if (sheet === null || rows >= XLSX_MAX_ROWS - 1) {
        sheet?.commit();
        sheet = workbook.addWorksheet(xlsxSheetName(table.name, part++));
        sheet.addRow(header).commit();
        rows = 0;
      }
      sheet
        .addRow(row.map((cell, i) => xlsxCell(cell, table.columns[i]?.type ?? 'string')))
        .commit();
      rows++;
    }
    if (sheet === null) {
      sheet = workbook.addWorksheet(xlsxSheetName(table.name, 0));
      sheet.addRow(header).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

// The zip's entry times are the moment it was written; the zip format's first day replaces them
// (in local time, as zip stores it, so the bytes do not depend on the machine's time zone).
async function normaliseZip(path: string): Promise<void> {
  const date = new Date(1980, 0, 1);
  const entries = unzipSync(new Uint8Array(await readFile(path)));
  const names = Object.keys(entries).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const files: Zippable = {};
  for (const name of names) files[name] = [entries[name]!, { mtime: date, level: 6 }];
  await writeFile(path, zipSync(files));
}
