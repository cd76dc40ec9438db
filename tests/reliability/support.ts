// Processes to kill and folders to compare, for the fault tests. Everything happens in temp
// folders; the real documents/, dist/ and state/ are only ever read.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../support/run-cli.ts';

/** A small seeded generator (mulberry32): the same kill points on every run of the tests. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
}

export function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Running {
  const began = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: performance.now() - began }),
    );
  });
  return { child, done };
}

/** Runs to the end, with a hard timeout. */
export async function runToEnd(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 120_000,
): Promise<Finished> {
  const r = start(args, cwd, env);
  const timer = setTimeout(() => r.child.kill('SIGKILL'), timeoutMs);
  try {
    return await r.done;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SIGKILL after `delayMs`, or as soon as `when()` holds (polled every few ms), whichever is
 * first. Returns how the process ended: it may have finished before the kill.
 */
export async function killAt(
  r: Running,
  delayMs: number,
  when?: () => Promise<boolean>,
): Promise<Finished & { killed: boolean }> {
  let killed = false;
  let stop = false;
  const kill = () => {
    if (!stop && r.child.exitCode === null && r.child.signalCode === null) {
      killed = r.child.kill('SIGKILL');
    }
    stop = true;
  };
  const timer = setTimeout(kill, delayMs);
  const poll = async () => {
    while (!stop && when) {
      if (await when().catch(() => false)) return kill();
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  };
  void poll();
  const finished = await r.done;
  stop = true;
  clearTimeout(timer);
  return { ...finished, killed: killed && finished.signal === 'SIGKILL' };
}

/** Relative path → sha256 of every file under `dir`; names starting with "." kept apart. */
export async function digests(
  dir: string,
  options: { hidden?: boolean } = {},
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const rel = path.slice(dir.length + 1);
    if (!options.hidden && rel.split('/').some((p) => p.startsWith('.'))) continue;
    out.set(
      rel,
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Hidden leftovers (temp files, staging folders, locks) under `dir`. The build's parse cache
 * (OUT/.cache) is meant to stay and is not a leftover.
 */
export async function hidden(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((p) => p.split('/').some((part) => part.startsWith('.')))
    .filter((p) => p !== '.cache' && !p.startsWith('.cache/'))
    .sort();
}

/** A release to a dir: target, pinned in date and commit so two runs are byte-identical. */
export const RELEASE_ARGS = [
  'release',
  '--target',
  'dir:releases',
  '--source-commit',
  '0123456789abcdef0123456789abcdef01234567',
  '--quarantine',
];
export const RELEASE_ENV = { SOURCE_DATE_EPOCH: '1700000000' };

const made: string[] = [];

export async function workspace(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `kv-${prefix}-`));
  made.push(dir);
  return dir;
}

export async function removeWorkspaces(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** The real documents plus `extra` corpus files (one rendering per id, under their own names). */
export async function copyDocuments(to: string, extra = 0): Promise<string[]> {
  await cp(join(ROOT, 'documents'), to, { recursive: true });
  const corpus = (await readdir(join(ROOT, 'tests/corpus')))
    .filter((n) => n.endsWith('.txt'))
    .sort();
  const seen = new Set<string>();
  const added: string[] = [];
  for (const name of corpus) {
    const id = name.split('.')[0]!;
    if (seen.has(id) || added.length >= extra) continue;
    seen.add(id);
    await cp(join(ROOT, 'tests/corpus', name), join(to, name));
    added.push(name);
  }
  return added;
}

/** Every JSON file parses and every CSV has a header and equal-width rows: readable as a whole. */
export async function assertReadable(dir: string): Promise<void> {
  for (const [name] of await digests(dir)) {
    const text = await readFile(join(dir, name), 'utf8');
    if (name.endsWith('.json')) JSON.parse(text);
    if (name.endsWith('.ndjson'))
      for (const line of text.split('\n').filter(Boolean)) JSON.parse(line);
  }
}
