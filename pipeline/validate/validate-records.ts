import type { Diagnostic } from '../errors.ts';
import { checkUniqueIds, type Claim } from './check-unique-ids.ts';
import { validateDocument } from './validate-document.ts';
import { pushAll } from '../parse/common/lists.ts';

export interface RecordText {
  /** File name, for the diagnostics. */
  file: string;
  text: string;
}

// Validates published record files (kamervragen.json: an array; .ndjson: one record per line),
// as a user would check a download: schema, integrity, ids unique across all files.
export function validateRecordFiles(inputs: readonly RecordText[]): {
  records: number;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const claims: Claim[] = [];
  let records = 0;
  for (const { file, text } of inputs) {
    for (const entry of splitRecords(file, text, diagnostics)) {
      records += 1;
      for (const d of validateDocument(entry.value, file)) {
        diagnostics.push(relocate(d, entry));
      }
      const id = (entry.value as { id?: unknown } | null)?.id;
      if (typeof id === 'string') {
        claims.push({
          id,
          file,
          ...(entry.line === undefined ? {} : { line: entry.line }),
          field: `${entry.prefix}/id`,
        });
      }
    }
  }
  pushAll(diagnostics, checkUniqueIds(claims));
  return { records, diagnostics };
}

interface Entry {
  value: unknown;
  /** JSON pointer of the record inside a JSON file ("" for a single record). */
  prefix: string;
  /** Line of the record in an NDJSON file. */
  line?: number;
}

function relocate(d: Diagnostic, entry: Entry): Diagnostic {
  const out: Diagnostic = { ...d, field: `${entry.prefix}${d.field ?? ''}` };
  if (entry.line !== undefined) out.line = entry.line;
  if (out.field === '') delete out.field;
  return out;
}

function splitRecords(file: string, text: string, diagnostics: Diagnostic[]): Entry[] {
  const fail = (message: string, line?: number): Entry[] => {
    diagnostics.push({
      severity: 'error',
      code: 'validate/not-json',
      message,
      file,
      ...(line === undefined ? {} : { line }),
    });
    return [];
  };
  if (/\.(ndjson|jsonl)$/i.test(file)) {
    const entries: Entry[] = [];
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        entries.push({ value: JSON.parse(line), prefix: '', line: index + 1 });
      } catch (error) {
        fail(`this line is not JSON (${(error as Error).message})`, index + 1);
      }
    });
    return entries;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  return Array.isArray(value)
    ? value.map((v, i) => ({ value: v, prefix: `/${i}` }))
    : [{ value, prefix: '' }];
}
