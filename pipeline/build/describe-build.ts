import { printable } from '../errors.ts';
import { QUARANTINE_FILE } from './quarantine-file.ts';
import type { BuildSummary } from './run-build.ts';

/** The build's result as data, for --json and the workflows. */
export function buildReport(summary: BuildSummary, out: string) {
  return {
    ok: summary.ok,
    out,
    version: summary.version,
    date: summary.date,
    sources: summary.counts.sources,
    parsed: summary.parsed,
    documents: summary.counts.documents,
    questions: summary.counts.questions,
    answers: summary.counts.answers,
    quarantined: summary.quarantined.map((q) => q.file),
    written: summary.written,
    errors: summary.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: summary.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/** The closing lines a person reads; the diagnostics themselves are printed before it. */
export function describeBuild(summary: BuildSummary, out: string): string {
  const { counts } = summary;
  if (!summary.ok) {
    const failed = new Set(
      summary.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file),
    );
    return (
      `build failed: ${failed.size} of ${counts.sources} document(s) have errors (listed above); ${out}/ was not changed.\n` +
      'Fix the documents, or run with --quarantine to build without them.\n'
    );
  }
  const version = summary.version === null ? '' : ` (version ${summary.version}, ${summary.date})`;
  const lines = [
    `built ${counts.documents} document(s) with ${counts.questions} questions and ${counts.answers} answers into ${out}/${version}`,
  ];
  if (summary.parsed < counts.sources)
    lines.push(
      `parsed ${summary.parsed} new or changed document(s); ${counts.sources - summary.parsed} unchanged ones came from the cache`,
    );
  if (summary.quarantined.length > 0) {
    lines.push(
      `quarantined ${summary.quarantined.length} document(s), listed in ${out}/${QUARANTINE_FILE}:`,
      ...summary.quarantined.map((q) => `  ${printable(q.file)}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
