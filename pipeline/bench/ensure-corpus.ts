// Reuses a complete corpus of the same seed, size and generator version; otherwise generates it.
import { performance } from 'node:perf_hooks';
import {
  corpusFingerprint,
  GENERATOR_VERSION,
  readCorpusSummary,
  writeCorpus,
  type CorpusSummary,
} from './write-corpus.ts';

export async function ensureCorpus(options: {
  docs: number;
  seed: string;
  out: string;
}): Promise<{ summary: CorpusSummary; message: string }> {
  const existing = await readCorpusSummary(options.out);
  const describe = (s: CorpusSummary): string =>
    `${options.out} (${s.docs} docs, ${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB)`;
  if (
    existing &&
    existing.generator === GENERATOR_VERSION &&
    existing.fingerprint === corpusFingerprint(options.seed, options.docs) &&
    existing.seed === options.seed &&
    existing.docs === options.docs
  ) {
    return { summary: existing, message: `corpus: ${describe(existing)}, reused` };
  }
  const start = performance.now();
  const summary = await writeCorpus(options);
  const seconds = (performance.now() - start) / 1000;
  return {
    summary,
    message: `corpus: ${describe(summary)}, generated in ${seconds.toFixed(1)} s (${Math.round(options.docs / seconds)} docs/s)`,
  };
}
