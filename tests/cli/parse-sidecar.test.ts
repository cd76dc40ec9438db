import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.ts';

const fixture = join(ROOT, 'tests/fixtures/formats/ah-tk-20202021-3235');
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function parseIn(files: string[]): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'kv-parse-'));
  dirs.push(dir);
  for (const name of files) await copyFile(join(fixture, name), join(dir, name));
  const result = await runCli(['parse', join(dir, 'ah-tk-20202021-3235.xml')]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

it('parse reads the metadata.xml published beside the file, as the build does', async () => {
  const alone = await parseIn(['ah-tk-20202021-3235.xml']);
  const withMetadata = await parseIn([
    'ah-tk-20202021-3235.xml',
    'ah-tk-20202021-3235.metadata.xml',
  ]);
  // The case number is stated only in the metadata (vraagnummer), not in the XML body.
  expect(alone.case_number).toBeNull();
  expect(withMetadata.case_number).toBe('2021Z09739');
  expect(withMetadata.session_year).toBe('2020-2021');
  expect(withMetadata.number).toBe(3235);
  expect(alone.questions).toEqual(withMetadata.questions);
});
