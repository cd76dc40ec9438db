// Flag checks shared by the bench commands: a wrong flag is a usage error (exit 2), not a crash.
export class UsageError extends Error {}

export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--${name} must be a whole number ≥ 1, found "${value}"`);
  return Number(value);
}

/** Runs node:util parseArgs and turns its errors into usage errors. */
export function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export const defaultCorpusDir = (docs: number, seed: string): string =>
  `tmp/bench-corpus/${docs}-${seed}`;
