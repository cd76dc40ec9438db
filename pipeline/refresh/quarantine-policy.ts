// What the scheduled refresh does with documents the parser cannot read. Pure. A bad document
// never stops the dataset: it is left out, named in the release notes, quarantine.json and a
// workflow annotation. The refresh stops only on a regression (a record of the last release
// whose document now fails: the release refuses the removal) or when more than `maxShare` of
// the documents are quarantined, which points at a parser or source problem, not one document.

export const DEFAULT_MAX_QUARANTINE_SHARE = 0.02;

export interface QuarantineEntry {
  file: string;
  errors: { code: string; message: string; line: number | null; field: string | null }[];
}

export type QuarantineVerdict =
  | { ok: true; quarantined: number; share: number }
  | { ok: false; quarantined: number; share: number; reason: string };

export function judgeQuarantine(
  quarantined: number,
  released: number,
  maxShare: number = DEFAULT_MAX_QUARANTINE_SHARE,
): QuarantineVerdict {
  const total = quarantined + released;
  const share = total === 0 ? 0 : quarantined / total;
  if (share <= maxShare) return { ok: true, quarantined, share };
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  return {
    ok: false,
    quarantined,
    share,
    reason:
      `${quarantined} of ${total} documents (${percent(share)}) could not be read, more than the ` +
      `${percent(maxShare)} a refresh releases with; look at quarantine.json for a parser or source problem`,
  };
}

// GitHub Actions workflow commands: data escapes %, CR and LF; property values also : and ,
// (the runner's own escaping rules), so a file name cannot end the command or start another.
const escapeData = (value: string) =>
  value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (value: string) =>
  escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** One `::warning` line per quarantined file (paths from the project root), naming its first problem. */
export function quarantineAnnotations(entries: readonly QuarantineEntry[]): string[] {
  return entries.map((entry) => {
    const first = entry.errors[0];
    const where = first?.line === null || first?.line === undefined ? '' : `,line=${first.line}`;
    const problem = first ? `${first.code}: ${first.message}` : 'could not be read';
    const more = entry.errors.length > 1 ? ` (and ${entry.errors.length - 1} more)` : '';
    return `::warning file=${escapeProperty(entry.file)}${where},title=${escapeProperty('Quarantined document')}::${escapeData(
      `${entry.file} is left out of the release: ${problem}${more}`,
    )}`;
  });
}

/** quarantine.json as the build writes it, read defensively (a missing list is empty). */
export function parseQuarantineFile(text: string): QuarantineEntry[] {
  const value = JSON.parse(text) as { quarantined?: QuarantineEntry[] };
  return Array.isArray(value.quarantined) ? value.quarantined : [];
}
