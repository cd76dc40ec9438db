import { formatPlace, type Diagnostic } from '../errors.ts';

export interface Claim {
  id: string;
  file: string;
  /** Line of the record, in a file of one record per line. */
  line?: number;
  /** JSON pointer of the record's id, in a file of many records (default /id). */
  field?: string;
}

// Two files claiming the same document id would make one silently overwrite the other in
// every table keyed by id. Each claimant gets an error naming all the others; with `keepFirst`
// (a quarantining build) the first claimant is kept and only the later ones get the error.
export function checkUniqueIds(
  claims: readonly Claim[],
  options: { keepFirst?: boolean } = {},
): Diagnostic[] {
  const byId = new Map<string, Claim[]>();
  for (const claim of claims) {
    const group = byId.get(claim.id);
    if (group) group.push(claim);
    else byId.set(claim.id, [claim]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const claim of options.keepFirst ? group.slice(1) : group) {
      const others = group.filter((c) => c !== claim).map((c) => formatPlace(place(c)));
      diagnostics.push({
        severity: 'error',
        code: 'integrity/duplicate-id',
        message:
          options.keepFirst === true
            ? `document id "${id}" is already taken by ${formatPlace(place(group[0]!))}, which is kept; every document needs its own id`
            : `document id "${id}" is also claimed by ${others.join(', ')}; every document needs its own id`,
        ...place(claim),
      });
    }
  }
  return diagnostics;
}

function place(claim: Claim): { file: string; line?: number; field: string } {
  return {
    file: claim.file,
    ...(claim.line === undefined ? {} : { line: claim.line }),
    field: claim.field ?? '/id',
  };
}
