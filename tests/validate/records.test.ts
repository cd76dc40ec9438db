import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../pipeline/errors.ts';
import { checkUniqueIds } from '../../pipeline/validate/check-unique-ids.ts';
import { validateRecordFiles } from '../../pipeline/validate/validate-records.ts';
import { sampleDocuments, emotionRecognition } from '../export/fixtures/sample-documents.ts';
import { runCli } from '../support/run-cli.ts';

describe('checkUniqueIds', () => {
  it('names both files when two claim the same id', () => {
    const found = checkUniqueIds([
      { id: 'ah-tk-1', file: 'documents/a.xml' },
      { id: 'ah-tk-2', file: 'documents/b.xml' },
      { id: 'ah-tk-1', file: 'documents/c.txt' },
    ]);
    expect(found.map((d) => [d.file, d.code])).toEqual([
      ['documents/a.xml', 'integrity/duplicate-id'],
      ['documents/c.txt', 'integrity/duplicate-id'],
    ]);
    expect(found[0]?.message).toContain('documents/c.txt');
    expect(found[1]?.message).toContain('documents/a.xml');
  });
});

describe('checkUniqueIds with keepFirst (a quarantining build)', () => {
  it('keeps the first claimant and names it in the error of every later one', () => {
    const found = checkUniqueIds(
      [
        { id: 'ah-tk-1', file: 'documents/a.xml' },
        { id: 'ah-tk-1', file: 'documents/b.txt' },
        { id: 'ah-tk-1', file: 'documents/c.txt' },
      ],
      { keepFirst: true },
    );
    expect(found.map((d) => d.file)).toEqual(['documents/b.txt', 'documents/c.txt']);
    for (const d of found) expect(d.message).toContain('documents/a.xml');
  });
});

describe('validateRecordFiles', () => {
  it('accepts the hand-made records as JSON and as NDJSON', () => {
    const docs = sampleDocuments();
    const result = validateRecordFiles([
      { file: 'a.json', text: JSON.stringify(docs) },
      {
        file: 'b.ndjson',
        text: docs.map((d) => JSON.stringify({ ...d, id: `${d.id}-b` })).join('\n'),
      },
    ]);
    expect(result.records).toBe(6);
    // The hostile record's zero-width space in a name is worth a warning, and only that.
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.field])).toEqual([
      ['warning', 'integrity/invisible-character', '/1/askers/1/name'],
      ['warning', 'integrity/invisible-character', '/askers/1/name'],
    ]);
  });

  it('places problems by record: pointer inside a JSON array, line inside NDJSON', () => {
    const bad = { ...emotionRecognition(), response_days: 1 };
    const docs = [...sampleDocuments().filter((d) => d.id !== bad.id), bad];
    const errorsOnly = (list: Diagnostic[]) => list.filter((d) => d.severity === 'error');
    const fromJson = errorsOnly(
      validateRecordFiles([{ file: 'k.json', text: JSON.stringify(docs) }]).diagnostics,
    );
    expect(fromJson.map((d) => [d.code, d.field])).toEqual([
      ['integrity/response-days', '/2/response_days'],
    ]);
    const fromNdjson = errorsOnly(
      validateRecordFiles([
        { file: 'k.ndjson', text: `${docs.map((d) => JSON.stringify(d)).join('\n')}\n{oops\n` },
      ]).diagnostics,
    );
    expect(fromNdjson.map((d) => [d.code, d.line, d.field])).toEqual([
      ['validate/not-json', 4, undefined],
      ['integrity/response-days', 3, '/response_days'],
    ]);
  });

  it('finds one id in two files', () => {
    const doc = emotionRecognition();
    const { diagnostics } = validateRecordFiles([
      { file: 'one.json', text: JSON.stringify([doc]) },
      { file: 'two.ndjson', text: JSON.stringify(doc) },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual([
      'integrity/duplicate-id',
      'integrity/duplicate-id',
    ]);
    expect(diagnostics[0]).toMatchObject({ file: 'one.json', field: '/0/id' });
    expect(diagnostics[0]?.message).toContain('two.ndjson:1');
    expect(diagnostics[1]).toMatchObject({ file: 'two.ndjson', line: 1, field: '/id' });
  });
});

describe('kamervragen validate', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('exits 0 on valid records and 1 with the file and field on an invalid one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kv-validate-'));
    dirs.push(dir);
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.ndjson');
    await writeFile(good, JSON.stringify(sampleDocuments()));
    await writeFile(
      bad,
      `${JSON.stringify({ ...emotionRecognition(), submitted: '2021-02-31' })}\n`,
    );
    const ok = await runCli(['validate', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('3 record(s)');
    const failed = await runCli(['validate', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('bad.ndjson');
    expect(failed.stderr).toContain('/submitted');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});
