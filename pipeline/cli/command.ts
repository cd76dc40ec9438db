// The shape of one CLI command. Each command lives in its own file under commands/.
export interface Command {
  name: string;
  /** One line for `kamervragen --help`. */
  summary: string;
  /** Full help text: usage, options, examples, exit codes. */
  help: string;
  run(argv: string[]): Promise<number>;
}
