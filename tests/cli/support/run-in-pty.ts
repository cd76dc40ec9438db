import { spawn } from 'node:child_process';
import { CLI, ROOT } from '../../support/run-cli.ts';

export interface PtyResult {
  code: number | null;
  /** stdout and stderr together, as a terminal shows them (line ends are \r\n). */
  output: string;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the real CLI on a pseudo-terminal through util-linux `script`, so stdout and stderr are
 * TTYs exactly as in an interactive shell.
 */
export function runInPty(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<PtyResult> {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...options.env };
    // Colour decisions must come from the terminal, not from the test runner's environment.
    if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
    if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
    delete env.GITHUB_ACTIONS;
    if (options.env?.GITHUB_ACTIONS) env.GITHUB_ACTIONS = options.env.GITHUB_ACTIONS;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
