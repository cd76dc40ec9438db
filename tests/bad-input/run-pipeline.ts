// Helpers for running the real CLI over hostile input: a workspace in a temp folder, GitHub
// annotation parsing (the one machine-readable form of every diagnostic the build prints), and
// the checks every run must pass (no stack trace, no leaked /etc/passwd).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, type CliResult } from '../support/run-cli.ts';

export interface Annotation {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  code: string;
  message: string;
  /** JSON pointer, when the message ends with "(/field)" and there is no line. */
  field?: string;
}

const unescapeData = (s: string) =>
  s
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');

/** `::error file=…,line=…,title=code::message (field)` lines, as printed with GITHUB_ACTIONS=true. */
export function parseAnnotations(output: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of output.split('\n')) {
    const m = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
    if (!m) continue;
    const props = new Map(
      m[2]!.split(',').map((p) => {
        const i = p.indexOf('=');
        return [p.slice(0, i), unescapeData(p.slice(i + 1))] as const;
      }),
    );
    const message = unescapeData(m[3]!);
    const a: Annotation = {
      severity: m[1] as 'error' | 'warning',
      file: props.get('file') ?? '',
      code: props.get('title') ?? '',
      message,
    };
    if (props.has('line')) a.line = Number(props.get('line'));
    else {
      const field = /\((\/[^()]*)\)$/.exec(message)?.[1];
      if (field !== undefined) a.field = field;
    }
    out.push(a);
  }
  return out;
}

/** The Node/V8 stack-trace shape: "    at fn (file:line:col)". */
export const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** Lines of /etc/passwd long enough to be unmistakable if they ever show up in output. */
export const PASSWD_LINES: string[] = existsSync('/etc/passwd')
  ? readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .filter((l) => l.split(':').length >= 6 && l.length >= 12)
  : [];

// One pass per text, however many lines: the outputs here run to 50 MB each.
const PASSWD_ANY = new RegExp(
  PASSWD_LINES.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
);

export function leaksPasswd(text: string): string | null {
  if (PASSWD_LINES.length === 0) return null;
  return PASSWD_ANY.exec(text)?.[0] ?? null;
}

/** Every file under `dir` (relative name → bytes), hidden ones included. */
export async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length + 1), await readFile(path));
  }
  return out;
}

/** Runs the CLI with a hard timeout; a run that had to be killed comes back with code null. */
export async function run(
  args: string[],
  cwd: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult & { ms: number }> {
  const start = performance.now();
  const result = await runCli(args, {
    cwd,
    timeoutMs,
    env: { GITHUB_ACTIONS: 'true', TMPDIR: join(cwd, 'tmp'), ...env },
  });
  return { ...result, ms: performance.now() - start };
}

/** Runs `tasks` with at most `limit` at a time (each CLI run is a whole Node process). */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Every file under `dir` as relative name → sha256: cheap to compare, even with a 50 MB file. */
export async function digests(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, bytes] of await tree(dir))
    out.set(name, createHash('sha256').update(bytes).digest('hex'));
  return out;
}

/**
 * `kamervragen <args>` through the CLI's own main() in this process, with stdout and stderr
 * captured: the same code as the binary without a Node start-up per file (two busy cores).
 * A run that does not settle within `timeoutMs` comes back with code null.
 */
export async function runInProcess(
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<CliResult & { ms: number }> {
  const { main } = await import('../../pipeline/cli/main.ts');
  const out: string[] = [];
  const err: string[] = [];
  const original = { out: process.stdout.write, err: process.stderr.write, cwd: process.cwd() };
  const capture = (sink: string[]) =>
    ((chunk: string | Uint8Array) => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  const start = performance.now();
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  process.chdir(cwd);
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await Promise.race([
      main(args),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
    ]);
    return { code, stdout: out.join(''), stderr: err.join(''), ms: performance.now() - start };
  } finally {
    clearTimeout(timer);
    process.stdout.write = original.out;
    process.stderr.write = original.err;
    process.chdir(original.cwd);
  }
}
