import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../bin/kamervragen.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, as a user would. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // A run that overstays is asked for Node's diagnostic report first: its stacks say where.
    const reports = mkdtempSync(join(tmpdir(), 'kamervragen-cli-report-'));
    const report = ['--report-on-signal', '--report-signal=SIGUSR2', `--report-directory=${reports}`];
    const child = spawn(process.execPath, [...report, CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timeoutMs = options.timeoutMs ?? 60_000;
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGUSR2');
      killer = setTimeout(() => {
        stderr += `\n[killed after ${timeoutMs / 1000} s]\n${stacks(reports)}`;
        child.kill('SIGKILL');
      }, 3000);
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(killer);
      rmSync(reports, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The JavaScript stacks of the main thread and of each worker in the reports written. */
function stacks(dir: string): string {
  type Report = {
    javascriptStack?: { message?: string; stack?: string[] };
    workers?: Report[];
  };
  const lines: string[] = [];
  const add = (r: Report, name: string) => {
    lines.push(`${name}: ${r.javascriptStack?.message ?? ''}`, ...(r.javascriptStack?.stack ?? []));
    (r.workers ?? []).forEach((w, i) => add(w, `${name} worker ${i}`));
  };
  for (const file of readdirSync(dir))
    add(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Report, 'main thread');
  return lines.join('\n');
}
