// The record cache checks what it reads back: a flipped byte in the pack, or index offsets that
// point at another entry, make that entry a miss (parsed again), never part of the dataset.
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeEntry } from '../../pipeline/build/pack-entry.ts';
import { copyDocuments, digests, removeWorkspaces, runToEnd, workspace } from './support.ts';

afterAll(removeWorkspaces);

async function setUp() {
  const ws = await workspace('cache-integrity');
  await mkdir(join(ws, 'documents'));
  const added = await copyDocuments(join(ws, 'documents'), 6);
  const build = (out: string, ...more: string[]) =>
    runToEnd(['build', '--out', out, '--quarantine', ...more], ws);
  const first = await build('out', '--cache', 'cache');
  expect(first.code, first.stderr).toBe(0);
  const files = await readdir(join(ws, 'cache'));
  const pack = join(
    ws,
    'cache',
    files.find((f) => f.endsWith('.pack'))!,
  );
  const index = pack.replace(/\.pack$/, '.index.json');
  // Some document changes, so the next build parses one and takes the rest from the cache.
  const touch = () => appendFile(join(ws, 'documents', added[0]!), '\n');
  /** The next cached build's files, and those of a build without any cache. */
  const compare = async () => {
    const cached = await build('out', '--cache', 'cache');
    expect(cached.code, cached.stderr).toBe(0);
    const fresh = await build('fresh', '--no-cache');
    expect(fresh.code, fresh.stderr).toBe(0);
    return { cached: await digests(join(ws, 'out')), fresh: await digests(join(ws, 'fresh')) };
  };
  return { ws, pack, index, touch, compare };
}

describe('record cache integrity', () => {
  it('a flipped byte in the pack is parsed again, not published', async () => {
    const { pack, touch, compare } = await setUp();
    const bytes = await readFile(pack);
    // A letter inside the exported text of some entry (not in a header line).
    const at = bytes.lastIndexOf('Vragen van het lid');
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = 'X'.charCodeAt(0);
    await writeFile(pack, bytes);
    await touch();
    const { cached, fresh } = await compare();
    expect(cached).toEqual(fresh);
  }, 180_000);

  it('index offsets pointing at another entry are caught, not exported under the wrong id', async () => {
    const { index, touch, compare } = await setUp();
    const file = JSON.parse(await readFile(index, 'utf8')) as { entries: unknown[][] };
    const [a, b] = file.entries;
    // Swap where two entries are said to be (start, offset, length, fragment lengths).
    for (const i of [1, 2, 3, 4]) [a![i], b![i]] = [b![i], a![i]];
    await writeFile(index, JSON.stringify(file));
    await touch();
    const { cached, fresh } = await compare();
    expect(cached).toEqual(fresh);
  }, 180_000);
});

describe('pack entries', () => {
  // Node 20's Buffer.write writes nothing into a buffer of 2 GiB or more. The encoder once sized
  // its scratch buffer at 3 bytes per character, so ~720M characters of export emptied this
  // entry and every later one on the thread.
  it('an export of 720M characters is encoded whole, and so is the next entry', () => {
    const half = 'a'.repeat(360_000_000);
    const big = encodeEntry('k'.repeat(64), {
      record: null,
      diagnostics: [],
      fragments: [half, half],
    });
    expect(big.fragments).toEqual([360_000_000, 360_000_000]);
    expect(big.bytes[big.bytes.length - 1]).toBe(0x61);
    const small = encodeEntry('s'.repeat(64), {
      record: null,
      diagnostics: [],
      fragments: ['één'],
    });
    const text = Buffer.from(small.bytes).toString('utf8');
    expect(text.endsWith('{"record":null,"diagnostics":[]}één')).toBe(true);
  }, 120_000);
});
