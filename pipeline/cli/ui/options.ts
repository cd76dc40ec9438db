// How the CLI talks to the person (or program) running it. main.ts takes the global flags
// (--quiet, --json, --color/--no-color) off the command line and sets them here, so every
// command sees them without parsing them itself.

export interface UiOptions {
  /** No progress bars and no chatter; errors and warnings still go to stderr. */
  quiet: boolean;
  /** Machine output: the command's summary as one JSON document on stdout. */
  json: boolean;
  /** undefined: decide from the terminal and NO_COLOR / FORCE_COLOR. */
  color: boolean | undefined;
}

let current: UiOptions = { quiet: false, json: false, color: undefined };

export function setUiOptions(options: UiOptions): void {
  current = { ...options };
}

export function uiOptions(): UiOptions {
  return current;
}

const GLOBAL_FLAGS: Record<string, Partial<UiOptions>> = {
  '--quiet': { quiet: true },
  '-q': { quiet: true },
  '--json': { json: true },
  '--color': { color: true },
  '--no-color': { color: false },
};

/** Splits the global flags from the rest, wherever they appear before a `--`. */
export function takeGlobalFlags(argv: readonly string[]): { options: UiOptions; rest: string[] } {
  const options: UiOptions = { quiet: false, json: false, color: undefined };
  const rest: string[] = [];
  let passthrough = false;
  for (const arg of argv) {
    const flag = passthrough ? undefined : GLOBAL_FLAGS[arg];
    if (flag) Object.assign(options, flag);
    else rest.push(arg);
    if (arg === '--') passthrough = true;
  }
  return { options, rest };
}
