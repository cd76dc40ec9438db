// dist/ is switched to a release as one set: nothing in OUT changes until every changed file is
// staged, the switch leaves its journal until the caller ends it, and files that did not change
// are not rewritten.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { endSwitch, SWITCH_FILE } from '../../pipeline/build/dataset-switch.ts';
import { installDist } from '../../pipeline/publish/install-dist.ts';
import type { AssetFile } from '../../pipeline/publish/publish-types.ts';
import { openKnownHashes } from '../../pipeline/publish/release-files.ts';

const root = mkdtempSync(join(tmpdir(), 'kv-install-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');

function files(dir: string, contents: Record<string, string>): AssetFile[] {
  return Object.entries(contents).map(([name, text]) => {
    const path = join(dir, name.replace('/', '_'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text);
    return { name, path, bytes: Buffer.byteLength(text), sha256: sha256(text) };
  });
}

describe('installDist', () => {
  it('switches OUT as a set, leaves unchanged files alone and drops stale year files', async () => {
    const out = join(root, 'dist');
    const known = await openKnownHashes(join(root, 'hashes.json'));
    const v1 = files(join(root, 'v1'), {
      'data/2019-2020.ndjson': '{"id":"a"}\n',
      'data/2020-2021.ndjson': '{"id":"b"}\n',
      'manifest.json': '{"version":"1.0.0"}\n',
    });
    expect((await installDist(out, v1, known)).sort()).toEqual(v1.map((f) => f.name).sort());
    const kept = statSync(join(out, 'data/2019-2020.ndjson')).ino;
    // The journal says dist/ is mid-release until the version is published.
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([SWITCH_FILE]);
    await endSwitch(out);

    // A file that cannot be staged: OUT stays exactly as it was, no staging folder is left.
    const broken = [...files(join(root, 'v2'), { 'manifest.json': '{"version":"1.1.0"}\n' })];
    broken.push({
      name: 'data/2021-2022.ndjson',
      path: join(root, 'missing'),
      bytes: 1,
      sha256: 'x',
    });
    await expect(installDist(out, broken, known)).rejects.toThrow();
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"version":"1.0.0"}\n');
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);

    // The next version: one year unchanged (not rewritten), one gone, one new.
    const v3 = files(join(root, 'v3'), {
      'data/2019-2020.ndjson': '{"id":"a"}\n',
      'data/2021-2022.ndjson': '{"id":"c"}\n',
      'manifest.json': '{"version":"1.1.0"}\n',
    });
    expect((await installDist(out, v3, known)).sort()).toEqual([
      'data/2021-2022.ndjson',
      'manifest.json',
    ]);
    expect(statSync(join(out, 'data/2019-2020.ndjson')).ino).toBe(kept);
    expect(readdirSync(join(out, 'data')).sort()).toEqual(['2019-2020.ndjson', '2021-2022.ndjson']);
  });
});
