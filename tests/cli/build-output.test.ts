import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.ts';
import { runInPty } from './support/run-in-pty.ts';

// What a user sees when a build meets a document it cannot parse: the same problem as a
// grouped report on a terminal, GitHub annotations under Actions, and JSON for scripts.
let dir: string;
const BROKEN = 'documents/ah-tk-20202021-1.not-a-kamervraag.pdf.txt';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-build-output-'));
  await mkdir(join(dir, 'documents'));
  const seed = (await readdir(join(ROOT, 'documents'))).find((n) =>
    n.startsWith('ah-tk-20182019-3922.'),
  );
  if (!seed) throw new Error('seed missing');
  await copyFile(join(ROOT, 'documents', seed), join(dir, 'documents', seed));
  await writeFile(join(dir, BROKEN), 'Dit is geen Aanhangsel.\nGeen vragen hier.\n');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('build output', () => {
  it('groups the problems under the file and exits 1', async () => {
    const result = await runCli(['build'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    const head = lines.indexOf(BROKEN);
    expect(head).toBeGreaterThanOrEqual(0);
    expect(lines[head + 1]).toMatch(/^ +error +.*parse\/no-questions$/);
    expect(result.stderr).toMatch(/^1 error, \d+ warnings? in 1 file$/m);
    expect(result.stdout).not.toMatch(/^::/m);
  });

  it('under GitHub Actions also prints ::error annotations with the file', async () => {
    const result = await runCli(['build'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^::error file=${BROKEN.replace(/[.]/g, '\\.')},title=parse/no-questions::no question found`,
        'm',
      ),
    );
  });

  it('--json gives the summary alone on stdout', async () => {
    const result = await runCli(['build', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { ok: boolean; errors: number; sources: number };
    expect(summary).toMatchObject({ ok: false, errors: 1, sources: 2 });
  });

  it('on a terminal: a progress bar and a coloured report; validate --json on the built data', async () => {
    const tty = await runInPty(['build', '--quarantine'], { cwd: dir });
    expect(tty.code).toBe(0);
    expect(tty.output).toContain('\u001b[31m');
    expect(tty.output).toMatch(/\rbuild {2}\[[█░]{20}\] +\d+% \d+\/2/);
    const result = await runCli(['validate', '--json', 'dist/kamervragen.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, records: 1, errors: 0 });
  });
});
