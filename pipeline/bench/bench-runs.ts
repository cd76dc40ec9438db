// The commands the benchmark times, each run in a child process through measured-cli.ts
// (wall time, peak RSS and CPU time of the whole process, threads included).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, type ChildRun } from './measure-child.ts';
import { extraDocument } from './write-corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliJson {
  ok?: boolean;
  documents?: number;
  counts?: { documents?: number };
  quarantined?: string[];
}

export async function cliOnce(
  args: string[],
  work: string,
  extraNodeArgs: string[] = [],
): Promise<ChildRun & { json: CliJson | null }> {
  const run = await runChild(
    process.execPath,
    [...extraNodeArgs, '--import', 'tsx', join(ROOT, 'pipeline/bench/measured-cli.ts'), ...args],
    { cwd: ROOT, usageFile: join(work, 'usage.json'), env: { NO_COLOR: '1' } },
  );
  let json: CliJson | null = null;
  try {
    json = JSON.parse(run.stdout) as CliJson;
  } catch {
    json = null;
  }
  return { ...run, json };
}

export function failure(run: ChildRun): string {
  // The head names the error, the tail says where it stopped; a long middle is left out.
  const lines = run.stderr.trim().split('\n');
  const shown = lines.length > 8 ? [...lines.slice(0, 3), '…', ...lines.slice(-4)] : lines;
  return `exited with ${run.exitCode}${lines[0] ? `:\n    ${shown.join('\n    ')}` : ''}`;
}

export const seconds = (run: ChildRun) =>
  run.exitCode === 0
    ? `${run.wallS.toFixed(2)} s, peak ${run.peakRssMb.toFixed(0)} MB`
    : failure(run);

export interface Paths {
  documents: string;
  out: string;
  rel: string;
  buildOut: string;
  work: string;
  cache: string;
}

/** One run: a cold release, the same with nothing changed, and one after a new document. */
export async function releaseRun(p: Paths, args: string[], seed: string, docs: number, r: number) {
  const release = [
    'release',
    '--documents',
    p.documents,
    '--out',
    p.out,
    '--target',
    `dir:${p.rel}`,
    '--quarantine',
    '--json',
    '--source-commit',
    '0'.repeat(40),
    ...args,
  ];
  for (const dir of [p.out, p.rel, p.cache]) await rm(dir, { recursive: true, force: true });
  const cold = await cliOnce(release, p.work);
  if (cold.exitCode !== 0) return { cold, unchanged: null, incremental: null };
  const unchanged = await cliOnce(release, p.work);
  const extra = extraDocument(seed, docs, r);
  for (const f of extra.files) await writeFile(join(p.documents, f.name), f.content);
  try {
    return { cold, unchanged, incremental: await cliOnce(release, p.work) };
  } finally {
    for (const f of extra.files) await rm(join(p.documents, f.name), { force: true });
  }
}

/** The arguments of the benchmark's `kamervragen build`. */
export const buildArgs = (p: Paths): string[] => [
  'build',
  '--documents',
  p.documents,
  '--out',
  p.buildOut,
  '--quarantine',
  '--json',
];

/** `kamervragen build` alone, cold and after one new document. */
export async function buildRun(p: Paths, args: string[], seed: string, docs: number, r: number) {
  const build = buildArgs(p);
  for (const dir of [p.buildOut, p.cache]) await rm(dir, { recursive: true, force: true });
  const cold = await cliOnce([...build, ...args], p.work);
  const extra = extraDocument(seed, docs, r);
  for (const f of extra.files) await writeFile(join(p.documents, f.name), f.content);
  try {
    return { cold, incremental: await cliOnce([...build, ...args], p.work) };
  } finally {
    for (const f of extra.files) await rm(join(p.documents, f.name), { force: true });
  }
}
