import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { RENDERINGS } from '../../pipeline/bench/plan-document.ts';
import { generateDocument } from '../../pipeline/bench/render-document.ts';
import { extraDocument } from '../../pipeline/bench/write-corpus.ts';
import { runBenchScript } from './run-bench-script.ts';

const dirs: string[] = [];
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'kamervragen-bench-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes = new Map<string, string>();
  for (const e of entries.filter((x) => x.isFile())) {
    const path = join(e.parentPath, e.name);
    hashes.set(
      path.slice(dir.length),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return hashes;
}

describe('npm run bench:corpus', () => {
  it('writes byte-identical corpora for the same seed and different ones for another seed', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    for (const [out, seed] of [
      [a, 's1'],
      [b, 's1'],
      [c, 's2'],
    ] as const) {
      const run = await runBenchScript('corpus-main.ts', [
        '--docs',
        '60',
        '--seed',
        seed,
        '--out',
        out,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /^docs=60 files=\d+ mb=[\d.]+ gen_s=[\d.]+ cpu_s=[\d.]+ docs_per_s=\d+ peak_rss_mb=\d+$/m,
      );
    }
    const [ha, hb, hc] = [await hashTree(a), await hashTree(b), await hashTree(c)];
    expect(ha.size).toBeGreaterThan(60 * 2); // documents, sidecars and truth files
    expect([...hb.entries()]).toEqual([...ha.entries()]);
    const shared = [...ha.keys()].filter(
      (k) => hc.has(k) && hc.get(k) === ha.get(k) && k.startsWith('/documents/'),
    );
    expect(shared).toEqual([]);
  });

  it('rejects a bad --docs and refuses to clear a folder that is not a corpus', async () => {
    const bad = await runBenchScript('corpus-main.ts', ['--docs', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--docs must be a whole number');
    const foreign = await tempDir();
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(join(foreign, 'precious.txt'), 'keep me'),
    );
    const refused = await runBenchScript('corpus-main.ts', ['--docs', '3', '--out', foreign]);
    expect(refused.code).toBe(1);
    expect(await readFile(join(foreign, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});

describe('generateDocument', () => {
  const docs = Array.from({ length: 400 }, (_, i) => generateDocument('shape', i, 400));

  it('depends only on seed, index and size, not on what was generated before', () => {
    const again = generateDocument('shape', 123, 400);
    expect(again.files).toEqual(docs[123]?.files);
  });

  it('covers every rendering, 1–30 questions, grouped blocks and answers, unique ids', () => {
    const renderings = new Set(docs.map((d) => d.plan.rendering));
    expect([...renderings].sort()).toEqual([...RENDERINGS].sort());
    const counts = docs.map((d) => d.truth.questions.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(30);
    expect(Math.max(...counts)).toBeGreaterThan(15);
    const headers = docs.flatMap((d) => d.plan.items.map((i) => i.header));
    expect(headers.some((h) => /^Vraag \d+(, \d+)+$|^Vraag \d+(, \d+)* en \d+$/.test(h))).toBe(
      true,
    );
    expect(headers.some((h) => /^Antwoord op vraag \d+(, \d+)* en \d+$/.test(h))).toBe(true);
    expect(headers).toContain('Antwoord');
    expect(new Set(docs.map((d) => d.truth.id)).size).toBe(docs.length);
    // Every answered document answers each of its questions exactly once.
    for (const d of docs.filter((x) => x.truth.type === 'answer')) {
      expect(d.truth.answers.flatMap((a) => a.questions)).toEqual(
        d.truth.questions.map((q) => q.number),
      );
    }
  });

  it('makes documents for the incremental case that are new to the corpus and dated after it', () => {
    const ids = new Set(docs.map((d) => d.truth.id));
    const last =
      docs
        .map((d) => d.truth.answered ?? d.truth.submitted)
        .sort()
        .at(-1) ?? '';
    for (let k = 0; k < 5; k++) {
      const extra = extraDocument('shape', 400, k);
      expect(ids.has(extra.truth.id)).toBe(false);
      expect((extra.truth.answered ?? extra.truth.submitted) > last).toBe(true);
      expect(extra.files.map((f) => f.name)).toContain(extra.truth.file);
    }
  });

  it('prints page furniture, hyphenation and footnote URLs broken over lines in PDF text', () => {
    const pdf = docs.filter(
      (d) => d.plan.rendering.startsWith('pdf-text-') && d.plan.rendering !== 'pdf-text-plain',
    );
    const text = pdf.map((d) => d.files[0]?.content ?? '').join('\n');
    expect(text).toMatch(/^ah-tk-\d{8}-\d+\nISSN 0921 - 7398/m);
    expect(text).toMatch(/Tweede Kamer, vergaderjaar \d{4}–\d{4}, Aanhangsel\n\d+\n/);
    expect(text).toMatch(/[a-z]{3,}-\s*\n[a-z]{3,}/);
    expect(text).toMatch(/https:\/\/\S+[/-]\n\S+/);
    expect(text).toContain('\f');
  });

  it('writes well-formed XML with a metadata.xml naming the same id', () => {
    for (const d of docs.filter((x) => x.plan.rendering === 'ob-xml').slice(0, 60)) {
      const [xml, meta] = d.files;
      expect(xml?.name).toBe(`${d.truth.id}.xml`);
      expect(meta?.name).toBe(`${d.truth.id}.metadata.xml`);
      expect(XMLValidator.validate(xml?.content ?? '')).toBe(true);
      expect(XMLValidator.validate(meta?.content ?? '')).toBe(true);
      expect(meta?.content).toContain(`content="${d.truth.id}"`);
    }
  });
});
