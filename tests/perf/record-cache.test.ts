import { appendFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRecordCache, parserVersion, sourceKey } from '../../pipeline/build/record-cache.ts';
import type { PreparedOutcome } from '../../pipeline/build/prepare-record.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const outcome = (id: string): PreparedOutcome => ({
  record: {
    id,
    title: `t ${id}`,
    submitted: null,
    answered: '2020-01-02',
    session_year: '2019-2020',
    sha256: 'a'.repeat(64),
    questions: 2,
    answers: 1,
  },
  diagnostics: [{ severity: 'warning', code: 'x/y', message: 'ë\ttab\nline', file: `${id}.txt` }],
  fragments: ['  {"id": "ë"}', '{"id":"ë"}\n', 'a,"b\nc"\n', ''],
});

describe('record cache', () => {
  it('keeps outcomes across builds, drops a torn tail, and a new parser version starts empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-cache-'));
    dirs.push(dir);
    const source = (n: number) => ({
      path: `documents/${n}.txt`,
      bytes: new TextEncoder().encode(`doc ${n}`),
    });
    const first = await openRecordCache(dir, 'v1');
    for (let n = 0; n < 3; n += 1) first.put(first.key(source(n)), outcome(`id${n}`));
    await first.flush();
    expect(first.fragments(first.key(source(1))).map((b) => b.toString('utf8'))).toEqual(
      outcome('id1').fragments,
    );
    expect(await first.save()).toEqual({ hits: 0, misses: 3 });

    const [pack] = await readdir(dir);
    const size = (await stat(join(dir, pack!))).size;
    await appendFile(join(dir, pack!), `${'f'.repeat(64)}\t99\t5\n{"rec`); // a build killed mid-write
    const second = await openRecordCache(dir, 'v1');
    const expected = outcome('id2');
    expect(second.get(second.key(source(2)))).toEqual({
      record: expected.record,
      diagnostics: expected.diagnostics,
    });
    expect(
      second.get(sourceKey('v1', { ...source(2), sidecars: { metadataXml: new Uint8Array([1]) } })),
    ).toBeUndefined();
    expect((await stat(join(dir, pack!))).size).toBe(size); // torn tail cut off
    second.put(second.key(source(9)), outcome('id9'));
    await second.save();

    const third = await openRecordCache(dir, 'v2');
    expect(third.get(third.key(source(2)))).toBeUndefined();
    expect(await readdir(dir)).toEqual([]); // the old version's pack is gone
  });

  it("the parser version is a stable hash of the parser's files", async () => {
    const v = await parserVersion();
    expect(v).toMatch(/^[0-9a-f]{64}$/);
    expect(await parserVersion()).toBe(v);
  });
});
