import type { Diagnostic } from '../errors.ts';

export interface SourceEntry {
  /** Path of the document file. */
  path: string;
  /** Path of its metadata sidecar (`<id>.metadata.xml` beside `<id>.xml` or `<id>.html`), if any. */
  metadataXml?: string;
}

const SIDECAR = /\.metadata\.xml$/;

// Which files in documents/ are documents. Names starting with "." are the fetcher's temp files
// (".x.partial-…", removed at its next start) and never documents. A metadata sidecar belongs
// to the document with the same stem; one without a document is reported, not dropped silently.
export function listSources(paths: readonly string[]): {
  entries: SourceEntry[];
  diagnostics: Diagnostic[];
} {
  const visible = paths.filter((p) => !p.split('/').some((part) => part.startsWith('.')));
  const sidecars = new Map(
    visible.filter((p) => SIDECAR.test(p)).map((p) => [p.replace(SIDECAR, ''), p]),
  );
  const used = new Set<string>();
  const entries = visible
    .filter((p) => !SIDECAR.test(p))
    .sort(byCodePoint)
    .map((path) => {
      const sidecar = sidecars.get(path.replace(/\.(xml|html?)$/i, ''));
      if (sidecar === undefined || !/\.(xml|html?)$/i.test(path)) return { path };
      used.add(sidecar);
      return { path, metadataXml: sidecar };
    });
  const diagnostics: Diagnostic[] = [...sidecars.values()]
    .filter((p) => !used.has(p))
    .sort(byCodePoint)
    .map((file) => ({
      severity: 'warning',
      code: 'build/orphan-metadata',
      message:
        'metadata file without its document (expected the .xml or .html publication beside it); it is not used',
      file,
    }));
  return { entries, diagnostics };
}

/** Code-point order: the same on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
