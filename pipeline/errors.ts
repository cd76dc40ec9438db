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

export function formatPlace(place: Place): string {
  if (!place.file) return place.field ? `(${place.field})` : '';
  const line = place.line === undefined ? '' : `:${place.line}`;
  const field = place.field === undefined ? '' : ` ${place.field}`;
  return `${place.file}${line}${field}`;
}

/** `documents/x.txt:12: error parse/no-questions: no "Vraag 1" heading found` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatPlace(d);
  return `${where ? `${where}: ` : ''}${d.severity} ${d.code}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
