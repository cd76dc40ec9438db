// Scores a parsed record against the generator's truth, field by field. The generator knows what
// it printed, so this measures the parser on documents it has never seen.
import type { Document } from '../types.ts';
import type { Truth } from './truth.ts';

// question_count is strict (every "Vraag 4, 5" block split); question_numbers and question_text
// accept a block kept whole.
export const SCORED_FIELDS = [
  'id',
  'type',
  'title',
  'askers',
  'addressees',
  'submitted',
  'answered',
  'answerer',
  'co_answerers',
  'question_count',
  'question_numbers',
  'question_text',
  'answer_groups',
  'answer_text',
  'footnotes',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** Letters only, lower case, the first 30: immune to line breaks, hyphenation and glued markers. */
export const textKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-zà-ÿ]/g, '')
    .slice(0, 30);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const squash = (s: string | null | undefined): string | null =>
  s == null ? null : s.replace(/\s+/g, ' ').trim();

export function scoreDocument(doc: Document | null, truth: Truth): Record<ScoredField, boolean> {
  if (!doc)
    return Object.fromEntries(SCORED_FIELDS.map((f) => [f, false])) as Record<ScoredField, boolean>;
  const answerer = doc.answerer
    ? { role: doc.answerer.role, name: doc.answerer.name, portfolio: doc.answerer.portfolio }
    : null;
  return {
    id: doc.id === truth.id,
    type: doc.type === truth.type,
    title: squash(doc.title) === truth.title,
    askers: same(doc.askers?.map((a) => ({ name: a.name, party: a.party })) ?? null, truth.askers),
    addressees: same(doc.addressees, truth.addressees),
    submitted: doc.submitted === truth.submitted,
    answered: doc.answered === truth.answered,
    answerer: same(answerer, truth.answerer),
    co_answerers: truth.co_answerers === null || same(doc.co_answerers, truth.co_answerers),
    question_count: doc.questions.length === truth.questions.length,
    // Every printed number accounted for, in order; a block kept whole ("Vraag 4, 5" as one entry
    // with a warning, as DESIGN.md allows when its paragraphs are unclear) still counts here.
    question_numbers: same(
      doc.questions.flatMap((q) => q.numbers),
      truth.questions.map((q) => q.number),
    ),
    question_text: doc.questions.every(
      (q) =>
        textKey(q.text) === textKey(truth.questions.find((t) => t.number === q.number)?.text ?? ''),
    ),
    answer_groups: same(
      doc.answers.map((a) => a.questions),
      truth.answers.map((a) => a.questions),
    ),
    answer_text: same(
      doc.answers.map((a) => textKey(a.text)),
      truth.answers.map((a) => textKey(a.text)),
    ),
    footnotes: same(
      doc.footnotes.map((f) => [f.number, f.urls]),
      truth.footnotes.map((f) => [f.number, f.urls]),
    ),
  };
}

export interface AccuracyTable {
  documents: number;
  /** field → share of documents right, overall and per rendering. */
  overall: Record<ScoredField, number>;
  byRendering: Record<string, { documents: number; fields: Record<ScoredField, number> }>;
  /** A few failures per field, for a person to look at. */
  examples: { field: ScoredField; file: string }[];
}

export function tabulate(
  results: { truth: Truth; score: Record<ScoredField, boolean> }[],
): AccuracyTable {
  const share = (rows: typeof results): Record<ScoredField, number> =>
    Object.fromEntries(
      SCORED_FIELDS.map((f) => [
        f,
        rows.length ? rows.filter((r) => r.score[f]).length / rows.length : 0,
      ]),
    ) as Record<ScoredField, number>;
  const renderings = [...new Set(results.map((r) => r.truth.rendering))].sort();
  const examples: AccuracyTable['examples'] = [];
  for (const field of SCORED_FIELDS) {
    for (const r of results.filter((x) => !x.score[field]).slice(0, 3))
      examples.push({ field, file: r.truth.file });
  }
  return {
    documents: results.length,
    overall: share(results),
    byRendering: Object.fromEntries(
      renderings.map((name) => {
        const rows = results.filter((r) => r.truth.rendering === name);
        return [name, { documents: rows.length, fields: share(rows) }];
      }),
    ),
    examples,
  };
}

export function formatAccuracy(table: AccuracyTable): string {
  const names = Object.keys(table.byRendering);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}`.padStart(6);
  const head = `${'field'.padEnd(17)}${'all'.padStart(6)}  ${names.map((n) => n.replace('pdf-text-', 'pdf-').padStart(13)).join('')}`;
  const rows = SCORED_FIELDS.map(
    (f) =>
      `${f.padEnd(17)}${pct(table.overall[f])}  ${names.map((n) => pct(table.byRendering[n]?.fields[f] ?? 0).padStart(13)).join('')}`,
  );
  const counts = `${'documents'.padEnd(17)}${String(table.documents).padStart(6)}  ${names.map((n) => String(table.byRendering[n]?.documents ?? 0).padStart(13)).join('')}`;
  return [
    `parser accuracy on generated documents (% of documents with the field right)`,
    head,
    counts,
    ...rows,
  ].join('\n');
}
