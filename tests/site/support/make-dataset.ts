import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDocument } from '../../../pipeline/bench/render-document.ts';
import { ROOT, runCli } from '../../support/run-cli.ts';

// A small but realistic published dataset in `dir`, made the way users get one: the two seed
// documents plus generated ones in documents/, then the real `kamervragen release` to a local
// folder (dist/, dist/releases/X.Y.Z/, CITATION.cff). Nothing here is hand-written output.
export async function makeDataset(dir: string, generated = 60): Promise<void> {
  const documents = join(dir, 'documents');
  await mkdir(documents, { recursive: true });
  for (const name of await readdir(join(ROOT, 'documents'))) {
    if (/^ah-tk-(20182019-3922|20202021-2310)\./.test(name))
      await cp(join(ROOT, 'documents', name), join(documents, name));
  }
  for (let i = 0; i < generated; i += 1) {
    for (const file of generateDocument('site-tests', i, generated).files)
      await writeFile(join(documents, file.name), file.content);
  }
  const env = { SOURCE_DATE_EPOCH: '1735689600' };
  const result = await runCli(
    [
      'release',
      '--quarantine',
      '--repository',
      'https://example.org/kamervragen',
      '--source-commit',
      '0'.repeat(40),
      '--target',
      'dir:dist/releases',
    ],
    { cwd: dir, env, timeoutMs: 110_000 },
  );
  if (result.code !== 0) throw new Error(`release failed (${result.code}):\n${result.stderr}`);
}
