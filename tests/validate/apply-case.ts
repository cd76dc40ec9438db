// Applies one data case of cases.json to a copy of its base record.
export interface Case {
  description: string;
  set?: Record<string, unknown>;
  remove?: string[];
  valid: boolean;
  errors?: { code: string; field: string }[];
  warnings?: { code: string; field: string }[];
}

export interface CaseFile {
  base: Record<string, unknown>;
  cases: Case[];
}

export function applyCase(base: Record<string, unknown>, c: Case): Record<string, unknown> {
  const record = structuredClone(base);
  for (const [pointer, value] of Object.entries(c.set ?? {})) {
    const { parent, key } = locate(record, pointer);
    parent[key] = structuredClone(value);
  }
  for (const pointer of c.remove ?? []) {
    const { parent, key } = locate(record, pointer);
    delete parent[key];
  }
  return record;
}

function locate(
  record: Record<string, unknown>,
  pointer: string,
): { parent: Record<string, unknown>; key: string } {
  const parts = pointer.split('/').slice(1);
  const key = parts.pop();
  if (key === undefined) throw new Error(`bad pointer ${pointer}`);
  let parent: unknown = record;
  for (const part of parts) parent = (parent as Record<string, unknown>)[part];
  if (typeof parent !== 'object' || parent === null) throw new Error(`no parent for ${pointer}`);
  return { parent: parent as Record<string, unknown>, key };
}
