import type { QuarantinedFile } from './build-records.ts';

export const QUARANTINE_FILE = 'quarantine.json';

// The machine-readable list of files a --quarantine build left out (release notes name them).
// Always written, empty when nothing was left out, so dist/ never keeps a stale list.
export function quarantineJson(quarantined: readonly QuarantinedFile[]): string {
  const files = [...quarantined]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((q) => ({
      file: q.file,
      errors: q.diagnostics.map((d) => ({
        code: d.code,
        message: d.message,
        line: d.line ?? null,
        field: d.field ?? null,
      })),
    }));
  return `${JSON.stringify({ quarantined: files }, null, 2)}\n`;
}
