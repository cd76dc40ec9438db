import { printable, type Diagnostic } from '../../errors.ts';
import { shouldColor, palette, type Palette } from './colors.ts';
import { formatDiagnosticReport, formatGithubAnnotations } from './diagnostics.ts';
import { uiOptions, type UiOptions } from './options.ts';
import { createProgress, type Progress, type ProgressStream } from './progress.ts';

export interface Ui {
  readonly options: UiOptions;
  readonly color: Palette;
  /** A progress bar on stderr; silent off a terminal, with --quiet or --json. */
  progress(label: string, total: number): Progress;
  /** A line of chatter on stderr (skipped with --quiet and --json). */
  info(message: string): void;
  /** Diagnostics grouped per file on stderr; GitHub annotations too under Actions. */
  diagnostics(list: readonly Diagnostic[]): void;
  /** The command's result: `summary` as JSON on stdout with --json, else `human` on stdout. */
  result(summary: unknown, human: string): void;
}

export interface UiStreams {
  stdout: ProgressStream;
  stderr: ProgressStream;
  env: NodeJS.ProcessEnv;
}

// Everything a command needs to talk to the user. Commands call createUi() once in run().
export function createUi(
  streams: UiStreams = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Ui {
  const options = uiOptions();
  const { stdout, stderr, env } = streams;
  const errColor = shouldColor(stderr, env, options.color);
  const chatty = !options.quiet && !options.json;
  return {
    options,
    color: palette(errColor),
    progress(label, total) {
      return createProgress(label, total, stderr, { enabled: chatty });
    },
    info(message) {
      if (chatty) stderr.write(`${printable(message)}\n`);
    },
    diagnostics(list) {
      // --quiet keeps errors (they explain the exit code) and drops warnings.
      const shown = options.quiet ? list.filter((d) => d.severity === 'error') : list;
      if (shown.length > 0) stderr.write(formatDiagnosticReport(shown, errColor));
      if (env.GITHUB_ACTIONS === 'true' && list.length > 0) {
        // The runner reads workflow commands from both streams; keep stdout pure JSON under --json.
        (options.json ? stderr : stdout).write(formatGithubAnnotations(list));
      }
    },
    result(summary, human) {
      if (options.json) stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else if (!options.quiet && human !== '')
        stdout.write(human.endsWith('\n') ? human : `${human}\n`);
    },
  };
}
