// The switch journal: a half-done switch is completed from its staging folder, and a journal
// that is not one is an error naming the file, never a guess about what dist/ holds.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  assertWholeSet,
  completeSwitch,
  SWITCH_FILE,
} from '../../pipeline/build/dataset-switch.ts';

const root = mkdtempSync(join(tmpdir(), 'kv-switch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dataset switch', () => {
  it('completes the renames and removals a killed run left, once', async () => {
    const out = join(root, 'half');
    mkdirSync(join(out, '.staging-1', 'data'), { recursive: true });
    mkdirSync(join(out, 'data'));
    writeFileSync(join(out, 'data', '2019-2020.ndjson'), 'new\n'); // renamed before the kill
    writeFileSync(join(out, 'data', '2018-2019.ndjson'), 'old\n'); // to be removed
    writeFileSync(join(out, '.staging-1', 'manifest.json'), '{"version":"1.1.0"}\n');
    writeFileSync(join(out, 'manifest.json'), '{"version":"1.0.0"}\n');
    const plan = {
      staging: '.staging-1',
      rename: ['data/2019-2020.ndjson', 'manifest.json'],
      remove: ['data/2018-2019.ndjson'],
    };
    writeFileSync(join(out, SWITCH_FILE), JSON.stringify(plan));
    await expect(assertWholeSet(out, 'site')).rejects.toMatchObject({ code: 'dist/half-switched' });
    expect(await completeSwitch(out)).toBe(true);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"version":"1.1.0"}\n');
    expect(readdirSync(join(out, 'data'))).toEqual(['2019-2020.ndjson']);
    expect(readdirSync(out).sort()).toEqual([SWITCH_FILE, 'data', 'manifest.json']);
    // Again (a second interruption before the journal was ended): nothing more to do.
    expect(await completeSwitch(out)).toBe(true);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"version":"1.1.0"}\n');
  });

  it.each([
    ['not JSON', '{"staging": '],
    ['not a plan', '{"rename": "manifest.json"}'],
    ['a staging folder elsewhere', '{"staging": "../x", "rename": [], "remove": []}'],
  ])('refuses a journal that is %s, naming it', async (_what, text) => {
    const out = join(root, `bad-${readdirSync(root).length}`);
    mkdirSync(out);
    writeFileSync(join(out, SWITCH_FILE), text);
    await expect(completeSwitch(out)).rejects.toMatchObject({
      code: 'dist/bad-journal',
      place: { file: join(out, SWITCH_FILE) },
    });
  });

  it('a folder without a journal is whole', async () => {
    await expect(completeSwitch(root)).resolves.toBe(false);
    await expect(assertWholeSet(root, 'site')).resolves.toBeUndefined();
  });
});
