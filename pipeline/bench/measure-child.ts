// Runs one command as a child process and measures it from outside: wall time, and peak memory
// as the larger of what the child reports about itself (getrusage maxRSS, exact for its threads)
// and the largest resident size of its process tree seen by polling /proc (covers subprocesses).
import { spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

export interface ChildRun {
  exitCode: number | null;
  wallS: number;
  peakRssMb: number;
  cpuS: number | null;
  stdout: string;
  stderr: string;
}

async function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

async function descendants(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children: number[] = [];
  for (const task of tasks) {
    const list = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...list.split(' ').filter(Boolean).map(Number));
  }
  const deeper = await Promise.all(children.map(descendants));
  return [...children, ...deeper.flat()];
}

async function treeRssKb(pid: number): Promise<number> {
  const pids = [pid, ...(await descendants(pid))];
  const sizes = await Promise.all(pids.map((p, i) => statusKb(p, i === 0 ? 'VmHWM' : 'VmRSS')));
  return sizes.reduce((a, b) => a + b, 0);
}

export async function runChild(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; usageFile: string; pollMs?: number },
): Promise<ChildRun> {
  await rm(options.usageFile, { force: true });
  const start = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, KAMERVRAGEN_BENCH_USAGE: options.usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  // Keep only the end of stderr: a failing build over 100k documents can print a lot.
  child.stderr
    .setEncoding('utf8')
    .on('data', (d: string) => (stderr = (stderr + d).slice(-20_000)));
  let polledKb = 0;
  let polling = false;
  const timer = setInterval(() => {
    if (polling || child.pid === undefined) return;
    polling = true;
    void treeRssKb(child.pid).then((kb) => {
      polledKb = Math.max(polledKb, kb);
      polling = false;
    });
  }, options.pollMs ?? 100);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const wallS = (performance.now() - start) / 1000;
  clearInterval(timer);
  const reported = await readFile(options.usageFile, 'utf8')
    .then((t) => JSON.parse(t) as { maxRssKb: number; userMs: number; systemMs: number })
    .catch(() => null);
  const peakKb = Math.max(polledKb, reported?.maxRssKb ?? 0);
  return {
    exitCode,
    wallS,
    peakRssMb: peakKb / 1024,
    cpuS: reported ? (reported.userMs + reported.systemMs) / 1000 : null,
    stdout,
    stderr,
  };
}
