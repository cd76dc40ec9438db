import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ioError, KamervragenError } from '../../errors.ts';
import { assertWholeSet } from '../../build/dataset-switch.ts';
import { SiteCollector, siteFileEstimate, siteFiles } from '../../site/build-site.ts';
import type { ManifestSummary, ReleaseAsset, ReleaseInfo } from '../../site/site-inputs.ts';
import { citationFromCff } from '../../site/citation.ts';
import { dataNotice } from '../../site/data-notice.ts';
import type { Command } from '../command.ts';
import { createUi } from '../ui/index.ts';
import { FileSpill, readRecords } from './site-records.ts';

type LinkMode = 'auto' | 'github' | 'local';

const SCHEMA_PATH = fileURLToPath(new URL('../../../schema/document.schema.json', import.meta.url));

export const siteCommand: Command = {
  name: 'site',
  summary: 'build the static website (search, charts, downloads, citation) into dist/site/',
  help: `Usage: kamervragen site [--data DIR] [--releases DIR] [--out DIR] [--asset-links MODE]

Builds a static website from the published data: what the dataset is, the latest version and
every release with its files, sizes and SHA-256, "cite this version", charts, a full-text
search (subjects, questions, answers, names; filters for party, portfolio, year and late
answers) and a page for every document (doc.html?id=ID). It needs no server and no network:
open dist/site/index.html from disk, or publish the folder (GitHub Pages). The records are
read one at a time, so memory stays bounded at a hundred thousand. The same data gives the
same bytes.

Reads:  DIR/data/*.ndjson (else DIR/kamervragen.ndjson or DIR/kamervragen.json), DIR/datapackage.json, DIR/manifest.json,
        CITATION.cff (or DIR/CITATION.cff), the release folders in --releases,
        schema/document.schema.json.

Options:
  --data DIR           the built dataset (default: dist)
  --releases DIR       local release folders, one per version (default: dist/releases)
  --out DIR            where to write the site; replaced as a whole (default: dist/site)
  --asset-links MODE   github: link release files on GitHub Releases; local: link the files in
                       --releases relative to the site; auto (default): github when the
                       manifest names a github.com repository, else local

Examples:
  kamervragen release && kamervragen site
  kamervragen site --asset-links local && xdg-open dist/site/index.html
  kamervragen site --json | jq .documents

Exit codes: 0 written; 1 the data cannot be read; 2 wrong usage.
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string', default: 'dist' },
        releases: { type: 'string', default: 'dist/releases' },
        out: { type: 'string', default: 'dist/site' },
        'asset-links': { type: 'string', default: 'auto' },
      },
      allowPositionals: false,
    });
    if (positionals.length)
      throw new KamervragenError('usage/site', 'site takes no arguments', {}, 2);
    const mode = values['asset-links'] as LinkMode;
    if (!['auto', 'github', 'local'].includes(mode)) {
      throw new KamervragenError(
        'usage/asset-links',
        `unknown --asset-links "${mode}"; expected auto, github or local`,
        {},
        2,
      );
    }
    const ui = createUi();
    let bytes = 0;
    let written = 0;
    const dataDir = values.data;
    const out = values.out;

    await assertWholeSet(dataDir, 'site');
    const datapackage = await readOptionalJson(join(dataDir, 'datapackage.json'));
    const manifestJson = (await readOptionalJson(
      join(dataDir, 'manifest.json'),
    )) as RawManifest | null;
    // The schema is part of the code, not of the data: read the one beside this program.
    const schema = await readJson<unknown>(SCHEMA_PATH, 'the schema ships with the program');
    const citationCff =
      (await readOptional('CITATION.cff')) ?? (await readOptional(join(dataDir, 'CITATION.cff')));
    const repositoryUrl =
      manifestJson?.repository ?? (citationCff ? citationFromCff(citationCff).repository : null);
    const useGithub =
      mode === 'github' ||
      (mode === 'auto' && /^https:\/\/github\.com\/[^/]+\/[^/]+/.test(repositoryUrl ?? ''));
    const link = (version: string, name: string, localPath: string | null) =>
      useGithub && repositoryUrl
        ? `${repositoryUrl.replace(/\/$/, '')}/releases/download/v${version}/${encodeURIComponent(name)}`
        : localPath === null
          ? ''
          : relative(out, localPath).split(sep).join('/');

    const releases = await readReleases(values.releases, link);
    const manifest: ManifestSummary | null = manifestJson
      ? {
          version: manifestJson.version ?? null,
          date: manifestJson.date ?? null,
          counts: manifestJson.counts ?? {},
        }
      : null;
    // On a fresh clone the committed manifest names the current release before any local copy exists.
    if (
      manifestJson?.version &&
      !releases.some((r) => r.version === manifestJson.version) &&
      useGithub
    ) {
      const changes = changeCounts(manifestJson);
      releases.push({
        ...(changes ? { changes } : {}),
        version: manifestJson.version,
        date: manifestJson.date ?? null,
        assets: (manifestJson.assets ?? []).map((a) => ({
          name: a.name,
          size: a.bytes,
          sha256: a.sha256,
          url: link(manifestJson.version as string, a.name, null),
        })),
      });
    }

    const staging = `${out}.partial`;
    await rm(staging, { recursive: true, force: true });
    const spill = new FileSpill(`${out}.records`);
    const collector = new SiteCollector(spill);
    let target = staging;
    try {
      for await (const doc of readRecords(dataDir)) await collector.add(doc);
      const documents = collector.metas.length;
      const settings = {
        citationCff,
        manifest,
        releases,
        datapackage,
        schema,
        repositoryUrl,
        dataNotice: dataNotice(dataDir, documents, manifest, releases),
      };
      const bar = ui.progress('site', siteFileEstimate(documents));
      const folders = new Set<string>();
      for await (const file of siteFiles(settings, collector)) {
        target = join(staging, file.path);
        const folder = dirname(target);
        if (!folders.has(folder)) await mkdir(folder, { recursive: true });
        folders.add(folder);
        await writeFile(target, file.content);
        bytes += Buffer.byteLength(file.content);
        written += 1;
        bar.tick(1, file.path);
      }
      bar.done();
    } catch (error) {
      // A full or read-only disk is the user's to fix: name the file, leave no half site.
      await rm(staging, { recursive: true, force: true });
      throw ioError(error, target) ?? error;
    } finally {
      await spill.remove();
    }
    // Replace the old site only once the new one is complete, so a failure leaves it intact.
    await rm(out, { recursive: true, force: true });
    await rename(staging, out);
    const documents = collector.metas.length;
    const summary = {
      out,
      files: written,
      bytes,
      documents: documents,
      releases: releases.length,
      version: manifest?.version ?? null,
    };
    ui.result(
      summary,
      `site: wrote ${written} files (${documents} documents, ${releases.length} releases) to ${out}/ — open ${join(out, 'index.html')}`,
    );
    return 0;
  },
};

interface RawManifest {
  version?: string;
  date?: string;
  repository?: string;
  counts?: Record<string, number>;
  assets?: { name: string; bytes: number; sha256: string }[];
  changes?: { added?: unknown[]; changed?: unknown[]; removed?: unknown[] };
}

function changeCounts(m: RawManifest): ReleaseInfo['changes'] {
  const c = m.changes;
  return c
    ? {
        added: c.added?.length ?? 0,
        changed: c.changed?.length ?? 0,
        removed: c.removed?.length ?? 0,
      }
    : undefined;
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KamervragenError(
      'site/read',
      `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      { file: path },
    );
  }
}

async function readOptionalJson(path: string): Promise<unknown> {
  const text = await readOptional(path);
  return text === null ? null : parseJson(text, path);
}

async function readJson<T>(path: string, hint: string): Promise<T> {
  const text = await readOptional(path);
  if (text === null)
    throw new KamervragenError('site/missing', `not found; ${hint}`, { file: path });
  return parseJson(text, path) as T;
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KamervragenError('site/bad-json', `not valid JSON (${(error as Error).message})`, {
      file: path,
    });
  }
}

/** Each folder in `dir` holding a manifest.json is a release; its files are the assets. */
async function readReleases(
  dir: string,
  link: (version: string, name: string, localPath: string | null) => string,
): Promise<ReleaseInfo[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const releases: ReleaseInfo[] = [];
  for (const entry of entries
    .filter((e) => e.isDirectory())
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const folder = join(dir, entry.name);
    const manifest = (await readOptionalJson(join(folder, 'manifest.json'))) as RawManifest | null;
    if (!manifest) continue;
    const version = manifest.version ?? entry.name;
    const sums = parseSums((await readOptional(join(folder, 'SHA256SUMS'))) ?? '');
    const names = (await readdir(folder)).filter((n) => !n.startsWith('.')).sort();
    const assets: ReleaseAsset[] = [];
    for (const name of names) {
      const path = join(folder, name);
      const info = await stat(path);
      if (!info.isFile()) continue;
      // SHA256SUMS cannot list itself; everything else it lists. Hash what it does not.
      const sha256 =
        sums.get(name) ??
        (name === 'SHA256SUMS'
          ? null
          : createHash('sha256')
              .update(await readFile(path))
              .digest('hex'));
      assets.push({ name, size: info.size, sha256, url: link(version, name, path) });
    }
    const changes = changeCounts(manifest);
    releases.push({
      version,
      date: manifest.date ?? null,
      assets,
      ...(changes ? { changes } : {}),
    });
  }
  return releases;
}

function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (m?.[1] && m[2]) sums.set(m[2], m[1]);
  }
  return sums;
}
