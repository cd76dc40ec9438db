// The files a release carries, read by the tools a user would use on them: sha256sum, gzip and a
// YAML parser (Debian's python3-yaml) for CITATION.cff.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleRelease, type AssembleInput } from '../../pipeline/package/assemble-release.ts';
import { deterministicGzip } from '../../pipeline/package/deterministic-gzip.ts';
import type { NamedFile } from '../../pipeline/package/release-types.ts';
import { parseManifest } from '../../pipeline/package/manifest.ts';
import { itWith, PYTHON, pythonModule } from '../support/system-packages.ts';
import { corpusRecords, edited } from './records.ts';

const YAML = pythonModule('yaml', 'python3-yaml');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const text = (f: NamedFile | undefined) => new TextDecoder().decode(f!.bytes);
const file = (files: NamedFile[], name: string) => files.find((f) => f.name === name);

const records = corpusRecords();
// A stand-in export: what matters here is that it depends on version, date and records.
const input = (over: Partial<AssembleInput> = {}): AssembleInput => ({
  records: records.slice(0, 5),
  exportFiles: ({ version, date }) => [
    {
      name: 'kamervragen.json',
      bytes: new TextEncoder().encode(
        JSON.stringify({ version, date, records: records.slice(0, 5) }, null, 2),
      ),
    },
    {
      name: 'documents.csv',
      bytes: new TextEncoder().encode(
        `id\n${records
          .slice(0, 5)
          .map((r) => r.id)
          .join('\n')}\n`,
      ),
    },
    {
      name: 'datapackage.json',
      bytes: new TextEncoder().encode(
        JSON.stringify({ name: 'kamervragen', version, created: date }),
      ),
    },
  ],
  previous: null,
  schemaVersion: '1.0.0',
  sourceDateEpoch: Date.UTC(2026, 11, 3) / 1000,
  sourceCommit: '0123456789abcdef0123456789abcdef01234567',
  repository: 'https://github.com/example/kamervragen',
  quarantined: ['documents/broken.pdf.txt'],
  allowRemovals: false,
  gzipMinBytes: 1024,
  ...over,
});

function writeAll(files: NamedFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kv-package-'));
  dirs.push(dir);
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  return dir;
}

describe('release files', () => {
  const first = assembleRelease(input());

  it('SHA256SUMS passes `sha256sum -c` and fails when a file is altered', () => {
    const dir = writeAll(first.assets);
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(first.assets.length - 1);
    writeFileSync(join(dir, 'documents.csv'), 'tampered\n');
    expect(() =>
      execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' }),
    ).toThrow();
    // dist/ has its own, under the build's file names.
    const dist = writeAll(first.dist);
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dist });
  });

  it('names versioned data files and gzips the large ones deterministically', () => {
    const names = first.assets.map((a) => a.name);
    expect(names).toContain('kamervragen-1.0.0.json');
    expect(names).toContain('kamervragen-1.0.0.json.gz');
    expect(names).not.toContain('documents.csv.gz'); // below the threshold
    const dir = writeAll(first.assets);
    const gunzipped = execFileSync('gzip', ['-dc', 'kamervragen-1.0.0.json.gz'], { cwd: dir });
    expect(
      Buffer.compare(gunzipped, Buffer.from(file(first.assets, 'kamervragen-1.0.0.json')!.bytes)),
    ).toBe(0);
    const gz = file(first.assets, 'kamervragen-1.0.0.json.gz')!.bytes;
    expect([...gz.slice(4, 8)]).toEqual([0, 0, 0, 0]); // no mtime
    expect(gz[3]! & 0x08).toBe(0); // no file name
    expect(
      Buffer.compare(
        Buffer.from(deterministicGzip(new Uint8Array([1, 2, 3]))),
        Buffer.from(deterministicGzip(new Uint8Array([1, 2, 3]))),
      ),
    ).toBe(0);
  });

  itWith(YAML, 'CITATION.cff is valid YAML with version and date from the manifest', () => {
    const dir = writeAll(first.assets);
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
    const manifest = parseManifest(text(file(first.assets, 'manifest.json')), 'manifest.json');
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
    expect(JSON.parse(text(file(first.assets, 'datapackage.json'))).version).toBe(manifest.version);
  });

  it('manifest lists every data asset with bytes and sha256, records and counts', () => {
    const m = parseManifest(text(file(first.assets, 'manifest.json')), 'manifest.json');
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
    const sums = text(file(first.assets, 'SHA256SUMS'));
    for (const a of m.assets) expect(sums).toContain(`${a.sha256}  ${a.name}\n`);
    expect(m.assets.map((a) => a.name)).not.toContain('manifest.json');
  });

  it('release notes name added, changed and quarantined documents with counts', () => {
    const next = assembleRelease(
      input({
        previous: first.manifest,
        records: [edited(records[0]!), ...records.slice(1, 6)],
      }),
    );
    expect(next.manifest).toMatchObject({ version: '1.1.0', previous_version: '1.0.0' });
    const notes = text(file(next.assets, 'RELEASE_NOTES.md'));
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
    expect(again.assets.map((a) => [a.name, Buffer.from(a.bytes).toString('base64')])).toEqual(
      first.assets.map((a) => [a.name, Buffer.from(a.bytes).toString('base64')]),
    );
    // Same inputs from scratch: the same bytes too.
    const rebuilt = assembleRelease(input());
    expect(rebuilt.assets.map((a) => Buffer.from(a.bytes).toString('base64'))).toEqual(
      first.assets.map((a) => Buffer.from(a.bytes).toString('base64')),
    );
  });

  it('same records but different exported files is a patch release', () => {
    const changedExport = input({
      previous: first.manifest,
      exportFiles: (meta) => [
        ...input().exportFiles(meta),
        { name: 'askers.csv', bytes: new TextEncoder().encode('id\n') },
      ],
    });
    const next = assembleRelease(changedExport);
    expect(next).toMatchObject({ status: 'release', manifest: { version: '1.0.1' } });
    expect(text(file(next.assets, 'RELEASE_NOTES.md'))).toContain('No record changed');
  });
});
