// A canary GITHUB_TOKEN goes through every command and failure path; it must never appear in
// stdout, stderr or any file written. The GitHub stand-in here is hostile: every error it
// returns echoes the request's Authorization header back, in the body and in a header, the way
// a misbehaving proxy or a verbose error page would.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AH_RECORD, rewriteUrls, sruPage, startStandIn } from '../fetch/sru-stand-in.ts';
import { copyDocuments, removeWorkspaces, runToEnd, workspace, type Finished } from './support.ts';

const CANARY = `ghp_kvCanary${randomBytes(14).toString('hex')}`;
/** Pieces of the token that would give away a truncated or re-encoded leak. */
const PIECES = [
  CANARY,
  CANARY.slice(4, 24),
  CANARY.slice(-16),
  Buffer.from(CANARY).toString('base64').slice(0, 24),
  encodeURIComponent(CANARY),
];
const ENV = {
  GITHUB_TOKEN: CANARY,
  KAMERVRAGEN_RELEASE_DELAY_UNIT_MS: '1',
  KAMERVRAGEN_RELEASE_WRITE_INTERVAL_MS: '0',
};

afterAll(removeWorkspaces);

const outputs: { what: string; run: Finished }[] = [];
async function cli(
  what: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Finished> {
  const run = await runToEnd(args, cwd, { ...ENV, ...env }, 120_000);
  outputs.push({ what, run });
  return run;
}

function expectNoCanary(text: string, where: string): void {
  for (const piece of PIECES)
    expect(text.includes(piece), `the token appears in ${where}`).toBe(false);
}

async function expectNoCanaryInFiles(dir: string): Promise<number> {
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    const path = join(entry.parentPath, entry.name);
    expectNoCanary((await readFile(path)).toString('latin1'), path);
  }
  return files;
}

/** Answers every request with `status` and the caller's Authorization echoed back. */
async function hostileGitHub(
  status: number,
): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(auth);
    req.resume();
    req.on('end', () => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-echo-authorization': auth,
        ...(status === 429 ? { 'retry-after': '0' } : {}),
      });
      res.end(
        JSON.stringify({
          message: `Bad credentials for ${auth}`,
          documentation_url: `https://docs.github.com/rest?token=${auth}`,
          request: { headers: req.headers },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a canary GITHUB_TOKEN', () => {
  it('never leaks from a GitHub release whose server fails and echoes the token back', async () => {
    const ws = await workspace('secrets-release');
    await copyDocuments(join(ws, 'documents'));
    // The message form and the --json form of the failure, for a refusal, a rejected body and a server error.
    for (const [status, json] of [
      [401, false],
      [422, true],
      [500, false],
    ] as const) {
      const github = await hostileGitHub(status);
      try {
        const run = await cli(
          `release${json ? ' --json' : ''} to a GitHub answering ${status}`,
          [
            'release',
            '--target',
            'github:owner/repo',
            '--source-commit',
            'abc',
            ...(json ? ['--json'] : []),
          ],
          ws,
          { GITHUB_API_URL: github.url },
        );
        expect(run.code, run.stderr).not.toBe(0);
        // The token did reach the server (so the test is real), and came back in every answer.
        expect(github.seen.some((a) => a.includes(CANARY))).toBe(true);
      } finally {
        await github.close();
      }
    }
    // Unreachable API, and a dry run that prints the exact plan (method, URL, assets).
    await cli(
      'release to an unreachable GitHub',
      ['release', '--target', 'github:owner/repo', '--source-commit', 'abc'],
      ws,
      { GITHUB_API_URL: 'http://127.0.0.1:9' },
    );
    await cli(
      'release --dry-run --json against a GitHub that is down',
      ['release', '--target', 'github:owner/repo', '--dry-run', '--json'],
      ws,
      { GITHUB_API_URL: 'http://127.0.0.1:9' },
    );
    expect(await expectNoCanaryInFiles(ws)).toBeGreaterThan(5);
  });

  it('never leaks from fetch failures, build and parse errors, usage errors and help', async () => {
    const ws = await workspace('secrets-other');
    await copyDocuments(join(ws, 'documents'));
    await mkdir(join(ws, 'state'));
    await writeFile(
      join(ws, 'state', 'fetch-state.json'),
      '{\n  "watermark": "2014-07-01",\n  "seen": {}\n}\n',
    );
    const standIn = await startStandIn({
      sru: (_s, base) => rewriteUrls(sruPage([AH_RECORD], { numberOfRecords: 1 }), base),
    });
    try {
      const fetchArgs = [
        'fetch',
        '--documents',
        'documents',
        '--state',
        'state/fetch-state.json',
        '--sru-url',
        standIn.sruUrl,
        '--delay-ms',
        '0',
        '--backoff-ms',
        '1',
        '--retries',
        '1',
      ];
      standIn.fault('sru:1', { status: 503, body: 'down' }, { status: 503, body: 'down' });
      expect((await cli('fetch against a failing SRU service', fetchArgs, ws)).code).not.toBe(0);
      standIn.fault('sru:1', 'html-200');
      expect((await cli('fetch getting an HTML page', fetchArgs, ws)).code).not.toBe(0);
      await cli(
        'fetch to an unreachable service',
        [...fetchArgs.slice(0, 5), '--sru-url', 'http://127.0.0.1:9/sru', '--retries', '0'],
        ws,
      );
      expect((await cli('fetch', fetchArgs, ws)).code).toBe(0);
    } finally {
      await standIn.close();
    }
    await writeFile(join(ws, 'documents', 'broken.pdf'), 'not a pdf');
    expect(
      (
        await cli(
          'build with a broken document',
          ['build', '--documents', 'documents', '--out', 'dist'],
          ws,
        )
      ).code,
    ).toBe(1);
    expect(
      (
        await cli(
          'build --quarantine --json',
          ['build', '--documents', 'documents', '--out', 'dist', '--quarantine', '--json'],
          ws,
        )
      ).code,
    ).toBe(0);
    expect((await cli('parse of a broken file', ['parse', 'documents/broken.pdf'], ws)).code).toBe(
      1,
    );
    expect((await cli('validate of a missing file', ['validate', 'nothing.json'], ws)).code).toBe(
      1,
    );
    expect((await cli('unknown option', ['build', '--no-such-option'], ws)).code).toBe(2);
    expect((await cli('unknown command', ['publish-everything'], ws)).code).toBe(2);
    expect((await cli('help', ['--help'], ws)).code).toBe(0);
    expect(await expectNoCanaryInFiles(ws)).toBeGreaterThan(5);
  });

  const checkOutputs = (release: boolean) => {
    const runs = outputs.filter((o) => o.what.startsWith('release') === release);
    expect(runs.length).toBeGreaterThanOrEqual(release ? 5 : 10);
    for (const { what, run } of runs) {
      expect(run.code, `${what} hung`).not.toBeNull();
      expectNoCanary(run.stdout, `stdout of ${what}`);
      expectNoCanary(run.stderr, `stderr of ${what}`);
    }
  };

  it('appears in no output of fetch, build, parse, validate, usage errors or help', () =>
    checkOutputs(false));

  it('appears in no output of the failing releases', () => checkOutputs(true));
});
