// The fetch progress bar: drawn on a terminal while documents download, absent in a pipe.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { runInPty } from '../cli/support/run-in-pty.ts';
import { AH_RECORD, rewriteUrls, sruPage, startStandIn, type StandIn } from './sru-stand-in.ts';

let dir: string;
let standIn: StandIn;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-fetch-progress-'));
  standIn = await startStandIn({
    sru: (_start, base) => rewriteUrls(sruPage([AH_RECORD], { numberOfRecords: 1 }), base),
  });
});
afterEach(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

const args = () => [
  'fetch',
  '--documents',
  join(dir, 'documents'),
  '--state',
  join(dir, 'state', 'fetch-state.json'),
  '--since',
  '2021-01-01',
  '--sru-url',
  standIn.sruUrl,
  '--delay-ms',
  '0',
];

it('draws a bar over the downloads on a terminal', async () => {
  const { code, output } = await runInPty(args());
  expect(code, output).toBe(0);
  expect(output).toMatch(/\rfetch +\[[█░]{20}\] +\d+% \d+\/1/);
  expect(output).toMatch(/fetch: 1 added/);
});

it('draws nothing in a pipe', async () => {
  const { code, stdout, stderr } = await runCli(args());
  expect(code, stderr).toBe(0);
  expect(stdout + stderr).not.toMatch(/\[[█░]{20}\]/);
  expect(stdout + stderr).toMatch(/fetch: 1 added/);
});
