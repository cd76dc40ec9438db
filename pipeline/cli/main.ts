import { KamervragenError, formatDiagnostic } from '../errors.ts';
import { commands } from './commands/index.ts';

const EXIT_CODES = `Exit codes:
  0  success (or nothing to do)
  1  the data has errors (a document could not be parsed or validated), or a command failed
  2  wrong usage (unknown command or option)`;

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `kamervragen: build, check and publish the Kamervragen open dataset

Usage: kamervragen <command> [options]

Commands:
${list}

Run \`kamervragen <command> --help\` for a command's options and examples.

${EXIT_CODES}
`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(topic ? topic.help : usage());
    return 0;
  }
  if (name === '--version') {
    process.stdout.write('kamervragen pipeline\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`kamervragen: unknown command "${name}"\n\n${usage()}`);
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
      process.stderr.write(`kamervragen ${name}: ${formatDiagnostic(error.toDiagnostic())}\n`);
      return error.exitCode;
    }
    // Anything else is a bug in the pipeline, not in the data: show the stack so it can be fixed.
    process.stderr.write(`kamervragen ${name}: internal error (a bug; please report it)\n`);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}
