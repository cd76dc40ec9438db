import { gunzipSync } from 'node:zlib';
import type { SiteFile } from '../../../pipeline/site/build-site.ts';
import type { DocEntry } from '../../../pipeline/site/doc-entry.ts';
import { decodePostings } from '../../../pipeline/site/search/script-data.ts';
import { fold, shardPath } from '../../../pipeline/site/search/search-text.ts';
import type { DataManifest, ResultRow } from '../../../pipeline/site/site-data.ts';

// Reads the site's data files as the browser does: runs each script against a window.KV that
// keeps what it is handed, and inflates the record files.
export class SiteData {
  readonly store = new Map<string, unknown>();
  constructor(files: readonly SiteFile[]) {
    const KV = { put: (path: string, value: unknown) => this.store.set(path, value) };
    for (const f of files)
      if (/^(search|data)\/.*\.js$/.test(f.path)) new Function('window', f.content)({ KV });
  }
  get manifest(): DataManifest {
    return this.store.get('search/manifest.js') as DataManifest;
  }
  /** Every record's page data, in ordinal order. */
  entries(): DocEntry[] {
    return this.manifest.chunks.flatMap(([, path]) => {
      const packed = this.store.get(path) as string;
      return JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as DocEntry[];
    });
  }
  row(ordinal: number): ResultRow | undefined {
    const per = this.manifest.rowsPerFile;
    const list = this.store.get(`search/rows/${Math.floor(ordinal / per)}.js`) as ResultRow[];
    return list?.[ordinal % per];
  }
  /** The ordinals of the documents holding the word, from the shard the browser would load. */
  lookup(word: string): number[] {
    const w = fold(word);
    const shards = new Set(this.manifest.shards);
    for (let n = w.length; n > 0; n -= 1) {
      if (!shards.has(w.slice(0, n))) continue;
      const shard = this.store.get(shardPath(w.slice(0, n))) as Record<string, string> | undefined;
      return decodePostings(shard?.[w] ?? '');
    }
    return [];
  }
}
