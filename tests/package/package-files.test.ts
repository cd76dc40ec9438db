// The files a release carries, read by the tools a user would use on them: sha256sum, gzip and a
// YAML parser (Debian's python3-yaml) for CITATION.cff.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarise } from '../../pipeline/build/prepare-record.ts';
import {
  assembleRelease,
  type AssembleInput,
  type PlannedFile,
} from '../../pipeline/package/assemble-release.ts';
import { parseManifest } from '../../pipeline/package/manifest.ts';
import { itWith, PYTHON, pythonModule } from '../support/system-packages.ts';
import type { AssetEntry } from '../../pipeline/package/release-types.ts';
import { gzipFile } from '../../pipeline/publish/release-files.ts';
import type { Document } from '../../pipeline/types.ts';
import { corpusRecords, edited } from './records.ts';

const YAML = pythonModule('yaml', 'python3-yaml');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'kv-package-'));
  dirs.push(d);
  return d;
};
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const decoder = new TextDecoder();

const records = corpusRecords();
// Stand-ins for the build's files: what matters here is that they depend on the records.
function builtFiles(list: readonly Document[]): Map<string, Uint8Array> {
  const enc = (t: string) => new TextEncoder().encode(t);
  return new Map([
    ['kamervragen.json', enc(JSON.stringify(list, null, 2))],
    ['documents.csv', enc(`id\n${list.map((r) => r.id).join('\n')}\n`)],
    ['data/2019-2020.ndjson', enc(list.map((r) => `${JSON.stringify(r)}\n`).join(''))],
    ['quarantine.json', enc('[]\n')],
  ]);
}
const entry = (name: string, bytes: Uint8Array): AssetEntry => ({
  name,
  bytes: bytes.byteLength,
  sha256: sha256(bytes),
});

function input(over: Partial<AssembleInput> & { list?: readonly Document[] } = {}): AssembleInput {
  const { list = records.slice(0, 5), ...rest } = over;
  const files = builtFiles(list);
  const json = files.get('kamervragen.json')!;
  return {
    records: list.map(summarise),
    dataFiles: ['kamervragen.json', 'documents.csv'].map((n) => entry(n, files.get(n)!)),
    gzipped: [{ name: 'kamervragen.json.gz', bytes: 10, sha256: sha256(`gz ${sha256(json)}`) }],
    committed: ['data/2019-2020.ndjson', 'quarantine.json'].map((n) => entry(n, files.get(n)!)),
    datapackage: ({ version, date }) =>
      JSON.stringify({ name: 'kamervragen', version, created: date }),
    previous: null,
    schemaVersion: '1.0.0',
    sourceDateEpoch: Date.UTC(2026, 11, 3) / 1000,
    sourceCommit: '0123456789abcdef0123456789abcdef01234567',
    repository: 'https://github.com/example/kamervragen',
    quarantined: ['documents/broken.pdf.txt'],
    allowRemovals: false,
    ...rest,
  };
}

/** The planned files on disk, the built ones from `built` (gzip stand-ins left out). */
function writeAll(files: readonly PlannedFile[], built: Map<string, Uint8Array>): string {
  const dir = scratch();
  for (const f of files) {
    const bytes = f.source.kind === 'text' ? f.source.bytes : built.get(f.source.file);
    if (bytes === undefined) continue;
    mkdirSync(dirname(join(dir, f.name)), { recursive: true });
    writeFileSync(join(dir, f.name), bytes);
  }
  return dir;
}
const text = (files: readonly PlannedFile[], name: string) => {
  const f = files.find((x) => x.name === name)!;
  if (f.source.kind !== 'text') throw new Error(`${name} is not made in memory`);
  return decoder.decode(f.source.bytes);
};

describe('release files', () => {
  const first = assembleRelease(input());

  const built = builtFiles(records.slice(0, 5));

  it('SHA256SUMS passes `sha256sum -c` and fails when a file is altered', () => {
    const dir = writeAll(first.assets, built);
    const out = execFileSync('sha256sum', ['-c', '--ignore-missing', 'SHA256SUMS'], {
      cwd: dir,
      encoding: 'utf8',
    });
    // Every file but the stand-in .gz and SHA256SUMS itself.
    expect(out.trim().split('\n')).toHaveLength(first.assets.length - 2);
    writeFileSync(join(dir, 'documents.csv'), 'tampered\n');
    expect(() =>
      execFileSync('sha256sum', ['-c', '--quiet', '--ignore-missing', 'SHA256SUMS'], {
        cwd: dir,
        stdio: 'pipe',
      }),
    ).toThrow();
    // dist/ has its own: the year files and the small files, never the single-file downloads.
    const dist = writeAll(first.dist, built);
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dist });
    expect(first.dist.map((f) => f.name).sort()).toEqual([
      'CITATION.cff',
      'README.md',
      'RELEASE_NOTES.md',
      'SHA256SUMS',
      'data/2019-2020.ndjson',
      'datapackage.json',
      'manifest.json',
      'quarantine.json',
    ]);
  });

  it('names versioned data files and their .gz', () => {
    const names = first.assets.map((a) => a.name);
    expect(names).toContain('kamervragen-1.0.0.json');
    expect(names).toContain('kamervragen-1.0.0.json.gz');
    expect(names).toContain('documents.csv');
    expect(names.filter((n) => n.startsWith('data/'))).toEqual([]);
  });

  it('gzips a file as a stream, deterministically, and reuses the .gz while the source is the same', async () => {
    const dir = scratch();
    const source = join(dir, 'kamervragen.json');
    writeFileSync(source, built.get('kamervragen.json')!);
    const hash = sha256(built.get('kamervragen.json')!);
    const made = await gzipFile(source, hash, join(dir, 'a.gz'), 'kamervragen.json.gz');
    const gz = readFileSync(join(dir, 'a.gz'));
    expect(made).toEqual({ name: 'kamervragen.json.gz', bytes: gz.length, sha256: sha256(gz) });
    expect(
      Buffer.compare(execFileSync('gzip', ['-dc', join(dir, 'a.gz')]), readFileSync(source)),
    ).toBe(0);
    expect([...gz.subarray(4, 8)]).toEqual([0, 0, 0, 0]); // no mtime
    expect(gz[3]! & 0x08).toBe(0); // no file name
    expect(gz[9]).toBe(255); // OS "unknown", wherever it is made
    // Made again elsewhere: the same bytes.
    await gzipFile(source, hash, join(dir, 'b.gz'), 'x');
    expect(sha256(readFileSync(join(dir, 'b.gz')))).toBe(made.sha256);
    // The sidecar names the source: an unchanged source is not compressed again.
    writeFileSync(join(dir, 'a.gz'), gz); // same size, same bytes: reused as it is
    const again = await gzipFile(source, hash, join(dir, 'a.gz'), 'kamervragen.json.gz');
    expect(again).toEqual(made);
    writeFileSync(source, '[]\n');
    const other = await gzipFile(source, sha256('[]\n'), join(dir, 'a.gz'), 'kamervragen.json.gz');
    expect(other.sha256).not.toBe(made.sha256);
    expect(execFileSync('gzip', ['-dc', join(dir, 'a.gz')]).toString()).toBe('[]\n');
  });

  itWith(YAML, 'CITATION.cff is valid YAML with version and date from the manifest', () => {
    const dir = writeAll(first.assets, built);
    const json = execFileSync(
      PYTHON,
      [
        '-c',
        'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1])), default=str))',
        join(dir, 'CITATION.cff'),
      ],
      { encoding: 'utf8' },
    );
    const cff = JSON.parse(json) as Record<string, unknown>;
    const manifest = parseManifest(text(first.assets, 'manifest.json'), 'manifest.json');
    expect(cff).toMatchObject({
      'cff-version': '1.2.0',
      type: 'dataset',
      version: manifest.version,
      'date-released': manifest.date,
      'repository-code': manifest.repository,
    });
    expect(String(cff.repository)).toContain(`/releases/tag/v${manifest.version}`);
    expect(cff['preferred-citation']).toMatchObject({
      type: 'data',
      version: manifest.version,
      'date-released': manifest.date,
    });
    // datapackage.json carries the same version: one source for both.
    expect(JSON.parse(text(first.assets, 'datapackage.json')).version).toBe(manifest.version);
  });

  it('manifest lists every data asset with bytes and sha256, records and counts', () => {
    const m = parseManifest(text(first.assets, 'manifest.json'), 'manifest.json');
    expect(m).toMatchObject({
      version: '1.0.0',
      previous_version: null,
      schema_version: '1.0.0',
      source_commit: input().sourceCommit,
    });
    expect(Object.keys(m.records)).toEqual(
      records
        .slice(0, 5)
        .map((r) => r.id)
        .sort(),
    );
    expect(m.counts.documents).toBe(5);
    const sums = text(first.assets, 'SHA256SUMS');
    for (const a of m.assets) expect(sums).toContain(`${a.sha256}  ${a.name}\n`);
    expect(m.assets.map((a) => a.name)).not.toContain('manifest.json');
  });

  it('release notes name added, changed and quarantined documents with counts', () => {
    const next = assembleRelease(
      input({
        previous: first.manifest,
        list: [edited(records[0]!), ...records.slice(1, 6)],
      }),
    );
    expect(next.manifest).toMatchObject({ version: '1.1.0', previous_version: '1.0.0' });
    const notes = text(next.assets, 'RELEASE_NOTES.md');
    expect(notes).toContain(`## Added (1)`);
    expect(notes).toContain(`\`${records[5]!.id}\``);
    expect(notes).toContain(`## Changed (1)`);
    expect(notes).toContain(`\`${records[0]!.id}\``);
    expect(notes).toContain('documents/broken.pdf.txt');
    expect(notes).toMatch(/Added 1, changed 1, removed 0/);
  });

  it('unchanged input reproduces every file of the previous release byte for byte', () => {
    const again = assembleRelease(
      input({ previous: first.manifest, sourceCommit: 'another commit' }),
    );
    expect(again.status).toBe('unchanged');
    const key = (files: readonly PlannedFile[]) => files.map((a) => `${a.name} ${a.sha256}`);
    expect(key(again.assets)).toEqual(key(first.assets));
    expect(key(again.dist)).toEqual(key(first.dist));
    // Same inputs from scratch: the same bytes too.
    expect(key(assembleRelease(input()).assets)).toEqual(key(first.assets));
  });

  it('same records but different exported files is a patch release', () => {
    const changedExport = input({
      previous: first.manifest,
      dataFiles: [...input().dataFiles, entry('askers.csv', new TextEncoder().encode('id\n'))],
    });
    const next = assembleRelease(changedExport);
    expect(next).toMatchObject({ status: 'release', manifest: { version: '1.0.1' } });
    expect(text(next.assets, 'RELEASE_NOTES.md')).toContain('No record changed');
  });
});
