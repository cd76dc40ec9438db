// The datasets the consumer tests read: a hand-made one (hostile values included) exported
// by the pipeline into a temp folder, and the committed dist/ (the real data).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFiles } from '../../pipeline/build/write-files.ts';
import { exportDataset } from '../../pipeline/export/export-dataset.ts';
import { ROOT } from '../support/run-cli.ts';
import { sampleDocuments } from '../export/fixtures/sample-documents.ts';

export const SCHEMA = join(ROOT, 'schema', 'document.schema.json');
export const DIST = join(ROOT, 'dist');

export async function exportSample(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kv-consumers-'));
  await writeFiles(
    dir,
    exportDataset(sampleDocuments(), { version: '0.1.0', created: '2021-04-13T00:00:00Z' }),
  );
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** What each consumer test reads: the sample export (made in beforeAll) and the committed dist/. */
export const DATASETS = ['sample', 'dist'] as const;
export type Dataset = (typeof DATASETS)[number];
