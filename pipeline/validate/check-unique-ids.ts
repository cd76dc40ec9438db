import type { Diagnostic } from '../errors.ts';

export interface Claim {
  id: string;
  file: string;
}

// Two files claiming the same document id would make one silently overwrite the other in
// every table keyed by id. Each claimant gets an error naming all the others.
export function checkUniqueIds(claims: readonly Claim[]): Diagnostic[] {
  const byId = new Map<string, string[]>();
  for (const { id, file } of claims) byId.set(id, [...(byId.get(id) ?? []), file]);
  const diagnostics: Diagnostic[] = [];
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((f) => f !== file);
      diagnostics.push({
        severity: 'error',
        code: 'integrity/duplicate-id',
        message: `document id "${id}" is also claimed by ${others.join(', ')}; every document needs its own id`,
        file,
        field: '/id',
      });
    }
  }
  return diagnostics;
}
