import { printable, type Diagnostic } from '../../errors.ts';
import { palette } from './colors.ts';
import { maxOf } from '../../parse/common/lists.ts';

// Diagnostics as a person reads them: grouped under their file, errors before warnings,
// each line `  line  severity  code  message`; then a one-line count.
export function formatDiagnosticReport(diagnostics: readonly Diagnostic[], color: boolean): string {
  if (diagnostics.length === 0) return '';
  const c = palette(color);
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.file ?? '';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const files = [...groups.keys()].sort((a, b) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  );
  const out: string[] = [];
  for (const file of files) {
    const list = [...(groups.get(file) ?? [])].sort(
      (a, b) =>
        (a.line ?? 0) - (b.line ?? 0) ||
        severityRank(a) - severityRank(b) ||
        a.code.localeCompare(b.code),
    );
    out.push(c.bold(c.cyan(file === '' ? '(no file)' : printable(file))));
    const lineWidth = maxOf(list.map((d) => where(d).length));
    for (const d of list) {
      const sev = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const text = printable(d.message);
      out.push(
        `  ${c.dim(where(d).padEnd(lineWidth))}  ${sev}  ${text}  ${c.dim(printable(d.code))}`,
      );
    }
    out.push('');
  }
  out.push(countLine(diagnostics, color));
  return `${out.join('\n')}\n`;
}

export function countLine(diagnostics: readonly Diagnostic[], color: boolean): string {
  const c = palette(color);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [
    errors ? c.red(c.bold(plural(errors, 'error'))) : '0 errors',
    warnings ? c.yellow(plural(warnings, 'warning')) : '0 warnings',
  ];
  const files = new Set(diagnostics.map((d) => d.file ?? '')).size;
  return `${parts.join(', ')} in ${plural(files, 'file')}`;
}

function where(d: Diagnostic): string {
  if (d.line !== undefined) return String(d.line);
  return printable(d.field ?? '');
}

function severityRank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : 1;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// Data escapes %, CR, LF; property values also escape : and ,. Other control characters are
// escaped as in every report line (printable).
function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=documents/x.txt,line=12,title=parse/no-questions::message` — one per diagnostic. */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props: string[] = [];
      if (d.file) props.push(`file=${escapeProperty(d.file)}`);
      if (d.line !== undefined) props.push(`line=${d.line}`);
      props.push(`title=${escapeProperty(d.code)}`);
      const message = d.field && d.line === undefined ? `${d.message} (${d.field})` : d.message;
      return `::${d.severity} ${props.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}
