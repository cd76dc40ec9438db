import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../../pipeline/build/write-files.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function tempOut(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kv-write-'));
  dirs.push(dir);
  return dir;
}

describe('writeFiles', () => {
  it('writes every file from its chunks and leaves no staging folder', async () => {
    const out = await tempOut();
    await writeFiles(out, [
      { name: 'a.txt', chunks: () => ['one ', 'two\n'] },
      {
        name: 'b.csv',
        chunks: () =>
          (function* () {
            for (let i = 0; i < 5000; i++) yield `${i},${'x'.repeat(300)}\n`;
          })(),
      },
    ]);
    expect((await readdir(out)).sort()).toEqual(['a.txt', 'b.csv']);
    expect(await readFile(join(out, 'a.txt'), 'utf8')).toBe('one two\n');
    expect((await readFile(join(out, 'b.csv'), 'utf8')).split('\n')).toHaveLength(5001);
  });

  it('changes nothing in the output folder when producing a file fails halfway', async () => {
    const out = await tempOut();
    await writeFile(join(out, 'a.txt'), 'old a\n');
    await writeFile(join(out, 'keep.json'), 'not ours\n');
    const failing = function* () {
      yield 'new b, first half\n';
      throw new Error('export failed');
    };
    await expect(
      writeFiles(out, [
        { name: 'a.txt', chunks: () => ['new a\n'] },
        { name: 'b.txt', chunks: failing },
      ]),
    ).rejects.toThrow('export failed');
    expect((await readdir(out)).sort()).toEqual(['a.txt', 'keep.json']);
    expect(await readFile(join(out, 'a.txt'), 'utf8')).toBe('old a\n');
  });

  it('removes a staging folder a killed build left behind, but not one of a running build', async () => {
    const out = await tempOut();
    await mkdir(join(out, '.staging-999999999'));
    await writeFile(join(out, '.staging-999999999', 'kamervragen.json'), 'half');
    await mkdir(join(out, `.staging-${process.ppid}`));
    await writeFiles(out, [{ name: 'a.txt', chunks: () => ['a\n'] }]);
    expect((await readdir(out)).sort()).toEqual([`.staging-${process.ppid}`, 'a.txt']);
  });
});
