import { describe, expect, it } from 'vitest';
import {
  formatDiagnosticReport,
  formatGithubAnnotations,
} from '../../pipeline/cli/ui/diagnostics.ts';
import { takeGlobalFlags } from '../../pipeline/cli/ui/options.ts';
import { renderProgressLine } from '../../pipeline/cli/ui/progress.ts';
import type { Diagnostic } from '../../pipeline/errors.ts';

const diagnostics: Diagnostic[] = [
  {
    severity: 'warning',
    code: 'parse/combined-question',
    message: 'kept as one entry',
    file: 'documents/b.txt',
    field: '/questions/3',
  },
  {
    severity: 'error',
    code: 'parse/no-questions',
    message: 'no "Vraag 1" heading found',
    file: 'documents/b.txt',
    line: 12,
  },
  {
    severity: 'error',
    code: 'schema/required',
    message: 'must have id',
    file: 'documents/a.xml',
    line: 3,
  },
];

describe('diagnostics report', () => {
  it('groups per file in path order, lines in order, and counts', () => {
    const text = formatDiagnosticReport(diagnostics, false);
    expect(text.split('\n')).toEqual([
      'documents/a.xml',
      '  3  error    must have id  schema/required',
      '',
      'documents/b.txt',
      '  /questions/3  warning  kept as one entry  parse/combined-question',
      '  12            error    no "Vraag 1" heading found  parse/no-questions',
      '',
      '2 errors, 1 warning in 2 files',
      '',
    ]);
    expect(formatDiagnosticReport([], false)).toBe('');
  });

  it('colours only when asked', () => {
    expect(formatDiagnosticReport(diagnostics, true)).toContain('\u001b[31m');
    expect(formatDiagnosticReport(diagnostics, false)).not.toContain('\u001b[');
  });
});

describe('GitHub annotations', () => {
  it('one workflow command per diagnostic, with file, line and title', () => {
    expect(formatGithubAnnotations(diagnostics).split('\n')).toEqual([
      '::warning file=documents/b.txt,title=parse/combined-question::kept as one entry (/questions/3)',
      '::error file=documents/b.txt,line=12,title=parse/no-questions::no "Vraag 1" heading found',
      '::error file=documents/a.xml,line=3,title=schema/required::must have id',
      '',
    ]);
  });

  it('escapes what would end the command early', () => {
    const out = formatGithubAnnotations([
      { severity: 'error', code: 'x/y', message: '100% broken\nsecond line', file: 'a,b:c.txt' },
    ]);
    expect(out).toBe('::error file=a%2Cb%3Ac.txt,title=x/y::100%25 broken%0Asecond line\n');
  });
});

describe('progress line', () => {
  it('shows the bar, percentage, count and the current item, cut to the terminal width', () => {
    const line = renderProgressLine(
      'build',
      30,
      120,
      'documents/ah-tk-20182019-3922.kaag-sjoerdsma-emotieherkenningssoftware.pdf.txt',
      60,
    );
    expect(line.startsWith('build  [█████░░░░░░░░░░░░░░░]  25% 30/120  …')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(60);
    expect(renderProgressLine('site', 5, 5, undefined, 80)).toBe(
      'site  [████████████████████] 100% 5/5',
    );
  });
});

describe('global flags', () => {
  it('are taken from anywhere before --, the rest is left for the command', () => {
    const { options, rest } = takeGlobalFlags([
      'build',
      '--json',
      '--out',
      'x',
      '-q',
      '--',
      '--json',
    ]);
    expect(options).toEqual({ quiet: true, json: true, color: undefined });
    expect(rest).toEqual(['build', '--out', 'x', '--', '--json']);
  });
});
