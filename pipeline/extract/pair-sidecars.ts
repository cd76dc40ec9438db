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

// This runs over every name of a 100k-document store: string searches instead of a split per
// name, and SIDECAR only for names that end the way a sidecar's must.
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** `name` ends with `suffix` (lower case), ASCII letters in any case, as SIDECAR's i flag reads. */
function endsWithIgnoringCase(name: string, suffix: string): boolean {
  const offset = name.length - suffix.length;
  if (offset < 0) return false;
  for (let i = 0; i < suffix.length; i++) {
    const want = suffix.charCodeAt(i);
    const got = name.charCodeAt(offset + i);
    if (got !== want && !(want >= 0x61 && want <= 0x7a && (got | 0x20) === want)) return false;
  }
  return true;
}

function maybeSidecar(name: string): boolean {
  return (
    endsWithIgnoringCase(name, '.metadata.xml') || endsWithIgnoringCase(name, '.metadata_owms.xml')
  );
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
    const sidecar = maybeSidecar(name) ? SIDECAR.exec(name) : null;
    if (sidecar) {
      // The directory and sidecar[1]: the path without the ".metadata(_owms).xml" SIDECAR matched.
      const key = path.slice(0, path.length - name.length + sidecar[1]!.length);
      // metadata.xml (flat name/content pairs) wins over metadata_owms.xml when both are there.
      if (!sidecars.has(key) || sidecar[2]!.toLowerCase() === 'metadata') sidecars.set(key, path);
      continue;
    }
    documents.push(path);
  }
  const used = new Set<string>();
  const entries = documents.map((path) => {
    const name = baseName(path);
    // The directory and the name up to its first dot.
    const dot = name.indexOf('.');
    const key = dot < 0 ? path : path.slice(0, path.length - name.length + dot);
    const metadataPath = sidecars.get(key) ?? null;
    if (metadataPath) used.add(metadataPath);
    return { path, metadataPath };
  });
  const orphanSidecars = [...sidecars.values()].filter((p) => !used.has(p)).sort();
  return { documents: entries, orphanSidecars, ignored };
}
