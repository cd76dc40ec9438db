import { canonicalJson } from './hash-record.ts';
import type { Changes } from './release-types.ts';

// Fields whose parts a reader tells apart (a moved file is not a new text): named as "source.path".
const NESTED = new Set(['source', 'answerer']);

/** The record fields that differ between two versions of a record, in the newer one's key order. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const out: string[] = [];
  for (const key of keys) {
    if (canonicalJson(a[key] ?? null) === canonicalJson(b[key] ?? null)) continue;
    const inner = [a[key], b[key]].every(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    );
    if (NESTED.has(key) && inner)
      out.push(...changedFields(a[key], b[key]).map((k) => `${key}.${k}`));
    else out.push(key);
  }
  return out;
}

/** The changes with, for each changed record whose previous version is known, the fields that changed. */
export function withChangedFields(
  changes: Changes,
  fieldsOf: (id: string) => readonly string[] | null,
): Changes {
  return {
    ...changes,
    changed: changes.changed.map((ref) => {
      const fields = fieldsOf(ref.id);
      return fields === null ? ref : { ...ref, fields: [...fields] };
    }),
  };
}
