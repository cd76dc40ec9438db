// A progress bar on stderr for long work (build, fetch, uploads). It draws only on a terminal:
// piped into a file or a CI log it would be noise, so there it writes nothing at all.

export interface Progress {
  /** Advance by n (default 1); `item` names what is being worked on. */
  tick(n?: number, item?: string): void;
  /** Set the absolute count. */
  update(done: number, item?: string): void;
  /** Erase the bar; the caller prints its own summary line. */
  done(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

const SILENT: Progress = { tick() {}, update() {}, done() {} };

export function createProgress(
  label: string,
  total: number,
  stream: ProgressStream,
  options: { enabled: boolean },
): Progress {
  if (!options.enabled || stream.isTTY !== true || total <= 0) return SILENT;
  let count = 0;
  let last = '';
  let lastBar = '';
  let lastAt = 0;
  const draw = (item: string | undefined) => {
    const columns = stream.columns || 80;
    const bar = renderProgressLine(label, count, total, undefined, columns);
    const now = Date.now();
    // Redraw when the bar moves, or to show the current item at most every 80 ms: a hundred
    // thousand ticks cost a few hundred writes, not a hundred thousand.
    if (bar === lastBar && (now - lastAt < 80 || count === total)) return;
    const line = renderProgressLine(label, count, total, item, columns);
    if (line === last) return;
    last = line;
    lastBar = bar;
    lastAt = now;
    stream.write(`\r${line}\u001b[K`);
  };
  return {
    tick(n = 1, item) {
      count = Math.min(total, count + n);
      draw(item);
    },
    update(doneCount, item) {
      count = Math.max(0, Math.min(total, doneCount));
      draw(item);
    },
    done() {
      if (last !== '') stream.write('\r\u001b[K');
      last = '';
    },
  };
}

/** `build  [██████░░░░░░░░░░░░]  34% 120/350 documents/ah-tk-….txt`, cut to the terminal width. */
export function renderProgressLine(
  label: string,
  count: number,
  total: number,
  item: string | undefined,
  columns: number,
): string {
  const width = 20;
  const filled = Math.round((count / total) * width);
  const percent = `${Math.floor((count / total) * 100)}%`.padStart(4);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const head = `${label}  [${bar}] ${percent} ${count}/${total}`;
  const room = columns - head.length - 2;
  if (!item || room < 8) return head.slice(0, Math.max(0, columns - 1));
  const shown = item.length > room ? `…${item.slice(item.length - room + 1)}` : item;
  return `${head}  ${shown}`;
}
