// I/O edge: kamervragen.xlsx, the tables for spreadsheet users, made from the CSV files on disk.
// Every cell is typed: declared integers are numbers, everything else is a text cell, so Excel
// and LibreOffice show "=…", "+31…" or "- …" as the text it is and never run it as a formula
// (the CSVs keep the exact values for data tools). The sheets are streamed into the zip (yazl,
// native deflate) as they are read, with a fixed date on every entry, so the same tables give
// the same bytes and no sheet is ever held in memory whole.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ZipFile } from 'yazl';
import type { ResourceStats } from '../export/datapackage.ts';
import { readCsvSql } from '../export/parquet-sql.ts';
import type { Table } from '../export/tables.ts';
import { XLSX_MAX_ROWS, xlsxCell, xlsxSheetName } from '../export/xlsx-cells.ts';
import {
  columnLetters,
  fixedParts,
  rowXml,
  SHEET_END,
  SHEET_START,
  sheetPath,
  workbookParts,
} from '../export/xlsx-parts.ts';
import { fileStats } from './write-parquet.ts';

// The zip format's first day, in local time as zip stores it (DOS time only, no extended
// timestamp), so the bytes do not depend on the clock or the machine's time zone.
const ENTRY = {
  mtime: new Date(1980, 0, 1),
  forceDosTimestamp: true,
  mode: 0o100644,
  compressionLevel: 6,
};
/** Rows are handed to the zip in pieces of about this many characters. */
const PIECE = 1 << 20;

// Rows come from DuckDB reading the CSV with the declared types (as the Parquet files do): a
// streamed CSV parser re-scans a long quoted cell for every chunk it arrives in.
async function* csvRows(
  connection: DuckDBConnection,
  table: Table,
  path: string,
): AsyncGenerator<(string | number | null)[]> {
  const types = table.columns.map((c) => c.type);
  const result = await connection.stream(readCsvSql(table, path));
  for await (const rows of result.yieldRowsJson())
    for (const row of rows)
      yield row.map((v, i) => xlsxCell(v === null ? '' : String(v), types[i] ?? 'string'));
}

/** Writes the workbook to `path`, one sheet per table (more when a table exceeds a sheet's rows). */
export async function writeXlsx(
  tables: readonly Table[],
  csvPath: (table: Table) => string,
  path: string,
): Promise<ResourceStats> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const zip = new ZipFile();
  const written = pipeline(zip.outputStream as Readable, createWriteStream(path));
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  // Awaited below; until then a failed write (a full disk) must not be an unhandled rejection.
  written.catch(() => undefined);
  failed.catch(() => undefined);
  try {
    for (const part of fixedParts()) zip.addBuffer(Buffer.from(part.xml), part.name, ENTRY);
    const names: string[] = [];
    for (const table of tables) {
      const rows = csvRows(connection, table, csvPath(table));
      const header = table.columns.map((c) => c.name);
      const letters = columnLetters(header.length);
      let next = await rows.next();
      for (let part = 0; part === 0 || !next.done; part++) {
        names.push(xlsxSheetName(table.name, part));
        // The rows of one sheet; `next` is left on the first row of the sheet after it.
        const sheet = Readable.from(
          (async function* () {
            let piece = SHEET_START + rowXml(1, header, letters);
            for (let row = 2; row <= XLSX_MAX_ROWS && !next.done; row++) {
              piece += rowXml(row, next.value, letters);
              if (piece.length >= PIECE) {
                yield Buffer.from(piece);
                piece = '';
              }
              next = await rows.next();
            }
            yield Buffer.from(piece + SHEET_END);
          })(),
        );
        zip.addReadStream(sheet, sheetPath(names.length - 1), ENTRY);
        await Promise.race([finished(sheet), failed, written]);
      }
    }
    for (const part of workbookParts(names)) zip.addBuffer(Buffer.from(part.xml), part.name, ENTRY);
    zip.end();
    await Promise.race([written, failed]);
  } catch (error) {
    (zip.outputStream as Readable).destroy();
    await written.catch(() => undefined);
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return fileStats(path);
}
