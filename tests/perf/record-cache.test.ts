import { appendFile, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
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
    facts: {
      type: 'answer',
      case_number: null,
      ministry_key: null,
      party_keys: [],
      parties: [],
      ministries: [],
      persons: [],
    },
    askers: 0,
    footnotes: 1,
    references: 0,
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

    const pack = (await readdir(dir)).find((n) => n.endsWith('.pack'));
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
    // The old version's pack and index are gone.
    expect((await readdir(dir)).filter((n) => n.startsWith('records-'))).toEqual([]);
  });

  it('finds a path by its fingerprint through the index, and without the index through the pack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-cache-'));
    dirs.push(dir);
    const first = await openRecordCache(dir, 'v1');
    const key = (n: number) => sourceKey('v1', { path: `d/${n}.txt`, bytes: Buffer.from(`${n}`) });
    for (let n = 0; n < 4; n += 1) {
      first.put(key(n), outcome(`id${n}`));
      first.remember(`d/${n}.txt`, n === 3 ? null : `print${n}`, key(n)); // 3 is racy
    }
    await first.save();

    const second = await openRecordCache(dir, 'v1');
    expect(second.lookup('d/1.txt', 'print1')).toEqual({
      key: key(1),
      outcome: { record: outcome('id1').record, diagnostics: outcome('id1').diagnostics },
    });
    expect(second.lookup('d/1.txt', 'print1-touched')).toBeUndefined();
    expect(second.lookup('d/3.txt', 'print3')).toBeUndefined();
    expect(second.fragments(key(2)).map((b) => b.toString('utf8'))).toEqual(
      outcome('id2').fragments,
    );
    // The same entry again (a touched but unchanged file) is not stored twice.
    const pack = join(
      dir,
      (await readdir(dir)).find((n) => n.endsWith('.pack'))!,
    );
    const size = (await stat(pack)).size;
    second.put(key(2), outcome('id2'));
    for (let n = 0; n < 3; n += 1) second.remember(`d/${n}.txt`, `print${n}`, key(n));
    await second.save();
    expect((await stat(pack)).size).toBe(size);

    // An entry appended after the index was written (a build killed before it saved) is found
    // by walking the pack from where the index ends; with no index at all, from the start.
    const extra = await openRecordCache(dir, 'v1');
    extra.put(key(7), outcome('id7'));
    await extra.flush(); // on disk, but the index is not rewritten
    const third = await openRecordCache(dir, 'v1');
    expect(third.get(key(7))?.record?.id).toBe('id7');
    expect(third.lookup('d/0.txt', 'print0')?.key).toBe(key(0));
    await rm(
      join(
        dir,
        (await readdir(dir)).find((n) => n.endsWith('.index.json'))!,
      ),
    );
    const fourth = await openRecordCache(dir, 'v1');
    expect(fourth.get(key(0))?.record?.id).toBe('id0');
    expect(fourth.get(key(7))?.record?.id).toBe('id7');
    expect(fourth.lookup('d/0.txt', 'print0')).toBeUndefined(); // paths live only in the index
  });

  it('a small change is a journal line beside the index, read back on the next open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-cache-'));
    dirs.push(dir);
    const key = (n: number) => sourceKey('v1', { path: `d/${n}.txt`, bytes: Buffer.from(`${n}`) });
    const first = await openRecordCache(dir, 'v1');
    for (let n = 0; n < 3; n += 1) {
      first.put(key(n), outcome(`id${n}`));
      first.remember(`d/${n}.txt`, `p${n}`, key(n));
    }
    await first.save();
    const indexFile = join(
      dir,
      (await readdir(dir)).find((n) => n.endsWith('.index.json'))!,
    );
    const indexBytes = await readFile(indexFile);

    // One new document, one gone, one touched: the index stays, a journal line says so.
    const second = await openRecordCache(dir, 'v1');
    second.put(key(5), outcome('id5'));
    second.remember('d/5.txt', 'p5', key(5));
    second.remember('d/0.txt', 'p0', key(0));
    second.remember('d/1.txt', 'p1-touched', key(1));
    await second.save();
    expect(await readFile(indexFile)).toEqual(indexBytes);
    const journal = `${indexFile}.journal`;
    expect((await readFile(journal, 'utf8')).split('\n').filter(Boolean)).toHaveLength(1);

    await appendFile(journal, '{"pack":1,"entr'); // a build killed mid-line
    const third = await openRecordCache(dir, 'v1');
    expect(third.lookup('d/5.txt', 'p5')?.outcome.record?.id).toBe('id5');
    expect(third.lookup('d/1.txt', 'p1-touched')?.key).toBe(key(1));
    expect(third.lookup('d/1.txt', 'p1')).toBeUndefined();
    expect(third.lookup('d/2.txt', 'p2')).toBeUndefined(); // gone from the folder
    expect(third.fragments(key(5)).map((b) => b.toString('utf8'))).toEqual(
      outcome('id5').fragments,
    );
  });

  it('keeps the stamp of what a build wrote, per output folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-cache-'));
    dirs.push(dir);
    const cache = await openRecordCache(dir, 'v1');
    expect(await cache.stamp('/x/dist')).toBeNull();
    const stamp = { records: 'r', files: { 'a.csv': { bytes: 1, sha256: 'h', print: 'p' } } };
    await cache.setStamp('/x/dist', stamp);
    expect(await (await openRecordCache(dir, 'v1')).stamp('/x/dist')).toEqual(stamp);
    expect(await cache.stamp('/y/dist')).toBeNull();
    const before = await cache.clock();
    expect(await cache.clock()).toBeGreaterThanOrEqual(before);
  });

  it("the parser version is a stable hash of the parser's files", async () => {
    const v = await parserVersion();
    expect(v).toMatch(/^[0-9a-f]{64}$/);
    expect(await parserVersion()).toBe(v);
  });
});
