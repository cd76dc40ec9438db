import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/site/build-site.ts';
import type { SiteInputs } from '../../pipeline/site/site-inputs.ts';
import type { Document } from '../../pipeline/types.ts';
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

// The records as the release's single-file download holds them (dist/ keeps them per year).
async function releasedRecords(): Promise<Document[]> {
  const { version: v } = JSON.parse(
    await readFile(join(dir, 'dist/manifest.json'), 'utf8'),
  ) as Manifest;
  const path = join(dir, `dist/releases/${v}/kamervragen-${v}.json`);
  return JSON.parse(await readFile(path, 'utf8')) as Document[];
}

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
    // Every record is reachable: listed in one id file with an ordinal below the count.
    const records = await releasedRecords();
    const KV = { put: (_path: string, value: unknown) => found.push(value) };
    const found: unknown[] = [];
    const idFiles = await readdir(join(dir, 'dist/site/data/ids'));
    for (const name of idFiles)
      new Function('window', await readFile(join(dir, 'dist/site/data/ids', name), 'utf8'))({ KV });
    const ids = Object.assign({}, ...found) as Record<string, number>;
    expect(Object.keys(ids).sort()).toEqual(records.map((r) => r.id).sort());
    expect(new Set(Object.values(ids)).size).toBe(records.length);
    expect(html).not.toMatch(/class="notice"/);
  });

  it('writes the same data and index files as the in-memory build of the same records', async () => {
    const result = await runCli(['site', '--out', 'streamed'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const documents = await releasedRecords();
    const files = await buildSite({
      documents,
      citationCff: null,
      // The release date is the day open questions are counted to, as the command has it.
      manifest: JSON.parse(
        await readFile(join(dir, 'dist/manifest.json'), 'utf8'),
      ) as SiteInputs['manifest'],
      releases: [],
      datapackage: null,
      schema: {},
      repositoryUrl: null,
    });
    const data = files.filter((f) => /^(data|search)\//.test(f.path));
    expect(data.length).toBeGreaterThan(documents.length / 100);
    for (const f of data)
      expect(await readFile(join(dir, 'streamed', f.path), 'utf8'), f.path).toBe(f.content);
  });

  it('says so when --data is not the release the downloads offer', async () => {
    const other = join(dir, 'other');
    await mkdir(other, { recursive: true });
    const records = await releasedRecords();
    await writeFile(join(other, 'kamervragen.json'), JSON.stringify(records.slice(0, 3)));
    const result = await runCli(
      ['site', '--data', other, '--out', 'other-site', '--asset-links', 'local'],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(join(dir, 'other-site/index.html'), 'utf8');
    expect(html).toMatch(
      /class="notice"[^>]*>The counts, charts and search on this page are of the data in [^<]*other \(3 documents\), which is not the release offered for download below \(version \d/,
    );
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
      expect.arrayContaining([
        '.nojekyll',
        'index.html',
        'dictionary.html',
        'doc.html',
        'assets',
        'data',
        'search',
      ]),
    );
  });
});
