// Every record with an official id leads back to the official publication, and source.path does
// not depend on the folder the build ran from.
import { readFileSync } from 'node:fs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources } from '../../pipeline/build/read-sources.ts';
import { officialUrl, statedUrl } from '../../pipeline/parse/common/official-url.ts';
import { parseSource } from '../../pipeline/parse/parse-source.ts';

const FIXTURE = 'tests/fixtures/formats/ah-tk-20202021-3235';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('source.url', () => {
  it('is the official page for an official id, and null for an id made from a file name', () => {
    expect(officialUrl('ah-tk-20182019-3922')).toBe(
      'https://zoek.officielebekendmakingen.nl/ah-tk-20182019-3922',
    );
    expect(officialUrl('kv-tk-2019Z15231')).toBe(
      'https://zoek.officielebekendmakingen.nl/kv-tk-2019Z15231',
    );
    expect(officialUrl('mijn-notities')).toBeNull();
    expect(officialUrl('ah-tk-20182019-3922-extra')).toBeNull();
  });

  it('takes the page the metadata states only on the official site and for the same id', () => {
    const id = 'kv-2989900822';
    expect(statedUrl(`https://zoek.officielebekendmakingen.nl/${id}/metadata.xml`, id)).toBe(
      `https://zoek.officielebekendmakingen.nl/${id}`,
    );
    expect(statedUrl(`https://zoek.officielebekendmakingen.nl/${id}.html`, id)).toBe(
      `https://zoek.officielebekendmakingen.nl/${id}`,
    );
    expect(statedUrl(`https://evil.example/${id}/metadata.xml`, id)).toBeNull();
    expect(
      statedUrl('https://zoek.officielebekendmakingen.nl/other-1/metadata.xml', id),
    ).toBeNull();
    expect(statedUrl('not a url', id)).toBeNull();
  });

  it('is set on records parsed from every rendering of a real publication, with its metadata.xml', async () => {
    const metadataXml = readFileSync(join(FIXTURE, 'ah-tk-20202021-3235.metadata.xml'));
    for (const ext of ['xml', 'html', 'pdf', 'odt']) {
      const path = join(FIXTURE, `ah-tk-20202021-3235.${ext}`);
      const bytes = readFileSync(path);
      for (const sidecars of [{ metadataXml }, undefined]) {
        const { document } = await parseSource({ path, bytes, ...(sidecars ? { sidecars } : {}) });
        expect(document?.id, ext).toBe('ah-tk-20202021-3235');
        expect(document?.source.url, ext).toBe(
          'https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3235',
        );
      }
    }
  });
});

describe('source.path', () => {
  it('is relative to the documents folder: the same records from another folder', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kv-docs-'));
    dirs.push(other);
    cpSync('documents', join(other, 'nested', 'store'), { recursive: true });
    const here = await readSources('documents');
    const there = await readSources(join(other, 'nested', 'store'));
    const records = async (files: typeof here.files) =>
      Promise.all(
        files.map(async (f) => {
          if (!('bytes' in f)) throw new Error('unreadable');
          return (await parseSource(f)).document;
        }),
      );
    const a = await records(here.files);
    const b = await records(there.files);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    for (const r of a) expect(r?.source.path).not.toMatch(/^documents\//);
    // Messages still name the file where the build found it.
    expect(here.files.map((f) => f.path).every((p) => p.startsWith('documents/'))).toBe(true);
  });
});
