// A session year's workbook as a spreadsheet reads it: typed cells, text that looks like a formula stays
// text, the same values as the CSVs, and the same bytes every time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../pipeline/build/write-xlsx.ts';
import { exportDataset } from '../../pipeline/export/export-dataset.ts';
import { TABLES } from '../../pipeline/export/tables.ts';
import { XLSX_MAX_CELL, xlsxCell } from '../../pipeline/export/xlsx-cells.ts';
import { emotionRecognition, sampleDocuments } from '../export/fixtures/sample-documents.ts';
import { itWith, PYTHON, pythonModule } from '../support/system-packages.ts';
import { csvCells } from './support/read-release.ts';

// openpyxl: the reader behind pandas.read_excel, and strict about the package's parts.
const OPENPYXL = pythonModule('openpyxl', 'python3-openpyxl');

const dir = mkdtempSync(join(tmpdir(), 'kv-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORMULA = '=HYPERLINK("http://x";"klik")';
const hostile = () => {
  const doc = emotionRecognition();
  return {
    ...doc,
    id: 'ah-tk-20182019-9999',
    title: FORMULA,
    answers: doc.answers.map((a, i) => ({
      ...a,
      text: i === 0 ? "- een antwoord;=cmd|' /C calc'!A0" : a.text,
    })),
  };
};

describe('the workbook of a session year', () => {
  const records = [...sampleDocuments(), hostile()];
  for (const f of exportDataset(records))
    if (f.name.endsWith('.csv')) writeFileSync(join(dir, f.name), [...f.chunks()].join(''));
  const csv = (name: string) => join(dir, `${name}.csv`);
  // In id order, as the CSVs hold them (and a year file of the build).
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  it('holds every table as a sheet of typed cells equal to the CSV values, formulas never', async () => {
    await writeXlsx(TABLES, sorted, join(dir, 'a.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'a.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(TABLES.map((t) => t.name));
    for (const table of TABLES) {
      const sheet = workbook.getWorksheet(table.name)!;
      const { header, rows } = csvCells(csv(table.name));
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      expect(values[0]).toEqual(header);
      expect(values).toHaveLength(rows.length + 1);
      rows.forEach((cells, r) => {
        cells.forEach((cell, c) => {
          const got = values[r + 1]![c] ?? null;
          const type = table.columns[c]!.type;
          // XML turns a carriage return into a line feed (the workbook is for reading, the CSV is exact).
          const text = cell?.replace(/\r\n?/g, '\n') ?? null;
          expect(got, `${table.name} ${r} ${c}`).toEqual(
            type === 'integer' && cell !== null ? Number(cell) : text,
          );
          expect(typeof got === 'object' && got !== null, 'a formula or rich value').toBe(false);
        });
      });
    }
    const titles = csvCells(csv('documents')).rows.map((r) => r[6]);
    expect(titles).toContain(FORMULA);
  });

  itWith(OPENPYXL, 'reads in openpyxl (pandas.read_excel) as the same typed values', async () => {
    await writeXlsx(TABLES, sorted, join(dir, 'p.xlsx'));
    const script = new URL('read_workbook.py', import.meta.url).pathname;
    const run = spawnSync(PYTHON, [script, join(dir, 'p.xlsx')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const sheets = JSON.parse(run.stdout) as Record<string, unknown[][]>;
    expect(Object.keys(sheets)).toEqual(TABLES.map((t) => t.name));
    for (const table of TABLES) {
      const { header, rows } = csvCells(csv(table.name));
      const want = rows.map((cells) =>
        cells.map((cell, c) =>
          cell === null
            ? null
            : table.columns[c]!.type === 'integer'
              ? Number(cell)
              : cell.replace(/\r\n?/g, '\n'),
        ),
      );
      // openpyxl pads a row to the sheet's width with empty cells.
      const got = sheets[table.name]!.map((r) => [
        ...r,
        ...Array<null>(Math.max(0, header.length - r.length)).fill(null),
      ]);
      expect(got, table.name).toEqual([header, ...want]);
    }
  });

  it('gives the same bytes for the same tables', async () => {
    await writeXlsx(TABLES, sorted, join(dir, 'b.xlsx'));
    await writeXlsx(TABLES, sorted, join(dir, 'c.xlsx'));
    expect(readFileSync(join(dir, 'b.xlsx')).equals(readFileSync(join(dir, 'c.xlsx')))).toBe(true);
  });

  it('cuts only a cell over the spreadsheet limit, and says so', () => {
    expect(xlsxCell('12', 'integer')).toBe(12);
    expect(xlsxCell('12', 'string')).toBe('12');
    expect(xlsxCell('', 'string')).toBeNull();
    const long = 'a'.repeat(XLSX_MAX_CELL + 10);
    const cut = xlsxCell(long, 'string') as string;
    expect(cut.length).toBe(XLSX_MAX_CELL);
    expect(cut).toContain('kamervragen.json');
    expect(xlsxCell('a'.repeat(XLSX_MAX_CELL), 'string')).toBe('a'.repeat(XLSX_MAX_CELL));
  });
});
