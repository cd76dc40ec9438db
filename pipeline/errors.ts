// One error type for every stage: a code a script can switch on, where it happened (file, and
// line or field), and a message a person can act on. Problems with the data are collected as
// Diagnostics (plain data); KamervragenError is what stops a command.

export type Severity = 'error' | 'warning';

export interface Place {
  /** Path of the file concerned, as the user gave it or relative to the project root. */
  file?: string;
  line?: number;
  /** JSON pointer of the field concerned, e.g. /answers/3/questions. */
  field?: string;
}

export interface Diagnostic extends Place {
  severity: Severity;
  /** stage/what, e.g. parse/no-questions, schema/required, integrity/unknown-question. */
  code: string;
  message: string;
}

export class KamervragenError extends Error {
  readonly code: string;
  readonly place: Place;
  /** Exit status the CLI uses for this error. */
  readonly exitCode: number;

  constructor(code: string, message: string, place: Place = {}, exitCode = 1) {
    super(message);
    this.name = 'KamervragenError';
    this.code = code;
    this.place = place;
    this.exitCode = exitCode;
  }

  toDiagnostic(): Diagnostic {
    return { severity: 'error', code: this.code, message: this.message, ...this.place };
  }
}

// Control characters (line breaks above all), line and paragraph separators and bidi controls,
// as escapes: a file named "x\n::warning::y" must print as one line, never as a second line a
// terminal or GitHub Actions would read as a command of its own.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every character that could break or reorder a report line escaped. */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function formatPlace(place: Place): string {
  if (!place.file) return place.field ? `(${printable(place.field)})` : '';
  const line = place.line === undefined ? '' : `:${place.line}`;
  const field = place.field === undefined ? '' : ` ${printable(place.field)}`;
  return `${printable(place.file)}${line}${field}`;
}

/** `documents/x.txt:12: error parse/no-questions: no "Vraag 1" heading found` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatPlace(d);
  return `${where ? `${where}: ` : ''}${d.severity} ${d.code}: ${printable(d.message)}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Error codes of the system that mean the disk or the file system, not the program, is at fault. */
const IO_CODES = new Set([
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'ENOENT',
  'EACCES',
  'EPERM',
  'EIO',
  'ENOTDIR',
  'EISDIR',
  'EMFILE',
  'ENFILE',
  'EFBIG',
  'EXDEV',
  'EBUSY',
  'ETXTBSY',
  'ENAMETOOLONG',
  'ELOOP',
]);

/** Codes that blame the file written to rather than the one read. */
const WRITE_SIDE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EFBIG']);

/**
 * A failed file system call as the error a person acts on (exit 1, the path named), or null
 * when `error` is no such failure. `path` names the file when the system does not (a write).
 */
export function ioError(error: unknown, path?: string): KamervragenError | null {
  if (error instanceof KamervragenError) return error;
  const e = error as NodeJS.ErrnoException | null;
  if (e === null || typeof e !== 'object' || typeof e.code !== 'string' || !IO_CODES.has(e.code))
    return null;
  // A copy that runs out of room names its destination (the full disk), not its source.
  const dest = (e as { dest?: unknown }).dest;
  const file = typeof dest === 'string' && WRITE_SIDE.has(e.code) ? dest : (e.path ?? path);
  const what = e.syscall === undefined ? '' : ` (${e.syscall})`;
  const reason = e.message.replace(/^[A-Z]+: /, '').replace(/,.*$/, '');
  return new KamervragenError(
    `io/${e.code.toLowerCase()}`,
    `${reason}${what}; free space or fix the permissions, then run again`,
    file === undefined ? {} : { file },
  );
}
