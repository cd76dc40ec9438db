// The state of the historical fetch: where the listing continues (the collection is closed, so
// the watermark is a position in a listing sorted by identifier, not a date) and what each item
// was when it was stored. Pure.
import { KamervragenError } from '../../errors.ts';

export interface SgdItemState {
  version: string | null;
  sha256: string;
  title: string | null;
  type: string | null;
  modified: string | null;
  ocr_url: string;
  page_url: string;
}

export interface SgdState {
  /** The query the cursor belongs to; another query starts from record 1. */
  query: string | null;
  /** 1-based position of the next record to list. */
  next_record: number;
  /** Times the whole listing was gone through. */
  passes: number;
  items: Record<string, SgdItemState>;
}

export const EMPTY_SGD_STATE: SgdState = { query: null, next_record: 1, passes: 0, items: {} };

export function parseSgdState(text: string, file: string): SgdState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new KamervragenError('fetch/state', `the state file is not JSON (${String(error)})`, {
      file,
    });
  }
  const r = raw as Partial<SgdState> | null;
  const valid =
    r !== null &&
    typeof r === 'object' &&
    (r.query === null || typeof r.query === 'string') &&
    Number.isInteger(r.next_record) &&
    (r.next_record ?? 0) >= 1 &&
    Number.isInteger(r.passes) &&
    typeof r.items === 'object' &&
    r.items !== null;
  if (!valid)
    throw new KamervragenError(
      'fetch/state',
      'the state file needs {query, next_record ≥ 1, passes, items}; fix or delete it to start over',
      { file },
    );
  return r as SgdState;
}

export function serializeSgdState(state: SgdState): string {
  const items = Object.fromEntries(
    Object.entries(state.items).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return `${JSON.stringify({ ...state, items }, null, 2)}\n`;
}
