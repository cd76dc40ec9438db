// The upload progress bar of `kamervragen release --target github:…`: drawn on a terminal while
// the assets upload to the GitHub stand-in, absent when the output is a pipe.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runInPty } from '../cli/support/run-in-pty.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import { FakeGitHub } from './support/fake-github.ts';

const TOKEN = 'ghp_progress0test0token';
const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kv-release-progress-'));
  scratch.push(dir);
  cpSync(join(ROOT, 'documents'), join(dir, 'documents'), { recursive: true });
  return dir;
}

async function withFake(run: (fake: FakeGitHub) => Promise<void>): Promise<void> {
  const fake = await new FakeGitHub({ token: TOKEN }).start();
  try {
    await run(fake);
  } finally {
    await fake.stop();
  }
}

const args = (fake: FakeGitHub) => [
  'release',
  '--source-commit',
  '1111111111111111111111111111111111111111',
  '--target',
  `github:${fake.owner}/${fake.repo}`,
];
const env = (fake: FakeGitHub) => ({
  GITHUB_TOKEN: TOKEN,
  GITHUB_API_URL: fake.apiUrl,
  SOURCE_DATE_EPOCH: '',
  KAMERVRAGEN_RELEASE_DELAY_UNIT_MS: '1',
  KAMERVRAGEN_RELEASE_WRITE_INTERVAL_MS: '0',
});

it('draws an upload bar on a terminal', () =>
  withFake(async (fake) => {
    const { code, output } = await runInPty(args(fake), { cwd: project(), env: env(fake) });
    expect(code, output).toBe(0);
    expect(output).toMatch(/\rupload +\[[█░]{20}\] +\d+% \d+\/\d+/);
    expect(output).toMatch(/Published 1\.0\.0 to github:/);
    expect(output).not.toContain(TOKEN);
  }));

it('draws no bar in a pipe', () =>
  withFake(async (fake) => {
    const result = await runCli(args(fake), { cwd: project(), env: env(fake) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/\[[█░]{20}\]/);
    expect(result.stdout).toMatch(/Published 1\.0\.0 to github:/);
  }));
