// Property-based tests of parseSource on mutated real documents: it never throws, never hides a
// crash as parse/internal, and returns either a schema-valid record or an error diagnostic
// naming the file; and its time grows linearly with the input. The budget is small in
// `npm test`; `npm run fuzz` sets KAMERVRAGEN_FUZZ_RUNS for a long run and prints the count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import { validateSchema } from '../../pipeline/validate/validate-schema.ts';
import {
  applyEdit,
  byteFlips,
  encode,
  encoding,
  flipBytes,
  lineEdit,
  loadSamples,
} from './mutations.ts';

const RUNS = Number(process.env.KAMERVRAGEN_FUZZ_RUNS ?? '') || 120;
const SEED = Number(process.env.KAMERVRAGEN_FUZZ_SEED ?? '') || 20261123;
const LONG = RUNS > 1000;
const samples = loadSamples();

function pathFor(name: string): string {
  // Keep the extension (it is a hint for .pdf/.odt checks) and a stable documents/ path.
  const base = name.split('/').pop()!;
  return `documents/${base}`;
}

const sample = fc.constantFrom(...samples);
const mutated = fc.record({
  sample,
  edits: fc.array(lineEdit, { minLength: 1, maxLength: 6 }),
  encoding,
  flips: byteFlips,
});

async function checkOne(input: {
  sample: { name: string; text: string };
  edits: Parameters<typeof applyEdit>[1][];
  encoding: Parameters<typeof encode>[1];
  flips: { at: number; value: number }[];
}): Promise<void> {
  const text = input.edits.reduce(applyEdit, input.sample.text);
  const bytes = flipBytes(encode(text, input.encoding), input.flips);
  const path = pathFor(input.sample.name);
  const result = await parseSource({ path, bytes });
  const internal = result.diagnostics.filter((d) => d.code === 'parse/internal');
  expect(internal, JSON.stringify(internal)).toEqual([]);
  for (const d of result.diagnostics) {
    expect(d.file).toBe(path);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.message.length).toBeGreaterThan(5);
  }
  if (result.document === null) {
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  } else {
    expect(validateSchema(result.document, path)).toEqual([]);
    expect(result.document.source.path).toBe(path);
  }
}

describe('parseSource on mutated real documents', () => {
  it(
    `never throws and returns a schema-valid record or an error (${RUNS} cases)`,
    async () => {
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(mutated, async (input) => {
          tried++;
          await checkOne(input);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // Read by `npm run fuzz`: how many cases the run tried.
      console.log(`fuzz: ${tried} mutated documents parsed (seed ${SEED}), 0 failures`);
      expect(tried).toBeGreaterThanOrEqual(RUNS);
    },
    LONG ? 3_600_000 : 120_000,
  );

  it(
    'survives arbitrary bytes and arbitrary text named like every rendering',
    async () => {
      const names = ['x.pdf.txt', 'x.xml', 'x.html', 'x.pdf', 'x.odt', 'x.pdf.md', 'x'];
      const runs = Math.max(60, Math.floor(RUNS / 2));
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          fc.oneof(
            fc.uint8Array({ maxLength: 2000 }),
            fc
              .string({ unit: 'grapheme', maxLength: 2000 })
              .map((s) => new TextEncoder().encode(s)),
            // Markup-shaped noise: tags and entities the XML and HTML readers must shrug off.
            fc
              .array(
                fc.constantFrom(
                  '<kamervragen>',
                  '</kamervragen>',
                  '<vraag>',
                  '</vraag>',
                  '<antwoord>',
                  '<al>',
                  '</al>',
                  '&amp;',
                  '&x;',
                  '<![CDATA[',
                  ']]>',
                  '<!--',
                  '-->',
                  '<div class="vraag">',
                  '</div>',
                  'Vraag 1',
                  'Antwoord 1',
                  '\n',
                ),
                { maxLength: 200 },
              )
              .map((parts) => new TextEncoder().encode(parts.join(''))),
          ),
          async (name, bytes) => {
            tried++;
            const path = `documents/${name}`;
            const result = await parseSource({ path, bytes });
            expect(result.diagnostics.filter((d) => d.code === 'parse/internal')).toEqual([]);
            if (result.document === null)
              expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
            else expect(validateSchema(result.document, path)).toEqual([]);
          },
        ),
        { numRuns: runs, seed: SEED + 1 },
      );
      console.log(`fuzz: ${tried} arbitrary inputs parsed (seed ${SEED + 1}), 0 failures`);
    },
    LONG ? 3_600_000 : 120_000,
  );
});

// Time of the document repeated k times against the document once, median of a few runs.
// Linear growth gives a ratio near k; quadratic growth gives near k². The bound is 4k, far from
// both noise on a busy two-core machine and from k² (k = 16: bound 64, quadratic 256).
describe('parse time grows linearly with the input', () => {
  const K = 16;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  async function timeOf(path: string, bytes: Uint8Array): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await parseSource({ path, bytes });
      times.push(performance.now() - start);
    }
    return median(times);
  }
  const repeatBody = (text: string, k: number): string => {
    // Markup: repeat the question/answer blocks inside the document, so it stays one document.
    const xml = /(<vraag>[\s\S]*<\/antwoord>)/.exec(text);
    if (xml) return text.replace(xml[1]!, xml[1]!.repeat(k));
    const html = /(<div class="vraag"[\s\S]*<div class="antwoord"[\s\S]*?<\/div>\s*<\/div>)/.exec(
      text,
    );
    if (html) return text.replace(html[1]!, html[1]!.repeat(k));
    return text.repeat(k);
  };
  const picks = [
    samples.find((s) => s.name.startsWith('seeds/'))!,
    samples.find((s) => s.name.includes('pdf-markdown'))!,
    samples.find((s) => s.name.endsWith('.xml'))!,
    samples.find((s) => s.name.endsWith('.html'))!,
  ];
  for (const s of picks) {
    it(`${s.name}: ×${K} input takes < ${4 * K}× the time`, async () => {
      const path = pathFor(s.name);
      // A base of 4 copies, so fixed costs (module warm-up, regex compilation) do not dominate.
      const base = new TextEncoder().encode(repeatBody(s.text, 4));
      const big = new TextEncoder().encode(repeatBody(s.text, 4 * K));
      await parseSource({ path, bytes: base }); // warm-up
      const t1 = await timeOf(path, base);
      const tk = await timeOf(path, big);
      expect(tk / Math.max(t1, 1), `${t1.toFixed(1)} ms → ${tk.toFixed(1)} ms`).toBeLessThan(4 * K);
    });
  }
});
