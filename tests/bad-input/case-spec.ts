// The shape of tests/bad-input/fixtures/*/case.json: what a hostile input is and what the
// pipeline must say about it.

export interface ExpectedDiagnostic {
  /** Input file name inside the case folder. */
  file: string;
  /**
   * refused: no record, the file is named in quarantine.json with `code`;
   * record: a record comes out (warnings allowed); warning: the build names the file in a
   * warning with `code` (a file that is not a document); any: record or refused, but `code`
   * (when given) must be reported either way.
   */
  outcome: 'refused' | 'record' | 'warning' | 'any';
  /** Diagnostic code, or a regular expression source when it contains ^. */
  code?: string;
  /** Line the diagnostic must name. */
  line?: number;
  /** JSON pointer (or ^regex) the diagnostic must name. */
  field?: string;
}

export interface CaseSpec {
  slug: string;
  title: string;
  note?: string;
  expect: ExpectedDiagnostic[];
  /** Extra properties of the output, checked by name in the test. */
  checks?: string[];
}

export function matches(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  return pattern.startsWith('^') ? new RegExp(pattern).test(value) : pattern === value;
}
