import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssetFile } from '../../../pipeline/publish/publish-types.ts';
import type { ReleaseBundle } from '../../../pipeline/publish/publish-types.ts';
import { createGitHubClient } from '../../../pipeline/publish/github/create-client.ts';
import type { FakeGitHub } from './fake-github.ts';

// Deterministic pseudo-random bytes (xorshift32), so a failing seed can be replayed.
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

export function bytesOf(size: number, random: () => number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** Files on disk (in a fresh temporary folder) holding these bytes, as release assets. */
export function assetFiles(files: readonly { name: string; bytes: Uint8Array }[]): AssetFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'kamervragen-assets-'));
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return { name: f.name, path, bytes: f.bytes.byteLength, sha256: sha256(f.bytes) };
  });
}

/** A release of a few assets of varied sizes, different for every (version, seed). */
export function makeBundle(version: string, seed = 1): ReleaseBundle {
  const random = seededRandom(seed * 7919 + Number(version.replace(/\D/g, '')));
  const names = [
    `kamervragen-${version}.json`,
    `kamervragen-${version}.ndjson`,
    'documents.csv',
    'manifest.json',
    'SHA256SUMS',
  ];
  return {
    version,
    tag: `v${version}`,
    title: `kamervragen ${version}`,
    notes: `# kamervragen ${version}\n`,
    assets: assetFiles(
      names.map((name) => ({ name, bytes: bytesOf(200 + Math.floor(random() * 5000), random) })),
    ),
  };
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function clientFor(fake: FakeGitHub, token: string, warnings: string[] = []) {
  return createGitHubClient({
    token,
    baseUrl: fake.apiUrl,
    delayUnitMs: 1,
    writeIntervalMs: 0,
    retries: 3,
    warn: (m) => warnings.push(m),
  });
}

/** What a correct end state looks like for one version: one release, published, exactly these assets. */
export function publishedState(fake: FakeGitHub, bundle: ReleaseBundle) {
  const releases = fake.releases.filter((r) => r.tag_name === bundle.tag);
  return {
    releases: releases.length,
    drafts: releases.filter((r) => r.draft).length,
    published: releases.filter((r) => !r.draft).length,
    assets: releases
      .filter((r) => !r.draft)
      .flatMap((r) => r.assets.map((a) => `${a.name} ${a.state} ${sha256(a.bytes)}`))
      .sort(),
    expected: bundle.assets.map((a) => `${a.name} uploaded ${a.sha256}`).sort(),
  };
}
