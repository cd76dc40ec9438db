// The build step of the workflows: `tsx pipeline/scripts/build.ts [--documents DIR] [--out DIR] [--quarantine]`.
// The same code path as `kamervragen build` (options, run, report); this only wires argv and env.
import { parseArgv } from 'zx';
import { BUILD_ARG_OPTIONS, buildOptions, type BuildArgs } from '../build/build-options.ts';
import { buildReport, describeBuild } from '../build/describe-build.ts';
import { runBuild } from '../build/run-build.ts';
import { formatDiagnostic, KamervragenError } from '../errors.ts';
import { withLock } from '../lock/folder-lock.ts';

const names = Object.keys(BUILD_ARG_OPTIONS) as (keyof typeof BUILD_ARG_OPTIONS)[];

try {
  const parsed = parseArgv(process.argv.slice(2), {
    boolean: ['quarantine', 'json'],
    string: names.filter((n) => BUILD_ARG_OPTIONS[n].type === 'string'),
    '--': false,
  });
  const unknown = Object.keys(parsed).filter(
    (k) => k !== '_' && k !== 'json' && !names.includes(k as never),
  );
  if (unknown.length > 0 || parsed._.length > 0) {
    throw new KamervragenError(
      'usage/build',
      `unknown arguments: ${[...unknown.map((k) => `--${k}`), ...parsed._].join(' ')}`,
      {},
      2,
    );
  }
  const options = buildOptions(parsed as BuildArgs, process.env);
  // The same lock as the CLI: two pipelines must not write one output folder.
  const summary = await withLock([options.out], 'build', () => runBuild(options));
  for (const d of summary.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const report = summary.ok ? process.stdout : process.stderr;
  report.write(
    parsed.json
      ? `${JSON.stringify(buildReport(summary, options.out), null, 2)}\n`
      : describeBuild(summary, options.out),
  );
  process.exitCode = summary.ok ? 0 : 1;
} catch (error) {
  if (!(error instanceof KamervragenError)) throw error;
  process.stderr.write(`build: ${formatDiagnostic(error.toDiagnostic())}\n`);
  process.exitCode = error.exitCode;
}
