// I/O edge: the workbooks, the tables for spreadsheet users, one per session year, each made
// from that year's file of records (data/2019-2020.ndjson). Every cell is typed: declared
// integers are numbers, everything else is a text cell, so Excel and LibreOffice show "=…",
// "+31…" or "- …" as the text it is and never run it as a formula (the CSVs keep the exact
// values for data tools). The sheets are streamed into the zip (yazl, native deflate) as they
// are made, with a fixed date on every entry, so the same records give the same bytes.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { KamervragenError } from '../errors.ts';
import type { ResourceStats } from '../export/datapackage.ts';
import type { Cell, Table } from '../export/tables.ts';
import type { Document } from '../types.ts';
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

// A table's rows as typed cells: each value as its CSV cell reads (empty for none).
async function* typedRows(
  table: Table,
  documents: readonly Document[],
): AsyncGenerator<(string | number | null)[]> {
  const types = table.columns.map((c) => c.type);
  for (const doc of documents)
    for (const row of table.rows(doc))
      yield row.map((v: Cell, i) => xlsxCell(v === null ? '' : String(v), types[i] ?? 'string'));
}

/** The records of one NDJSON file (a year file: a few thousand records at most). */
export async function readRecords(path: string): Promise<Document[]> {
  const text = await readFile(path, 'utf8');
  const records: Document[] = [];
  let line = 0;
  for (const piece of text.split('\n')) {
    line += 1;
    if (piece === '') continue;
    try {
      records.push(JSON.parse(piece) as Document);
    } catch (error) {
      throw new KamervragenError('export/xlsx', `not a JSON record: ${(error as Error).message}`, {
        file: path,
        line,
      });
    }
  }
  return records;
}

/**
 * Writes the workbook of `documents` to `path`, one sheet per table (more when a table exceeds
 * a sheet's rows).
 */
export async function writeXlsx(
  tables: readonly Table[],
  documents: readonly Document[],
  path: string,
): Promise<ResourceStats> {
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
      const rows = typedRows(table, documents);
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
  }
  return fileStats(path);
}
