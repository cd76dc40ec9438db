import type { Command } from '../command.ts';

// Each command is loaded only when it runs (or for help): a build need not load the GitHub
// client, a site build need not load the parser, and every invocation starts faster.
// Order is the order of `kamervragen --help`.
const LOADERS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./parse.ts')).parseCommand,
  fetch: async () => (await import('./fetch.ts')).fetchCommand,
  build: async () => (await import('./build.ts')).buildCommand,
  validate: async () => (await import('./validate.ts')).validateCommand,
  release: async () => (await import('./release.ts')).releaseCommand,
  site: async () => (await import('./site.ts')).siteCommand,
  dictionary: async () => (await import('./dictionary.ts')).dictionaryCommand,
  merge: async () => (await import('./merge.ts')).mergeCommand,
};

/** Every command's name, in help order. */
export const commandNames: readonly string[] = Object.keys(LOADERS);

/** The command of that name, or undefined when there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]!() : undefined;
}

/** Every command (for the full help), in help order. */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(commandNames.map((name) => LOADERS[name]!()));
}
