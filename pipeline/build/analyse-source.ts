// One source file in, its outcome out: the parsed and validated record (or null) and everything
// reported about it. Pure apart from what parseSource awaits; shared by the build's main thread,
// its worker threads and its record cache, so all three give the same outcome for the same bytes.
import { hasErrors, type Diagnostic } from '../errors.ts';
import { initialsFor } from '../normalize/initials.ts';
import { normalizeDocument } from '../normalize/normalize-document.ts';
import { parseSource } from '../parse/parse-source.ts';
import type { Document, SourceFile } from '../types.ts';
import { validateDocument } from '../validate/validate-document.ts';
import { pushAll } from '../parse/common/lists.ts';

export interface SourceOutcome {
  /** The valid record, or null when the file has errors. */
  record: Document | null;
  /** Everything reported about the file, warnings included. */
  diagnostics: Diagnostic[];
}

export async function analyseSource(source: SourceFile): Promise<SourceOutcome> {
  const diagnostics: Diagnostic[] = [];
  let record: Document | null = null;
  try {
    const result = await parseSource(source);
    pushAll(diagnostics, result.diagnostics);
    const submitters = result.metadata?.submitters ?? [];
    record =
      result.document === null
        ? null
        : normalizeDocument(result.document, {
            initials:
              submitters.length === 0 || result.document.askers === null
                ? undefined
                : initialsFor(result.document.askers, submitters),
          });
  } catch (error) {
    // A parser bug must not take the whole build down or hide which file triggered it.
    diagnostics.push({
      severity: 'error',
      code: 'parse/crash',
      message: `the parser failed on this file (${error instanceof Error ? error.message : String(error)}); this is a bug in the parser, please report it with the file`,
      file: source.path,
    });
  }
  if (record === null && !hasErrors(diagnostics)) {
    diagnostics.push({
      severity: 'error',
      code: 'parse/no-record',
      message: 'the parser returned no record and gave no reason',
      file: source.path,
    });
  }
  if (record !== null) pushAll(diagnostics, validateDocument(record, source.path));
  return { record: hasErrors(diagnostics) ? null : record, diagnostics };
}
