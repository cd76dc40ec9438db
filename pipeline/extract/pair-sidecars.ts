// Which files under documents/ are documents and which are the metadata published beside them.
// The fetcher stores `documents/<id>.xml` with `documents/<id>.metadata.xml`; any rendering of the
// same publication (`<id>.html`, `<id>.pdf`, `<id>.<slug>.pdf.txt`) takes that metadata too.

export interface DocumentEntry {
  path: string;
  /** The `<id>.metadata.xml` (or `<id>.metadata_owms.xml`) beside it, when there is one. */
  metadataPath: string | null;
}

export interface DocumentSet {
  documents: DocumentEntry[];
  /** Metadata files with no document of the same id (kept, but worth a warning). */
  orphanSidecars: string[];
  /** Names that are neither: hidden files such as the fetcher's `.x.partial-…` temp files. */
  ignored: string[];
}

const SIDECAR = /^(.+?)\.(metadata|metadata_owms)\.xml$/i;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** `paths` as found in documents/ (any order); the result is sorted by path. */
export function pairSidecars(paths: readonly string[]): DocumentSet {
  const sorted = [...paths].sort();
  const sidecars = new Map<string, string>();
  const ignored: string[] = [];
  const documents: string[] = [];
  for (const path of sorted) {
    const name = baseName(path);
    if (name.startsWith('.')) {
      ignored.push(path);
      continue;
    }
    const sidecar = SIDECAR.exec(name);
    if (sidecar) {
      const dir = path.slice(0, path.length - name.length);
      const key = `${dir}${sidecar[1]}`;
      // metadata.xml (flat name/content pairs) wins over metadata_owms.xml when both are there.
      if (!sidecars.has(key) || sidecar[2]!.toLowerCase() === 'metadata') sidecars.set(key, path);
      continue;
    }
    documents.push(path);
  }
  const used = new Set<string>();
  const entries = documents.map((path) => {
    const name = baseName(path);
    const key = `${path.slice(0, path.length - name.length)}${name.split('.')[0]}`;
    const metadataPath = sidecars.get(key) ?? null;
    if (metadataPath) used.add(metadataPath);
    return { path, metadataPath };
  });
  const orphanSidecars = [...sidecars.values()].filter((p) => !used.has(p)).sort();
  return { documents: entries, orphanSidecars, ignored };
}
