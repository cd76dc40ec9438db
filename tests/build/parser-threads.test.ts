// Parser threads that never load (a module loader that does not answer) must not leave their
// documents waiting: each stuck worker is replaced, and a thread that never starts hands its
// documents to the calling thread, which parses them the same way.
import { describe, expect, it } from 'vitest';
import { createAnalyser, type AnalyserLimits } from '../../pipeline/build/parse-pool.ts';
import { listEntries } from '../../pipeline/build/read-sources.ts';
import { ROOT } from '../support/run-cli.ts';

const VERSION = 'parser-threads-test';

async function analyseAll(workers: number, limits: AnalyserLimits = {}) {
  const { entries } = await listEntries('documents', ROOT);
  const analyser = createAnalyser(workers, VERSION, ROOT, limits);
  try {
    const done = await Promise.all(entries.map((e) => analyser.analyse(e)));
    return done.map((d) => ({ key: d.key, outcome: d.outcome }));
  } finally {
    await analyser.close();
  }
}

describe('parser threads', () => {
  it('that never start: the documents are parsed on the calling thread, as without threads', async () => {
    const inline = await analyseAll(0);
    expect(inline.length).toBeGreaterThan(1);
    expect(inline.every((d) => d.outcome.record !== null)).toBe(true);
    // A start limit no worker can meet, so every start counts as stuck. The time limit no
    // document could meet on a thread shows that none was parsed on one.
    expect(await analyseAll(2, { startLimitMs: 1, timeLimitMs: 1 })).toEqual(inline);
  });

  it('that start give the same outcomes', async () => {
    expect(await analyseAll(2)).toEqual(await analyseAll(0));
  });
});
