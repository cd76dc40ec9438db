// A release is the same bytes however it was built: cold on two parse workers, cold on one thread, and warm from the record cache into a fresh output.
// Then one new document: the cached release equals a cold release of the new set.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../../pipeline/bench/render-document.ts';
import { runCli } from '../support/run-cli.ts';

// Above the build's threshold for starting worker threads (MIN_FOR_THREADS in run-build.ts).
const DOCS = 240;
const work = join(tmpdir(), `kamervragen-release-eq-${process.pid}`);

function writeDocs(dir: string, from: number, to: number, total: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = from; i < to; i += 1)
    for (const file of generateDocument('release', i, total).files)
      writeFileSync(join(dir, file.name), file.content);
}

/** Every file under dir, by relative path, as base64 (the record cache left out). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = readFileSync(path).toString('base64');
  }
  return out;
}

function project(name: string): string {
  const root = join(work, name);
  cpSync(join(work, 'documents'), join(root, 'documents'), { recursive: true });
  return root;
}

async function release(root: string, out: string, target: string, workers?: number) {
  const r = await runCli(
    [
      'release',
      '--quarantine',
      '--json',
      '--out',
      out,
      '--target',
      `dir:${target}`,
      '--gzip-min-bytes',
      String(64 * 1024),
      '--source-commit',
      '0'.repeat(40),
      ...(workers === undefined ? [] : ['--workers', String(workers)]),
    ],
    {
      cwd: root,
      env: { SOURCE_DATE_EPOCH: '1700000000', KAMERVRAGEN_WORKERS: '' },
      timeoutMs: 240_000,
    },
  );
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { status: string; version: string; added: string[] };
}

beforeAll(() => {
  writeDocs(join(work, 'documents'), 0, DOCS, DOCS + 1);
});
afterAll(() => (process.env.KEEP ? undefined : rmSync(work, { recursive: true, force: true })));

describe('release output', () => {
  it('is byte-identical cold with workers, cold on one thread, and warm', async () => {
    const a = project('a');
    const b = project('b');
    await release(a, 'dist', 'rel', 2);
    await release(b, 'dist', 'rel', 1);
    // Warm: the record cache of `a` holds every record; a fresh OUT and target.
    const warm = await release(a, 'dist-warm', 'rel-warm');
    expect(warm.status).toBe('release');
    const rel = snapshot(join(a, 'rel'));
    expect(Object.keys(rel)).toContain('1.0.0/kamervragen-1.0.0.json.gz');
    expect(snapshot(join(b, 'rel'))).toEqual(rel);
    expect(snapshot(join(a, 'rel-warm'))).toEqual(rel);
    const dist = snapshot(join(a, 'dist'));
    expect(snapshot(join(b, 'dist'))).toEqual(dist);
    expect(snapshot(join(a, 'dist-warm'))).toEqual(dist);
    for (const dir of [join(a, 'rel/1.0.0'), join(a, 'dist')])
      execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir });
    // The .gz is the data file, compressed.
    const json = readFileSync(join(a, 'rel/1.0.0/kamervragen-1.0.0.json'));
    const gunzipped = execFileSync(
      'gzip',
      ['-dc', join(a, 'rel/1.0.0/kamervragen-1.0.0.json.gz')],
      {
        maxBuffer: 1 << 30,
      },
    );
    expect(gunzipped.equals(json)).toBe(true);
    // Nothing changed: no new version, and OUT and the target stay as they are.
    const again = await release(a, 'dist', 'rel');
    expect(again.status).toBe('unchanged');
    expect(snapshot(join(a, 'rel'))).toEqual(rel);
    expect(snapshot(join(a, 'dist'))).toEqual(dist);
  }, 300_000);

  it('after one new document equals a cold release of the new set', async () => {
    const a = join(work, 'a');
    writeDocs(join(a, 'documents'), DOCS, DOCS + 1, DOCS + 1);
    const next = await release(a, 'dist', 'rel');
    expect(next).toMatchObject({ status: 'release', version: '1.1.0' });
    expect(next.added).toHaveLength(1);
    // Cold, from the 1.0.0 dist/ of another project holding the same documents.
    const c = join(work, 'c');
    cpSync(join(a, 'documents'), join(c, 'documents'), { recursive: true });
    cpSync(join(work, 'b', 'dist'), join(c, 'dist'), { recursive: true });
    await release(c, 'dist', 'rel');
    expect(existsSync(join(c, 'rel/1.1.0'))).toBe(true);
    expect(snapshot(join(c, 'rel/1.1.0'))).toEqual(snapshot(join(a, 'rel/1.1.0')));
    expect(snapshot(join(c, 'dist'))).toEqual(snapshot(join(a, 'dist')));
  }, 300_000);
});
