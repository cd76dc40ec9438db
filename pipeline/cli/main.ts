import { readFile } from 'node:fs/promises';
import { KamervragenError, formatDiagnostic, ioError, printable } from '../errors.ts';
import { loadCommand, loadCommands } from './commands/index.ts';
import { setUiOptions, takeGlobalFlags } from './ui/options.ts';
import { palette, shouldColor } from './ui/colors.ts';
import { formatGithubAnnotations } from './ui/diagnostics.ts';

export const EXIT_CODES = `Exit codes:
  0   success (or nothing to do)
  1   the data has errors (a document could not be read, parsed or validated), or a command failed
  2   wrong usage (unknown command or option, missing argument)
  70  internal error: a bug in the pipeline (the stack trace is printed; please report it)`;

const GLOBAL_OPTIONS = `Global options (any command):
  -h, --help     show help (also: kamervragen help <command>)
  -q, --quiet    no progress bars or chatter; errors still go to stderr
  --json         print the command's summary as JSON on stdout
  --color, --no-color
                 force colours on or off (default: on a terminal unless NO_COLOR is set)
  --version      print the version

Under GitHub Actions (GITHUB_ACTIONS=true) diagnostics are also printed as
::error file=…,line=…:: annotations, so they show on the pull request.`;

export async function usage(): Promise<string> {
  const commands = await loadCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `kamervragen: build, check and publish the Kamervragen open dataset

Usage: kamervragen <command> [options]

Commands:
${list}

Run \`kamervragen <command> --help\` for a command's options and examples.

${GLOBAL_OPTIONS}

${EXIT_CODES}
`;
}

/** `kamervragen 0.1.0 (record schema 1.0.0)`: the program and the record format it writes. */
async function versionLine(): Promise<string> {
  const read = async (path: string) =>
    JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as {
      version?: string;
      $id?: string;
    };
  const pkg = await read('../../package.json');
  const schema = await read('../../schema/document.schema.json');
  const schemaVersion = /(\d+\.\d+\.\d+)$/.exec(schema.$id ?? '')?.[1] ?? 'unknown';
  return `kamervragen ${pkg.version ?? 'unknown'} (record schema ${schemaVersion})`;
}

function isUsageError(error: unknown): error is Error & { code: string } {
  // node:util parseArgs throws TypeErrors with these codes for unknown or malformed options.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

export async function main(argv: string[]): Promise<number> {
  const { options, rest: args } = takeGlobalFlags(argv);
  setUiOptions(options);
  const c = palette(shouldColor(process.stderr, process.env, options.color));
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0];
    if (name === 'help' && topic !== undefined) {
      const command = await loadCommand(topic);
      if (!command) {
        process.stderr.write(
          `kamervragen: no help for unknown command "${printable(topic)}"\n\n${await usage()}`,
        );
        return 2;
      }
      process.stdout.write(command.help);
      return 0;
    }
    process.stdout.write(await usage());
    return 0;
  }
  if (name === '--version') {
    process.stdout.write(`${await versionLine()}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    process.stderr.write(`kamervragen: unknown command "${printable(name)}"\n\n${await usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof KamervragenError) {
      process.stderr.write(
        `${c.red(`kamervragen ${name}:`)} ${formatDiagnostic(error.toDiagnostic())}\n`,
      );
      // Under Actions the failure also shows on the pull request, at the file concerned.
      if (process.env.GITHUB_ACTIONS === 'true' && error.exitCode !== 2) {
        process.stdout.write(formatGithubAnnotations([error.toDiagnostic()]));
      }
      if (error.exitCode === 2)
        process.stderr.write(`Run \`kamervragen ${name} --help\` for usage.\n`);
      return error.exitCode;
    }
    // A full disk, a read-only or vanished folder: the environment's fault, not a bug.
    const io = ioError(error);
    if (io !== null) {
      process.stderr.write(
        `${c.red(`kamervragen ${name}:`)} ${formatDiagnostic(io.toDiagnostic())}\n`,
      );
      return io.exitCode;
    }
    if (isUsageError(error)) {
      process.stderr.write(
        `${c.red(`kamervragen ${name}:`)} ${error.message}\nRun \`kamervragen ${name} --help\` for usage.\n`,
      );
      return 2;
    }
    // Anything else is a bug in the pipeline, not in the data: show the stack so it can be fixed.
    process.stderr.write(`kamervragen ${name}: internal error (a bug; please report it)\n`);
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 70;
  }
}
