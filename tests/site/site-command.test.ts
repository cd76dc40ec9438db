import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { makeDataset } from './support/make-dataset.ts';

// `kamervragen site` on a dataset made by the real release command.
let dir: string;

interface Manifest {
  version: string;
  assets: { name: string; bytes: number; sha256: string }[];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-site-command-'));
  await makeDataset(dir, 4);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const index = () => readFile(join(dir, 'dist/site/index.html'), 'utf8');

describe('kamervragen site', () => {
  it('links the local release files relative to the site, with the sha256 from SHA256SUMS', async () => {
    const result = await runCli(['site', '--asset-links', 'local'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(
      await readFile(join(dir, 'dist/manifest.json'), 'utf8'),
    ) as Manifest;
    const html = await index();
    const files = await readdir(join(dir, 'dist/releases', manifest.version));
    for (const name of files)
      expect(html).toContain(`href="../releases/${manifest.version}/${name}"`);
    for (const asset of manifest.assets) expect(html).toContain(asset.sha256);
    const pages = await readdir(join(dir, 'dist/site/doc'));
    const v = manifest.version;
    const records = JSON.parse(
      await readFile(join(dir, `dist/releases/${v}/kamervragen-${v}.json`), 'utf8'),
    ) as { id: string }[];
    expect(pages.sort()).toEqual(records.map((r) => `${r.id}.html`).sort());
  });

  it('on a fresh clone (no local release folders) lists the committed manifest with GitHub download links', async () => {
    await rm(join(dir, 'dist/releases'), { recursive: true, force: true });
    const result = await runCli(['site', '--asset-links', 'github'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(
      await readFile(join(dir, 'dist/manifest.json'), 'utf8'),
    ) as Manifest;
    const html = await index();
    expect(html).toContain(`id="release-${manifest.version}"`);
    for (const asset of manifest.assets) {
      expect(html).toContain(
        `href="https://example.org/kamervragen/releases/download/v${manifest.version}/${asset.name}"`,
      );
      expect(html).toContain(asset.sha256);
    }
  });

  it('replaces the old site as a whole and leaves no staging folder', async () => {
    const result = await runCli(['site', '--out', 'public'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(dir)).filter((n) => n.startsWith('public'))).toEqual(['public']);
    expect(await readdir(join(dir, 'public'))).toEqual(
      expect.arrayContaining(['.nojekyll', 'index.html', 'dictionary.html', 'assets', 'doc']),
    );
  });
});
