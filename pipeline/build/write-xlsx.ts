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
import type { Cell, FieldType, Table } from '../export/tables.ts';
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

// The XML of one table's sheets, made row by row as the records come: pieces of about PIECE
// characters, a new sheet after XLSX_MAX_ROWS rows.
class SheetXml {
  readonly parts: Buffer[][] = [];
  private piece = '';
  private row = XLSX_MAX_ROWS;
  private readonly types: FieldType[];
  private readonly header: string[];
  private readonly letters: string[];
  constructor(private readonly table: Table) {
    this.types = table.columns.map((c) => c.type);
    this.header = table.columns.map((c) => c.name);
    this.letters = columnLetters(this.header.length);
  }
  add(doc: Document): void {
    for (const cells of this.table.rows(doc)) {
      if (this.row >= XLSX_MAX_ROWS) this.startSheet();
      this.row += 1;
      const typed = cells.map((v: Cell, i) =>
        xlsxCell(v === null ? '' : String(v), this.types[i]!),
      );
      this.piece += rowXml(this.row, typed, this.letters);
      if (this.piece.length >= PIECE) this.spill();
    }
  }
  /** The sheets, each as its pieces. */
  end(): Buffer[][] {
    if (this.parts.length === 0) this.startSheet();
    this.piece += SHEET_END;
    this.spill();
    return this.parts;
  }
  private startSheet(): void {
    if (this.parts.length > 0) {
      this.piece += SHEET_END;
      this.spill();
    }
    this.parts.push([]);
    this.piece = SHEET_START + rowXml(1, this.header, this.letters);
    this.row = 1;
  }
  private spill(): void {
    this.parts.at(-1)!.push(Buffer.from(this.piece));
    this.piece = '';
  }
}

/**
 * The records of one NDJSON file (a year file), parsed one by one as they are taken: a record is
 * garbage as soon as its rows are made, so a year's records are never all held as objects.
 */
export async function readRecords(path: string): Promise<Iterable<Document>> {
  const text = await readFile(path, 'utf8');
  return (function* () {
    let line = 0;
    for (const piece of text.split('\n')) {
      line += 1;
      if (piece === '') continue;
      let record: Document;
      try {
        record = JSON.parse(piece) as Document;
      } catch (error) {
        throw new KamervragenError(
          'export/xlsx',
          `not a JSON record: ${(error as Error).message}`,
          {
            file: path,
            line,
          },
        );
      }
      yield record;
    }
  })();
}

/**
 * Writes the workbook of `documents` (in id order) to `path`, one sheet per table (more when a
 * table exceeds a sheet's rows). The records are read once; every table's rows are made from
 * each as it comes.
 */
export async function writeXlsx(
  tables: readonly Table[],
  documents: Iterable<Document>,
  path: string,
): Promise<ResourceStats> {
  const sheets = tables.map((table) => new SheetXml(table));
  for (const doc of documents) for (const sheet of sheets) sheet.add(doc);
  const zip = new ZipFile();
  const written = pipeline(zip.outputStream as Readable, createWriteStream(path));
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  // Awaited below; until then a failed write (a full disk) must not be an unhandled rejection.
  written.catch(() => undefined);
  failed.catch(() => undefined);
  try {
    for (const part of fixedParts()) zip.addBuffer(Buffer.from(part.xml), part.name, ENTRY);
    const names: string[] = [];
    for (const [i, table] of tables.entries()) {
      const parts = sheets[i]!.end();
      for (const [part, pieces] of parts.entries()) {
        names.push(xlsxSheetName(table.name, part));
        const sheet = Readable.from(pieces);
        zip.addReadStream(sheet, sheetPath(names.length - 1), ENTRY);
        await Promise.race([finished(sheet), failed, written]);
        // The pieces are in the zip now: let them go.
        pieces.length = 0;
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
