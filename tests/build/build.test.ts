import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FILES, PARQUET_FILES } from '../../pipeline/export/export-dataset.ts';
import { isYearFileName, yearOfFile } from '../../pipeline/build/year-files.ts';
import { workbookName } from '../../pipeline/export/xlsx-cells.ts';
import { validateRecordFiles } from '../../pipeline/validate/validate-records.ts';
import { runCli } from '../support/run-cli.ts';
import { makeWorkspace, removeWorkspaces, snapshot } from './workspace.ts';

afterAll(removeWorkspaces);

// The single-file downloads, their Parquet copies and the rest; the committed form (one NDJSON
// per session year, under data/) and the workbook of each year are checked apart.
const BUILT = [...EXPORT_FILES, ...PARQUET_FILES, 'quarantine.json'].sort();
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
const seeds = async (documents: string) => (await snapshot(documents)).keys();

describe('kamervragen build', () => {
  it('writes the dataset from a copy of documents/ and nothing else', async () => {
    const ws = await makeWorkspace();
    const result = await runCli(['build', '--documents', 'documents', '--out', 'dist'], {
      cwd: ws.dir,
    });
    expect(result.stderr).not.toMatch(/ error /);
    expect(result.code).toBe(0);
    const names = [...(await snapshot(ws.out)).keys()].sort();
    expect(names.filter((n) => !n.startsWith('data/') && !n.startsWith('workbooks/'))).toEqual(
      BUILT,
    );
    const years = names.filter((n) => n.startsWith('data/'));
    expect(years.length).toBeGreaterThan(0);
    for (const name of years) expect(isYearFileName(name), name).toBe(true);
    // A workbook for each session year's file, and no other.
    const books = names.filter((n) => n.startsWith('workbooks/'));
    expect(books).toEqual(years.map((n) => workbookName(yearOfFile(n))));
    const files = await snapshot(ws.out);
    const json = files.get('kamervragen.json')?.toString('utf8') ?? '';
    const records = JSON.parse(json) as { id: string; source: { path: string } }[];
    // source.path names the file within the documents folder.
    const sources = [...(await seeds(ws.documents))].filter((n) => !n.startsWith('.'));
    expect(records.map((r) => r.source.path).sort()).toEqual(sources.sort());
    expect(validateRecordFiles([{ file: 'kamervragen.json', text: json }]).diagnostics).toEqual([]);
    expect(result.stdout).toContain(`built ${records.length} document(s)`);
  });

  it('stops on an empty file, naming it, with no stack trace and no change to the output folder', async () => {
    const ws = await makeWorkspace();
    await mkdir(ws.out);
    await writeFile(join(ws.out, 'kamervragen.json'), 'previous build\n');
    await writeFile(join(ws.documents, 'ah-tk-20212022-1.empty.pdf.txt'), '');
    const before = await snapshot(ws.out);
    const result = await runCli(['build', '--documents', 'documents', '--out', 'dist'], {
      cwd: ws.dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('documents/ah-tk-20212022-1.empty.pdf.txt');
    expect(result.stderr).toMatch(/empty/);
    expect(result.stderr).toContain('--quarantine');
    noStack(result.stderr);
    expect(await snapshot(ws.out)).toEqual(before);
  });

  it('stops on a binary file, naming it', async () => {
    const ws = await makeWorkspace();
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await writeFile(join(ws.documents, 'junk.bin'), junk);
    const result = await runCli(['build', '--documents', 'documents', '--out', 'dist'], {
      cwd: ws.dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('documents/junk.bin');
    noStack(result.stderr);
    expect(await snapshot(ws.out)).toEqual(new Map());
  });

  it('with --quarantine builds the rest and lists the bad files, in the summary and in quarantine.json', async () => {
    const ws = await makeWorkspace();
    await writeFile(join(ws.documents, 'empty.txt'), '');
    await writeFile(join(ws.documents, 'junk.bin'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7]));
    await writeFile(join(ws.documents, '.junk.partial-1234'), 'a temp file of the fetcher');
    const result = await runCli(
      ['build', '--documents', 'documents', '--out', 'dist', '--quarantine', '--json'],
      { cwd: ws.dir },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      quarantined: string[];
      documents: number;
      sources: number;
    };
    expect(report.quarantined).toEqual(['documents/empty.txt', 'documents/junk.bin']);
    expect(report.sources).toBe(report.documents + 2);
    const listed = JSON.parse(await readFile(join(ws.out, 'quarantine.json'), 'utf8')) as {
      quarantined: { file: string; errors: { code: string; message: string }[] }[];
    };
    expect(listed.quarantined.map((q) => q.file)).toEqual(report.quarantined);
    for (const q of listed.quarantined) expect(q.errors.length).toBeGreaterThan(0);
    const json = await readFile(join(ws.out, 'kamervragen.json'), 'utf8');
    const records = JSON.parse(json) as unknown[];
    expect(records).toHaveLength(report.documents);
    expect(validateRecordFiles([{ file: 'kamervragen.json', text: json }]).diagnostics).toEqual([]);
    expect(json).not.toContain('partial-1234');
  });

  it('names a symbolic link instead of following it out of the project', async () => {
    const ws = await makeWorkspace();
    await symlink('/etc/passwd', join(ws.documents, 'ah-tk-20212022-7.passwd.pdf.txt'));
    const strict = await runCli(['build', '--documents', 'documents', '--out', 'dist'], {
      cwd: ws.dir,
    });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('documents/ah-tk-20212022-7.passwd.pdf.txt');
    expect(strict.stderr).toContain('build/not-a-file');
    const lenient = await runCli(
      ['build', '--documents', 'documents', '--out', 'dist', '--quarantine', '--json'],
      { cwd: ws.dir },
    );
    expect(lenient.code).toBe(0);
    expect((JSON.parse(lenient.stdout) as { quarantined: string[] }).quarantined).toEqual([
      'documents/ah-tk-20212022-7.passwd.pdf.txt',
    ]);
    for (const bytes of (await snapshot(ws.out)).values())
      expect(bytes.toString('utf8')).not.toContain('root:x:0:0');
  });

  it('names both files when two documents claim the same id', async () => {
    const ws = await makeWorkspace();
    const [first] = [...(await seeds(ws.documents))].sort();
    // Same id prefix, another slug: the id is the same whether read from the text or the name.
    const copy = first!.replace(/^([^.]+)\..*$/, '$1.another-copy.pdf.txt');
    await writeFile(join(ws.documents, copy), await readFile(join(ws.documents, first!)));
    const result = await runCli(['build', '--documents', 'documents', '--out', 'dist'], {
      cwd: ws.dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('integrity/duplicate-id');
    expect(result.stderr).toContain(`documents/${first}`);
    expect(result.stderr).toContain(`documents/${copy}`);
    const quarantined = await runCli(
      ['build', '--documents', 'documents', '--out', 'dist', '--quarantine', '--json'],
      { cwd: ws.dir },
    );
    // Quarantining keeps the first claimant in path order and sets the other aside, naming the kept one.
    const [kept, refused] = [`documents/${copy}`, `documents/${first}`].sort();
    expect((JSON.parse(quarantined.stdout) as { quarantined: string[] }).quarantined).toEqual([
      refused,
    ]);
    const listed = JSON.parse(await readFile(join(ws.out, 'quarantine.json'), 'utf8')) as {
      quarantined: { errors: { code: string; message: string }[] }[];
    };
    expect(listed.quarantined[0]?.errors[0]?.code).toBe('integrity/duplicate-id');
    expect(listed.quarantined[0]?.errors[0]?.message).toContain(kept!);
    const records = JSON.parse(await readFile(join(ws.out, 'kamervragen.json'), 'utf8')) as {
      source: { path: string };
    }[];
    // source.path is relative to the documents folder; messages name the file as found.
    expect(records.map((r) => r.source.path)).toContain(kept!.replace(/^documents\//, ''));
  });

  it('reports a metadata file without its document instead of dropping it silently', async () => {
    const ws = await makeWorkspace();
    await writeFile(join(ws.documents, 'ah-tk-20212022-9.metadata.xml'), '<metadata/>');
    const result = await runCli(['build', '--documents', 'documents', '--out', 'dist'], {
      cwd: ws.dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('documents/ah-tk-20212022-9.metadata.xml');
    expect(result.stderr).toContain('build/orphan-metadata');
  });

  it('says which folder it cannot read, and reports a failed build as JSON with --json', async () => {
    const ws = await makeWorkspace();
    const missing = await runCli(['build', '--documents', 'no-such-folder', '--out', 'dist'], {
      cwd: ws.dir,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-folder');
    expect(missing.stderr).toContain('cannot read the documents folder');
    noStack(missing.stderr);
    await writeFile(join(ws.documents, 'empty.txt'), '');
    const failed = await runCli(['build', '--documents', 'documents', '--out', 'dist', '--json'], {
      cwd: ws.dir,
    });
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      ok: false,
      written: [],
      quarantined: [],
      errors: 1,
    });
  });

  it('refuses stray arguments and a malformed SOURCE_DATE_EPOCH as usage errors', async () => {
    expect((await runCli(['build', 'documents'])).code).toBe(2);
    const epoch = await runCli(['build', '--out', '/nonexistent/never'], {
      env: { SOURCE_DATE_EPOCH: 'yesterday' },
    });
    expect(epoch.code).toBe(2);
    expect(epoch.stderr).toContain('SOURCE_DATE_EPOCH');
  });
});
