import type { Document } from '../types.ts';
import { answeredBy } from './record-names.ts';
import type { DocMeta } from './doc-meta.ts';
import { officialUrl } from './doc-meta.ts';
import { compareText } from './html.ts';

// The record as the document page needs it, in short keys: the page is drawn in the browser
// from these (see client-document.ts), a hundred records to a data file.

export interface DocEntry {
  i: string;
  /** type */ k: Document['type'];
  /** title as stated (null: none stated) */ t: string | null;
  /** heading */ h: string;
  /** askers: [name, party] */ a: [string, string | null][];
  /** addressees */ to: string[];
  /** answered by, with portfolio */ b: string;
  /** co-answerers */ co: string[];
  s: string | null;
  r: string | null;
  d: number | null;
  /** chamber */ ch: string | null;
  /** session year */ sy: string | null;
  /** Aanhangsel number */ n: number | null;
  /** case number */ z: string | null;
  /** official publication */ u: string | null;
  /** source: path, format, sha256 */ src: [string, string, string];
  /** questions: [numbers, text, footnote numbers] */ q: [number[], string, number[]][];
  /** answers: [question numbers, text, footnote numbers] */ an: [number[], string, number[]][];
  /** footnotes: [number, text, urls] */ f: [number, string, string[]][];
  /** references: [text, identifier, link] */ rf: [string, string | null, string | null][];
  /** warnings: [code, message, field] */ w: [string, string, string | null][];
  /** the other documents of the case: [id, type, date, heading] */ c?: [
    string,
    string,
    string | null,
    string,
  ][];
}

export function docEntry(doc: Document, heading: string): DocEntry {
  return {
    i: doc.id,
    k: doc.type,
    t: doc.title,
    h: heading,
    a: (doc.askers ?? []).map((x) => [x.name, x.party]),
    to: doc.addressees ?? [],
    b: answeredBy(doc),
    co: doc.co_answerers ?? [],
    s: doc.submitted,
    r: doc.answered,
    d: doc.response_days,
    ch: doc.chamber,
    sy: doc.session_year,
    n: doc.number,
    z: doc.case_number,
    u: officialUrl(doc),
    src: [doc.source.path, doc.source.format, doc.source.sha256],
    q: doc.questions.map((q) => [q.numbers, q.text, q.footnotes]),
    an: doc.answers.map((x) => [x.questions, x.text, x.footnotes]),
    f: doc.footnotes.map((f) => [f.number, f.text, f.urls]),
    rf: doc.references.map((r) => [r.text, r.identifier, null]),
    w: doc.warnings.map((w) => [w.code, w.message, w.field ?? null]),
  };
}

/** What the whole dataset knows that one record does not: other ids and who shares a case. */
export interface EntryContext {
  byId: ReadonlyMap<string, DocMeta>;
  byCase: ReadonlyMap<string, readonly DocMeta[]>;
}

export function caseIndex(metas: Iterable<DocMeta>): Map<string, DocMeta[]> {
  const byCase = new Map<string, DocMeta[]>();
  for (const m of metas) {
    if (!m.case_number) continue;
    const list = byCase.get(m.case_number);
    if (list) list.push(m);
    else byCase.set(m.case_number, [m]);
  }
  return byCase;
}

/**
 * The entry's JSON (without rf) completed: each reference linked where it can be, and the
 * case's other documents, oldest first. Works on the text so the record is not parsed again.
 */
export function completeEntryJson(
  id: string,
  json: string,
  references: DocEntry['rf'],
  ctx: EntryContext,
): string {
  const rf = references.map(([text, ref]) => [text, ref, referenceLink(ref, ctx)]);
  const caseNumber = ctx.byId.get(id)?.case_number;
  const siblings = caseNumber ? (ctx.byCase.get(caseNumber) ?? []).filter((m) => m.id !== id) : [];
  const c = siblings
    .map((m): [string, string, string | null, string] => [
      m.id,
      m.type,
      m.answered ?? m.submitted,
      m.title,
    ])
    .sort((x, y) => compareText(x[2] ?? '', y[2] ?? '') || compareText(x[0], y[0]));
  return `${json.slice(0, -1)},"rf":${JSON.stringify(rf)}${c.length ? `,"c":${JSON.stringify(c)}` : ''}}`;
}

export function documentHref(id: string): string {
  return `doc.html?id=${encodeURIComponent(id)}`;
}

function referenceLink(id: string | null, ctx: EntryContext): string | null {
  if (!id) return null;
  if (ctx.byId.has(id)) return documentHref(id);
  const sharing = ctx.byCase.get(id);
  if (sharing?.[0]) return documentHref(sharing[0].id);
  if (/^(kst|ah-tk|kv-tk|stb|stcrt)-/.test(id))
    return `https://zoek.officielebekendmakingen.nl/${id}`;
  return null;
}
