// One workbook per session year: a new document remakes only the workbook of its year, a
// workbook changed or deleted by hand is made again, and the retired whole-dataset workbook goes.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateDocument } from '../../pipeline/bench/render-document.ts';
import { runBuild } from '../../pipeline/build/run-build.ts';
import { filePrint } from '../../pipeline/build/write-dataset.ts';
import { yearOfFile } from '../../pipeline/build/year-files.ts';
import { workbookName } from '../../pipeline/export/xlsx-cells.ts';
import type * as WriteXlsx from '../../pipeline/build/write-xlsx.ts';

type WriteXlsxModule = typeof WriteXlsx;

// The workbook writer, watched: which workbooks a build writes (one it keeps is never written).
vi.mock('../../pipeline/build/write-xlsx.ts', async (load) => {
  const real = await load<WriteXlsxModule>();
  return { ...real, writeXlsx: vi.fn(real.writeXlsx) };
});
const { writeXlsx } = await import('../../pipeline/build/write-xlsx.ts');
const written = () => {
  const names = vi.mocked(writeXlsx).mock.calls.map(([, , path]) => `workbooks/${basename(path)}`);
  vi.mocked(writeXlsx).mockClear();
  return names.sort();
};

const work = await mkdtemp(join(tmpdir(), 'kamervragen-workbooks-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const DOCS = 24;

async function add(dir: string, index: number): Promise<void> {
  for (const file of generateDocument('books', index, DOCS).files)
    await writeFile(join(dir, file.name), file.content);
}

async function prints(out: string, folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const name of (await readdir(join(out, folder))).sort())
    found.set(`${folder}/${name}`, await filePrint(join(out, folder, name)));
  return found;
}

const documents = join(work, 'documents');
const out = join(work, 'out');

describe('the workbooks of a build', () => {
  const build = async () => {
    const summary = await runBuild({
      documents: relative(process.cwd(), documents),
      out,
      quarantine: true,
      sourceDateEpoch: 1_800_000_000,
      workers: 1,
      cache: join(work, 'cache'),
    });
    expect(summary.ok).toBe(true);
  };

  it('are one per session year, and a new document remakes only its year’s', async () => {
    await mkdir(documents, { recursive: true });
    for (let i = 0; i < DOCS; i += 1) await add(documents, i);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'kamervragen.xlsx'), 'a workbook of an older layout');
    await build();
    await expect(readdir(out)).resolves.not.toContain('kamervragen.xlsx');
    const years = await prints(out, 'data');
    const books = await prints(out, 'workbooks');
    expect([...books.keys()]).toEqual([...years.keys()].map((n) => workbookName(yearOfFile(n))));
    expect(years.size).toBeGreaterThan(2);
    expect(written()).toEqual([...books.keys()]);

    await add(documents, DOCS);
    await build();
    const yearsAfter = await prints(out, 'data');
    const booksAfter = await prints(out, 'workbooks');
    const changed = [...yearsAfter].filter(([name, print]) => years.get(name) !== print);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(yearsAfter.size);
    for (const [name, print] of yearsAfter) {
      const book = workbookName(yearOfFile(name));
      const remade = books.get(book) !== booksAfter.get(book);
      expect(remade, book).toBe(years.get(name) !== print);
    }
    // Only the changed years' workbooks were made at all.
    expect(written()).toEqual(changed.map(([name]) => workbookName(yearOfFile(name))).sort());
  }, 120_000);

  it('are made again when one is deleted or changed by hand', async () => {
    const books = await prints(out, 'workbooks');
    const [gone, touched] = [...books.keys()];
    await rm(join(out, gone!));
    await writeFile(join(out, touched!), 'not a workbook');
    await build();
    const after = await prints(out, 'workbooks');
    expect([...after.keys()]).toEqual([...books.keys()]);
    const remade = [...after].filter(([name, print]) => books.get(name) !== print).map(([n]) => n);
    expect(remade.sort()).toEqual([gone!, touched!].sort());
    expect(written()).toEqual([gone!, touched!].sort());
  }, 120_000);
});
