// A release of modern and historical (Staten-Generaal Digitaal OCR) documents together: built,
// validated and published to a local folder by the real CLI, in a scratch project.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.ts';
import { committedRecords } from '../support/committed-records.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

const MODERN = readdirSync(join(ROOT, 'tests/seeds')).filter((n) => n.endsWith('.txt'));
const HISTORICAL = readdirSync(join(ROOT, 'tests/sgd/held-out')).filter((n) => n.endsWith('.txt'));

it('builds, validates and publishes a release holding both collections', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kv-historical-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'documents/sgd'), { recursive: true });
  for (const name of MODERN) cpSync(join(ROOT, 'tests/seeds', name), join(dir, 'documents', name));
  for (const name of HISTORICAL)
    cpSync(join(ROOT, 'tests/sgd/held-out', name), join(dir, 'documents/sgd', name));

  const released = await runCli(['release', '--source-commit', '1'.repeat(40)], {
    cwd: dir,
    env: { SOURCE_DATE_EPOCH: '' },
  });
  expect(released.code, released.stderr).toBe(0);
  expect(released.stdout).toMatch(/Released 1\.0\.0/);

  const records = committedRecords<{
    id: string;
    session_year: string | null;
    source: { collection?: string; format: string };
  }>(join(dir, 'dist'));
  expect(records).toHaveLength(MODERN.length + HISTORICAL.length);
  const sgd = records.filter((r) => r.source.collection === 'sgd');
  expect(sgd).toHaveLength(HISTORICAL.length);
  expect(sgd.every((r) => r.source.format === 'sgd-ocr')).toBe(true);
  expect(records.filter((r) => r.source.collection === 'officielebekendmakingen')).toHaveLength(
    MODERN.length,
  );
  // The historical records keep their printed ids and span the century.
  expect(sgd.map((r) => r.id)).toContain('ah-tk-19291930-50');
  expect(Math.min(...sgd.map((r) => Number(r.session_year?.slice(0, 4))))).toBeLessThan(1925);

  const validated = await runCli(['validate'], { cwd: dir });
  expect(validated.code, validated.stderr).toBe(0);
  const folder = join(dir, 'dist/releases/1.0.0');
  const published = JSON.parse(
    readFileSync(join(folder, 'kamervragen-1.0.0.json'), 'utf8'),
  ) as unknown[];
  expect(published).toHaveLength(records.length);
  const csv = readFileSync(join(folder, 'documents.csv'), 'utf8').split('\n');
  expect(csv[0]).toMatch(/,source_collection$/);
  expect(csv.filter((line) => line.endsWith(',sgd'))).toHaveLength(HISTORICAL.length);
});
