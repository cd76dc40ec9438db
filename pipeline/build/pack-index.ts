// The index beside the pack (`records-<version>.index.json`) and its journal: every entry's
// offsets, summary and diagnostics, and the fingerprint and key of every document path, so a
// warm build need not walk the pack. Only ever a shortcut: without a usable one, the pack is walked.
import { appendFile, open, readFile, rename, stat } from 'node:fs/promises';
import type { Diagnostic } from '../errors.ts';
import type { RecordSummary } from './prepare-record.ts';
import { walkPack, type CachedOutcome, type Slot } from './pack-file.ts';

const INDEX_FORMAT = 3;
export const JOURNAL_SUFFIX = '.journal';

// The index stores a summary as an array of its fields (in this order) rather than an object,
// which makes the file of a hundred thousand entries about half as large and quicker to parse.
const SUMMARY_FIELDS = [
  'id',
  'title',
  'submitted',
  'answered',
  'session_year',
  'sha256',
  'questions',
  'answers',
  'facts',
  'askers',
  'footnotes',
  'references',
] as const satisfies readonly (keyof RecordSummary)[];

type IndexEntry = [
  key: string,
  start: number,
  offset: number,
  length: number,
  fragments: string,
  summary: unknown[] | null,
  diagnostics: Diagnostic[] | null,
  digest: string,
];

interface IndexFile {
  format: number;
  pack: number;
  entries: IndexEntry[];
  /** Path, fingerprint, and the entry's position in `entries`. */
  sources: [string, string, number][];
}

// Written in batches, never as one string: the index of a large store is tens of megabytes.
export async function writeIndex(
  path: string,
  index: Map<string, Slot>,
  sources: Map<string, [string, string]>,
  pack: number,
): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    let batch: string[] = [`{"format":${INDEX_FORMAT},"pack":${pack},"entries":[`];
    const put = async (text: string) => {
      batch.push(text);
      if (batch.length >= 2000) {
        await handle.write(batch.join(''));
        batch = [];
      }
    };
    const position = new Map<string, number>();
    for (const [key, s] of index) {
      await put(`${position.size === 0 ? '' : ','}${JSON.stringify(toIndexEntry(key, s))}`);
      position.set(key, position.size);
    }
    await put('],"sources":[');
    let first = true;
    for (const [file, [print, key]] of sources) {
      const at = position.get(key);
      if (at === undefined) continue;
      await put(`${first ? '' : ','}${JSON.stringify([file, print, at])}`);
      first = false;
    }
    await put(']}');
    await handle.write(batch.join(''));
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

export async function appendJournal(
  indexPath: string,
  index: Map<string, Slot>,
  appended: readonly string[],
  before: Map<string, [string, string]>,
  now: Map<string, [string, string]>,
  pack: number,
): Promise<void> {
  const line: JournalLine = { pack, entries: [], sources: [], gone: [] };
  for (const key of appended) {
    const s = index.get(key);
    if (s !== undefined) line.entries.push(toIndexEntry(key, s));
  }
  for (const [file, [print, key]] of now) {
    const was = before.get(file);
    if (was === undefined || was[0] !== print || was[1] !== key)
      line.sources.push([file, print, key]);
  }
  for (const file of before.keys()) if (!now.has(file)) line.gone.push(file);
  await appendFile(`${indexPath}${JOURNAL_SUFFIX}`, `${JSON.stringify(line)}\n`);
}

// A slot as the index and the journal store it, and back. (An entry whose summary is not in
// memory is stored without it: the pack has it.)
function toIndexEntry(key: string, s: Slot): IndexEntry {
  return [
    key,
    s.start,
    s.offset,
    s.length,
    s.fragments.join(','),
    s.meta?.record ? SUMMARY_FIELDS.map((f) => s.meta!.record![f]) : null,
    s.meta === undefined ? null : s.meta.diagnostics,
    s.digest,
  ];
}

function fromIndexEntry(entry: IndexEntry): Slot {
  const [, start, offset, length, fragments, summary, diagnostics, digest] = entry;
  let meta: CachedOutcome | undefined;
  if (diagnostics !== null) {
    const record =
      summary === null ? null : Object.fromEntries(SUMMARY_FIELDS.map((f, i) => [f, summary[i]]));
    meta = { record: record as unknown as RecordSummary | null, diagnostics };
  }
  const lengths = fragments === '' ? [] : fragments.split(',').map(Number);
  return { start, offset, length, fragments: lengths, digest, meta };
}

// The index when it matches the pack, plus any entries appended after it was written; else a
// walk over the whole pack. Either way `end` is where the last whole entry ends.
export async function loadIndex(
  packPath: string,
  indexPath: string,
): Promise<{
  index: Map<string, Slot>;
  sources: Map<string, [string, string]>;
  end: number;
  indexed: number;
  journalBytes: number;
}> {
  const packSize = await stat(packPath).then(
    (s) => s.size,
    () => 0,
  );
  const index = new Map<string, Slot>();
  const sources = new Map<string, [string, string]>();
  let from = 0;
  let journal = { pack: 0, bytes: 0 };
  /** Whether an index was read (without one there is nothing for a journal to add to). */
  let based = false;
  try {
    const file = JSON.parse(await readFile(indexPath, 'utf8')) as IndexFile;
    if (file.format === INDEX_FORMAT && file.pack <= packSize) {
      for (const entry of file.entries) index.set(entry[0], fromIndexEntry(entry));
      for (const [path, print, at] of file.sources) {
        const key = file.entries[at]?.[0];
        if (key !== undefined) sources.set(path, [print, key]);
      }
      from = file.pack;
      based = true;
      journal = await applyJournal(`${indexPath}${JOURNAL_SUFFIX}`, packSize, index, sources);
      from = Math.max(from, journal.pack);
    }
  } catch {
    // No index, or a damaged one: the pack itself says what it holds.
    index.clear();
    sources.clear();
    from = 0;
    based = false;
    journal = { pack: 0, bytes: 0 };
  }
  const end = await walkPack(packPath, packSize, from, index);
  return { index, sources, end, indexed: based ? from : -1, journalBytes: journal.bytes };
}

// The journal beside the index: one line per build that changed little, so a build that adds a
// document appends a line instead of rewriting an index of tens of megabytes. A torn last line
// (a killed build) is ignored; the pack walk finds its entries.
interface JournalLine {
  pack: number;
  entries: IndexEntry[];
  sources: [string, string, string][];
  gone: string[];
}

async function applyJournal(
  path: string,
  packSize: number,
  index: Map<string, Slot>,
  sources: Map<string, [string, string]>,
): Promise<{ pack: number; bytes: number }> {
  const text = await readFile(path, 'utf8').catch(() => '');
  let pack = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let change: JournalLine;
    try {
      change = JSON.parse(line) as JournalLine;
    } catch {
      break;
    }
    if (change.pack > packSize) break;
    for (const entry of change.entries) index.set(entry[0], fromIndexEntry(entry));
    for (const gone of change.gone) sources.delete(gone);
    for (const [file, print, key] of change.sources) sources.set(file, [print, key]);
    pack = change.pack;
  }
  return { pack, bytes: text.length };
}
