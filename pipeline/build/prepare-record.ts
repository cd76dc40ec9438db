// A parsed record turned into what the build needs from it later: a small summary (for the
// release plan, the counts and the id order) and its exact bytes in every export file. Done
// per record, on the worker threads, and cached, so the export only concatenates fragments
// in id order and no build has to hold every record in memory at once.
import type { Diagnostic } from '../errors.ts';
import { csvRows } from '../export/to-csv.ts';
import { recordJson, type RecordJson } from '../export/record-json.ts';
import { TABLES } from '../export/tables.ts';
import { recordFacts, type RecordFacts } from '../normalize/record-facts.ts';
import { recordHash, sha256Hex } from '../package/hash-record.ts';
import type { Document } from '../types.ts';
import type { SourceOutcome } from './analyse-source.ts';

export interface RecordSummary {
  id: string;
  title: string | null;
  submitted: string | null;
  answered: string | null;
  session_year: string | null;
  /** recordHash of the record, as the release manifest stores it. */
  sha256: string;
  questions: number;
  answers: number;
  /** What the cases table and the mapping report need of the record. */
  facts: RecordFacts;
  askers: number;
  footnotes: number;
  references: number;
}

/** The record's bytes in each export file, in EXPORT_FILES order (json, ndjson, then the CSVs). */
export type Fragments = string[];

/** Fragments as text or as the UTF-8 bytes the record store keeps. */
export type FragmentBytes = readonly (string | Uint8Array)[];

export interface PreparedOutcome {
  record: RecordSummary | null;
  diagnostics: Diagnostic[];
  fragments: Fragments | null;
}

export function summarise(record: Document): RecordSummary {
  return summary(record, recordHash(record));
}

function summary(record: Document, sha256: string): RecordSummary {
  return {
    id: record.id,
    title: record.title,
    submitted: record.submitted,
    answered: record.answered,
    session_year: record.session_year ?? null,
    sha256,
    questions: record.questions.length,
    answers: record.answers.length,
    facts: recordFacts(record),
    askers: record.askers?.length ?? 0,
    footnotes: record.footnotes.length,
    references: record.references.length,
  };
}

export function prepareOutcome(outcome: SourceOutcome): PreparedOutcome {
  if (outcome.record === null)
    return { record: null, diagnostics: outcome.diagnostics, fragments: null };
  const record = outcome.record;
  const json = recordJson(record);
  return {
    record: summary(record, sha256Hex(json.canonical)),
    diagnostics: outcome.diagnostics,
    fragments: fragmentsFrom(record, json),
  };
}

// The export's own pieces, fed one record: the JSON array's element as the array file writes
// it after "[\n" (indented, without separator), the NDJSON line, and each table's rows without
// the header line (tables read fields by name, so key order does not matter to them).
export function fragmentsOf(record: Document): Fragments {
  return fragmentsFrom(record, recordJson(record));
}

function fragmentsFrom(record: Document, json: RecordJson): Fragments {
  const fragments = [json.element, json.line];
  for (const table of TABLES) fragments.push(csvRows(table, record));
  return fragments;
}
