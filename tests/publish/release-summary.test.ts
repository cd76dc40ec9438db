// What `npm start` tells a newcomer: the version, where the dataset is, where the release is.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Counts } from '../../pipeline/package/release-types.ts';
import { describeOutcome } from '../../pipeline/publish/describe-outcome.ts';
import type { ReleaseOutcome } from '../../pipeline/publish/run-release.ts';
import { ROOT, runCli } from '../support/run-cli.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

const committed = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8')) as {
  version: string;
  counts: Counts;
};
const datasetLine = (c: Counts) =>
  `Dataset: ${c.documents} documents (${c.questions} questions, ${c.answers} answers) in dist/: ` +
  'one NDJSON file per session year in data/, with datapackage.json and the manifest.';

describe('npm start on a fresh clone (dist/ committed, dist/releases/ not)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kv-fresh-'));
  scratch.push(dir);
  cpSync(join(ROOT, 'documents'), join(dir, 'documents'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), {
    recursive: true,
    filter: (src) => !src.includes('/releases') && !src.includes('/site'),
  });
  const v = committed.version;

  it('says the version stays, where the dataset is and that the release folder was written', async () => {
    const r = await runCli(['release'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(dir, 'dist', 'releases', v));
    expect(r.stdout.trim().split('\n')).toEqual([
      `Nothing changed since ${v}, so no new version.`,
      datasetLine(committed.counts),
      `Release ${v} written to dist/releases/${v}/ (it was not there yet): ${files.length} files; ` +
        'check them there with `sha256sum -c SHA256SUMS`.',
    ]);
  });

  it('a second run says the release folder already holds that version', async () => {
    const r = await runCli(['release'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      `Nothing changed since ${v}, so no new version.`,
      datasetLine(committed.counts),
      `Release ${v} is already in dist/releases/${v}/; left as it is.`,
    ]);
  });
});

describe('describeOutcome', () => {
  const counts: Counts = {
    documents: 3,
    questions: 30,
    answers: 28,
    askers: 2,
    footnotes: 1,
    references: 0,
  };
  const outcome = (over: Partial<ReleaseOutcome>): ReleaseOutcome => ({
    ok: true,
    status: 'release',
    version: '1.1.0',
    tag: 'v1.1.0',
    previousVersion: '1.0.0',
    bump: 'minor',
    added: ['ah-tk-20142015-698'],
    changed: [],
    removed: [],
    quarantined: [],
    publish: null,
    diagnostics: [],
    ...over,
  });
  const context = { cwd: '/p', dataset: { dir: '/p/dist', counts } };

  it('a new version to the local folder: what was added, the dataset, the folder', () => {
    const steps = [{ method: 'WRITE', url: '/p/dist/releases/1.1.0/' }];
    const text = describeOutcome(
      outcome({ publish: { action: 'created', location: '/p/dist/releases/1.1.0', steps } }),
      false,
      context,
    );
    expect(text.trim().split('\n')).toEqual([
      'Released 1.1.0 (minor; after 1.0.0; 1 added, 0 changed, 0 removed).',
      '  + ah-tk-20142015-698',
      datasetLine(counts),
      'Release 1.1.0 written to dist/releases/1.1.0/: 1 file; check them there with `sha256sum -c SHA256SUMS`.',
    ]);
  });

  it('GitHub keeps its location; a folder outside the working directory is shown whole', () => {
    const github = { action: 'created' as const, location: 'github:o/r@v1.1.0', steps: [] };
    expect(describeOutcome(outcome({ publish: github }), false, context)).toContain(
      'Published 1.1.0 to github:o/r@v1.1.0.',
    );
    const elsewhere = { action: 'exists' as const, location: '/srv/rel/1.1.0', steps: [] };
    expect(describeOutcome(outcome({ publish: elsewhere }), false, context)).toContain(
      'Release 1.1.0 is already in /srv/rel/1.1.0/; left as it is.',
    );
  });

  it('a failed run names no dataset', () => {
    const failed = outcome({ ok: false, status: 'failed', version: null, publish: null });
    expect(describeOutcome(failed, false, context)).not.toContain('Dataset:');
  });
});
