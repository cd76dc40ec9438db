import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceEntry } from '../../pipeline/build/read-sources.ts';
import { fingerprints, fingerprintsOnThread } from '../../pipeline/build/source-fingerprint.ts';

let dir: string;
const entries: SourceEntry[] = [];
const old = new Date('2020-01-01T00:00:00Z');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-prints-'));
  await mkdir(join(dir, 'documents'));
  // Enough documents for the thread to be used, a few with a metadata sidecar.
  for (let i = 0; i < 5200; i += 1) {
    const path = `documents/d${i}.xml`;
    await writeFile(join(dir, path), `<doc n="${i}"/>`);
    await utimes(join(dir, path), old, old);
    const metadataPath = i % 10 === 0 ? `documents/d${i}.metadata.xml` : null;
    if (metadataPath !== null) {
      await writeFile(join(dir, metadataPath), '<meta/>');
      await utimes(join(dir, metadataPath), old, old);
    }
    entries.push({ path, metadataPath, regular: true });
  }
  entries.push({ path: 'documents/gone.xml', metadataPath: null, regular: true });
  entries.push({ path: 'documents/link.xml', metadataPath: null, regular: false });
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fingerprints', () => {
  it('are the same on a thread of their own as on the calling thread', async () => {
    const later = Date.now() + 60_000;
    const inline = fingerprints(entries, later, dir);
    expect(await fingerprintsOnThread(entries, later, dir)).toEqual(inline);
    expect(inline[0]).toMatch(/^\d+:[\d.]+:[\d.]+:\d+:\d+\+\d+:/); // with its sidecar
    expect(inline[1]).not.toContain('+');
    expect(inline.slice(-2)).toEqual([null, null]); // missing, not a regular file
  });

  it('leave out files changed too recently to trust their times (racy)', () => {
    // The files' change times are now (utimes changed them): all racy against an older clock.
    const prints = fingerprints(entries.slice(0, 3), Date.now() - 60_000, dir);
    expect(prints).toEqual([null, null, null]);
  });
});
