// The release step of the workflows: `tsx pipeline/scripts/release.ts [--target github:OWNER/REPO] …`.
// The same code path as `kamervragen release` (options, run, report); this only wires argv and env.
import { parseArgv } from 'zx';
import { formatDiagnostic, KamervragenError } from '../errors.ts';
import { withLock } from '../lock/folder-lock.ts';
import { describeOutcome } from '../publish/describe-outcome.ts';
import {
  RELEASE_ARG_OPTIONS,
  releaseOptions,
  type ReleaseArgs,
} from '../publish/release-options.ts';
import { runRelease } from '../publish/run-release.ts';

const names = Object.keys(RELEASE_ARG_OPTIONS) as (keyof typeof RELEASE_ARG_OPTIONS)[];
const booleans = names.filter((n) => RELEASE_ARG_OPTIONS[n].type === 'boolean');
const strings = names.filter((n) => RELEASE_ARG_OPTIONS[n].type === 'string');

try {
  // minimist would read --no-publish as publish=false; keep every flag literal, like the CLI.
  const parsed = parseArgv(process.argv.slice(2), {
    boolean: [...booleans, 'json'],
    string: strings,
    '--': false,
  });
  const unknown = Object.keys(parsed).filter(
    (k) => k !== '_' && k !== 'json' && !names.includes(k as never),
  );
  if (unknown.length > 0 || parsed._.length > 0) {
    throw new KamervragenError(
      'usage/release',
      `unknown arguments: ${[...unknown.map((k) => `--${k}`), ...parsed._].join(' ')}`,
      {},
      2,
    );
  }
  const args = Object.fromEntries(
    names.map((n) => [n, parsed[n] === false ? undefined : parsed[n]]),
  ) as ReleaseArgs;
  const options = releaseOptions(
    args,
    process.env,
    process.cwd(), // Progress goes to stderr: stdout carries only the outcome (JSON under --json).
    (line) => process.stderr.write(`${line}\n`),
  );
  // The same folder lock as `kamervragen release`: two runs never write dist/ at once.
  const outcome = await withLock(options.dryRun ? [] : [options.out], 'release', () =>
    runRelease(options),
  );
  for (const d of outcome.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stdout.write(
    parsed.json
      ? `${JSON.stringify(outcome, null, 2)}\n`
      : describeOutcome(outcome, options.dryRun),
  );
  process.exitCode = outcome.ok ? 0 : 1;
} catch (error) {
  if (!(error instanceof KamervragenError)) throw error;
  process.stderr.write(`release: ${formatDiagnostic(error.toDiagnostic())}\n`);
  process.exitCode = error.exitCode;
}
