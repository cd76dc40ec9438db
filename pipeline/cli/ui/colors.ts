// ANSI colours, only when the stream is a terminal (or FORCE_COLOR says so) and NO_COLOR is unset.
// https://no-color.org and https://force-color.org

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

export function shouldColor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
  override: boolean | undefined,
): boolean {
  if (override !== undefined) return override;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

export function palette(enabled: boolean): Palette {
  if (!enabled)
    return { red: plain, yellow: plain, bold: plain, dim: plain, green: plain, cyan: plain };
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
    bold: wrap(1, 22),
    dim: wrap(2, 22),
  };
}
