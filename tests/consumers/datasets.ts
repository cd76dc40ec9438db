// The datasets the consumer tests read: a hand-made one (hostile values included) exported
// by the pipeline into a temp folder, and the real data (documents/, as the committed dist/
// holds it) in the single-file form users download: built into a temp folder by the CLI.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFiles } from '../../pipeline/build/write-files.ts';
import { exportDataset } from '../../pipeline/export/export-dataset.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import { sampleDocuments } from '../export/fixtures/sample-documents.ts';

export const SCHEMA = join(ROOT, 'schema', 'document.schema.json');
export const DIST = join(tmpdir(), `kv-consumers-dist-${process.pid}`);

export const removeDist = () => rm(DIST, { recursive: true, force: true });

/** Builds the real data into DIST (once per process), fixed to the committed release's version. */
export async function prepareDist(): Promise<void> {
  if (existsSync(join(DIST, 'kamervragen.json'))) return;
  const manifest = join(ROOT, 'dist', 'manifest.json');
  const r = await runCli(['build', '--out', DIST, '--manifest', manifest], { cwd: ROOT });
  if (r.code !== 0) throw new Error(`build failed (${r.code}):\n${r.stderr}`);
}

export async function exportSample(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kv-consumers-'));
  await writeFiles(
    dir,
    exportDataset(sampleDocuments(), { version: '0.1.0', created: '2021-04-13T00:00:00Z' }),
  );
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** What each consumer test reads: the sample export and the real data (made in beforeAll). */
export const DATASETS = ['sample', 'dist'] as const;
export type Dataset = (typeof DATASETS)[number];
