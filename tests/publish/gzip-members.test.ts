// The .gz of a large data file, made of members of content-defined pieces: gzip reads it as the
// file; a small change recompresses only the pieces around it; cold and incremental give the
// same bytes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipByMembers } from '../../pipeline/publish/gzip-members.ts';
import { bytesOf, seededRandom } from './support/bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'kv-members-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// Lines of varied text, like NDJSON records: ~14 MB, so several pieces.
function lines(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const words = Buffer.from(bytesOf(20 + Math.floor(random() * 300), random))
      .toString('base64')
      .replace(/[+/=]/g, ' ');
    return `{"id":"ah-tk-${i}","text":"${words}"}\n`;
  });
}

describe('gzip by members', () => {
  const base = lines(60_000, 3);

  it('gunzips to the file, and after a small change reuses all but a few members', async () => {
    const source = join(dir, 'a.ndjson');
    writeFileSync(source, base.join(''));
    const first = await gzipByMembers(source, join(dir, 'a.gz'), join(dir, 'store'));
    const gz = readFileSync(join(dir, 'a.gz'));
    expect(first).toEqual({ bytes: gz.length, sha256: sha256(gz) });
    const members = readdirSync(join(dir, 'store'));
    expect(members.length).toBeGreaterThan(3);
    const out = execFileSync('gzip', ['-dc', join(dir, 'a.gz')], { maxBuffer: 1 << 26 });
    expect(out.equals(readFileSync(source))).toBe(true);

    // One line inserted in the middle.
    const changed = [
      ...base.slice(0, 30_000),
      '{"id":"new","text":"one more"}\n',
      ...base.slice(30_000),
    ];
    writeFileSync(source, changed.join(''));
    const second = await gzipByMembers(source, join(dir, 'a.gz'), join(dir, 'store'));
    const after = readdirSync(join(dir, 'store'));
    const made = after.filter((m) => !members.includes(m));
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThanOrEqual(2);
    // Members no longer used are gone; the store holds exactly this file's members.
    expect(after.length).toBeLessThanOrEqual(members.length + 1);
    // Cold, with an empty store: the same bytes.
    const cold = await gzipByMembers(source, join(dir, 'b.gz'), join(dir, 'store-b'));
    expect(cold).toEqual(second);
    const again = execFileSync('gzip', ['-dc', join(dir, 'b.gz')], { maxBuffer: 1 << 26 });
    expect(again.equals(readFileSync(source))).toBe(true);
  }, 120_000);
});
