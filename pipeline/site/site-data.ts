import { gzipSync } from 'node:zlib';
import type { DocEntry, EntryContext } from './doc-entry.ts';
import { completeEntryJson } from './doc-entry.ts';
import type { DocMeta } from './doc-meta.ts';
import { compareGroups, compareInGroup } from './doc-meta.ts';
import { RESPONSE_NORM_DAYS, ministryOf, partiesOf, yearOf } from './summarize.ts';
import type { FacetKind, IndexManifest, SiteFileLike } from './search/index-builder.ts';
import { SearchIndexBuilder } from './search/index-builder.ts';
import { scriptData } from './search/script-data.ts';
import { idShard } from './search/search-text.ts';

// The data files behind search and the document pages, written one session year at a time
// so that only that year's texts are in memory at once.

/** Where each record's page data and words wait between reading and writing, by session year. */
export interface Spill {
  put(group: string, line: string): void | Promise<void>;
  groups(): string[];
  /** The lines of a group, once; the spill may forget them afterwards. */
  take(group: string): Promise<SpillLines>;
}

/** A group's lines, read one at a time: the id alone to sort them, the whole line to write it. */
export interface SpillLines {
  readonly length: number;
  id(i: number): string;
  line(i: number): string;
}

export function linesOf(list: readonly string[]): SpillLines {
  return {
    length: list.length,
    id: (i) => {
      const line = list[i] ?? '';
      return line.slice(0, line.indexOf('\t'));
    },
    line: (i) => list[i] ?? '',
  };
}

export class MemorySpill implements Spill {
  private readonly lines = new Map<string, string[]>();
  put(group: string, line: string): void {
    const list = this.lines.get(group);
    if (list) list.push(line);
    else this.lines.set(group, [line]);
  }
  groups(): string[] {
    return [...this.lines.keys()];
  }
  async take(group: string): Promise<SpillLines> {
    const list = this.lines.get(group) ?? [];
    this.lines.delete(group);
    return linesOf(list);
  }
}

/**
 * One spilled line: id, words joined by spaces, references (JSON) and the page data without
 * them (JSON), tab-separated; neither ids nor words hold a tab and JSON escapes its own.
 */
export function spillLine(
  id: string,
  words: readonly string[],
  rf: DocEntry['rf'],
  entryJson: string,
): string {
  return `${id}\t${words.join(' ')}\t${JSON.stringify(rf)}\t${entryJson}`;
}

interface Spilled {
  id: string;
  words: string;
  rf: string;
  json: string;
  meta: DocMeta;
}

function unspill(line: string, meta: DocMeta): Spilled {
  const a = line.indexOf('\t');
  const b = line.indexOf('\t', a + 1);
  const c = line.indexOf('\t', b + 1);
  return {
    id: meta.id,
    words: line.slice(a + 1, b),
    rf: line.slice(b + 1, c),
    json: line.slice(c + 1),
    meta,
  };
}

export const DOCS_PER_CHUNK = 100;
export const ROWS_PER_FILE = 250;

/** Everything the browser needs to find its way: loaded first by the search and the document page. */
export interface DataManifest extends IndexManifest {
  documents: number;
  rowsPerFile: number;
  idFiles: number;
  /** [first ordinal, file] of every data file, in ordinal order. */
  chunks: [number, string][];
}

/** A search result row: id, heading, askers, answered by, submitted, answered, days, type. */
export type ResultRow = [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  number | null,
  string,
];

export async function* dataFiles(
  spill: Spill,
  ctx: EntryContext,
): AsyncGenerator<SiteFileLike, DataManifest> {
  const index = new SearchIndexBuilder();
  const idFiles = Math.max(1, Math.ceil(ctx.byId.size / 1000));
  const ids: Record<string, number>[] = Array.from({ length: idFiles }, () => ({}));
  const chunks: [number, string][] = [];
  let rows: ResultRow[] = [];
  let ordinal = 0;
  for (const group of spill.groups().sort(compareGroups)) {
    const lines = await spill.take(group);
    const order = Array.from({ length: lines.length }, (_, i) => {
      const meta = ctx.byId.get(lines.id(i));
      if (!meta) throw new Error(`spilled record ${lines.id(i)} has no metadata`);
      return { i, meta };
    }).sort((a, b) => compareInGroup(a.meta, b.meta));
    for (let start = 0; start < order.length; start += DOCS_PER_CHUNK) {
      const slice = order
        .slice(start, start + DOCS_PER_CHUNK)
        .map((o) => unspill(lines.line(o.i), o.meta));
      const path = `data/${group}/${start / DOCS_PER_CHUNK}.js`;
      chunks.push([ordinal, path]);
      const json: string[] = [];
      for (const r of slice) {
        index.add(ordinal, r.words ? r.words.split(' ') : [], facetsOf(r.meta));
        (ids[idShard(r.id, idFiles)] as Record<string, number>)[r.id] = ordinal;
        rows.push(resultRow(r.meta));
        if (rows.length === ROWS_PER_FILE) {
          yield rowsFile(ordinal + 1 - ROWS_PER_FILE, rows);
          rows = [];
        }
        json.push(completeEntryJson(r.id, r.json, JSON.parse(r.rf) as DocEntry['rf'], ctx));
        ordinal += 1;
      }
      // Base64 needs no escaping inside a script string.
      yield { path, content: `window.KV.put(${JSON.stringify(path)}, "${packed(json)}");\n` };
    }
  }
  if (rows.length) yield rowsFile(ordinal - rows.length, rows);
  for (let i = 0; i < idFiles; i += 1) {
    const path = `data/ids/${i}.js`;
    yield { path, content: scriptData(path, ids[i]) };
  }
  const manifest = yield* index.files();
  return {
    ...manifest,
    documents: ordinal,
    rowsPerFile: ROWS_PER_FILE,
    idFiles,
    chunks,
  };
}

function rowsFile(first: number, rows: ResultRow[]): SiteFileLike {
  const path = `search/rows/${first / ROWS_PER_FILE}.js`;
  return { path, content: scriptData(path, rows) };
}

function resultRow(m: DocMeta): ResultRow {
  const askers = (m.askers ?? [])
    .map((a) => (a.party ? `${a.name} (${a.party})` : a.name))
    .join(', ');
  const who = [m.answerer?.role, m.answerer?.name].filter(Boolean).join(' ');
  const by = m.answerer?.portfolio ? `${who} (${m.answerer.portfolio})` : who;
  return [m.id, m.title, askers, by, m.submitted, m.answered, m.response_days, m.type];
}

export function facetsOf(m: DocMeta): [FacetKind, string][] {
  const out: [FacetKind, string][] = partiesOf(m).map((p): [FacetKind, string] => ['party', p]);
  const ministry = ministryOf(m);
  if (ministry) out.push(['ministry', ministry]);
  const year = yearOf(m);
  if (year !== null) out.push(['year', String(year)]);
  if (m.response_days !== null && m.response_days > RESPONSE_NORM_DAYS) out.push(['late', 'late']);
  return out;
}

/**
 * The records of a data file as gzip in base64: texts are most of the site and compress about
 * threefold; the browser inflates them with DecompressionStream.
 */
function packed(entries: readonly string[]): string {
  const parts = ['[', ...entries.flatMap((e, i) => (i ? [',', e] : [e])), ']'];
  return gzipSync(Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8'))), { level: 6 }).toString(
    'base64',
  );
}
