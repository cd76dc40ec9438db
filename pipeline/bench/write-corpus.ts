// Writes a generated corpus to disk one document at a time with a bounded number of writes in
// flight, so 100,000 documents take the memory of a few dozen. Layout:
//   OUT/documents/…           the source files, as a documents/ store holds them
//   OUT/truth/<file>.truth.json  what a correct parser finds in each
//   OUT/corpus.json           seed, size and counts; written last, so its presence means complete
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDocument } from './render-document.ts';

export const GENERATOR_VERSION = 1;

export interface CorpusOptions {
  docs: number;
  seed: string;
  out: string;
  /** Writes in flight at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface CorpusSummary {
  generator: number;
  /** Hash of the first documents as the current code renders them: a stale corpus is not reused. */
  fingerprint: string;
  seed: string;
  docs: number;
  files: number;
  bytes: number;
  renderings: Record<string, number>;
  kinds: Record<string, number>;
}

export async function readCorpusSummary(out: string): Promise<CorpusSummary | null> {
  try {
    return JSON.parse(await readFile(join(out, 'corpus.json'), 'utf8')) as CorpusSummary;
  } catch {
    return null;
  }
}

export function corpusFingerprint(seed: string, docs: number): string {
  const hash = createHash('sha256');
  for (let i = 0; i < Math.min(docs, 20); i++) {
    for (const f of generateDocument(seed, i, docs).files) hash.update(f.name).update(f.content);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Refuses to clear a folder that holds anything but a corpus of ours. */
async function prepare(out: string): Promise<void> {
  const entries = await readdir(out).catch(() => [] as string[]);
  const ours = new Set(['documents', 'truth', 'corpus.json', 'dist', 'work', 'bench.lock']);
  const foreign = entries.filter((e) => !ours.has(e));
  if (foreign.length > 0)
    throw new Error(
      `${out} holds files that are not a benchmark corpus (${foreign.slice(0, 3).join(', ')}); choose another --out`,
    );
  await rm(join(out, 'corpus.json'), { force: true });
  await rm(join(out, 'documents'), { recursive: true, force: true });
  await rm(join(out, 'truth'), { recursive: true, force: true });
  await mkdir(join(out, 'documents'), { recursive: true });
  await mkdir(join(out, 'truth'), { recursive: true });
}

export async function writeCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const { docs, seed, out } = options;
  await prepare(out);
  const summary: CorpusSummary = {
    generator: GENERATOR_VERSION,
    fingerprint: corpusFingerprint(seed, docs),
    seed,
    docs,
    files: 0,
    bytes: 0,
    renderings: {},
    kinds: {},
  };
  const inFlight = new Set<Promise<void>>();
  const limit = options.concurrency ?? 32;
  for (let i = 0; i < docs; i++) {
    const doc = generateDocument(seed, i, docs);
    summary.renderings[doc.plan.rendering] = (summary.renderings[doc.plan.rendering] ?? 0) + 1;
    summary.kinds[doc.plan.kind] = (summary.kinds[doc.plan.kind] ?? 0) + 1;
    const writes = doc.files.map((f) => {
      summary.files++;
      summary.bytes += Buffer.byteLength(f.content);
      return writeFile(join(out, 'documents', f.name), f.content);
    });
    writes.push(
      writeFile(
        join(out, 'truth', `${doc.truth.file}.truth.json`),
        `${JSON.stringify(doc.truth)}\n`,
      ),
    );
    const done: Promise<void> = Promise.all(writes).then(() => {
      inFlight.delete(done);
    });
    inFlight.add(done);
    if (inFlight.size >= limit) await Promise.race(inFlight);
    if (options.onProgress && (i + 1) % 1000 === 0) options.onProgress(i + 1, docs);
  }
  await Promise.all(inFlight);
  await writeFile(join(out, 'corpus.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** A document that is not in the corpus yet, for the incremental case (k = 0, 1, …). */
export function extraDocument(
  seed: string,
  docs: number,
  k: number,
): ReturnType<typeof generateDocument> {
  return generateDocument(seed, docs + k, docs);
}
