import type { Document } from '../types.ts';
import { questionAnswers } from './question-answers.ts';
import { schemaDescription as fromSchema } from './schema-description.ts';

export type Cell = string | number | null;
export type FieldType = 'string' | 'integer' | 'date' | 'boolean';

export interface Column {
  name: string;
  type: FieldType;
  description: string;
  /** The value is never empty. */
  required?: boolean;
}

export interface Table {
  /** Resource name; the file is `${name}.csv`. */
  name: string;
  description: string;
  columns: readonly Column[];
  primaryKey: readonly string[];
  /** Columns that refer to documents.id. */
  documentKey?: string;
  /** Further foreign keys: these columns refer to `keys` of another resource. */
  references?: readonly { fields: readonly string[]; resource: string; keys: readonly string[] }[];
  rows(doc: Document): Iterable<Cell[]>;
}

// Lists inside one cell (askers, addressees, question numbers) are joined with this, so a
// spreadsheet user sees them in one cell; the normalised form is askers.csv and friends.
export const LIST_SEPARATOR = '; ';

const join = (values: readonly (string | number)[] | null): string | null =>
  values === null ? null : values.join(LIST_SEPARATOR);
const documentId: Column = {
  name: 'document_id',
  type: 'string',
  required: true,
  description: 'The document this row belongs to (documents.id).',
};
const position = (what: string): Column => ({
  name: 'position',
  type: 'integer',
  required: true,
  description: `Position of the ${what} within its document, from 1, in printed order.`,
});

// A list cell is empty both when the document names nobody ([] in the JSON) and when the
// parser could not tell (null); the count beside it keeps the two apart.
function listCount(name: string, what: string, column: string): Column {
  return {
    name,
    type: 'integer',
    description: `Number of ${what}: 0 when the document names none ([] in the JSON), empty when unknown (null in the JSON); tells apart the two cases that both leave ${column} empty.`,
  };
}

function askerLabel(asker: { name: string; party: string | null }): string {
  return asker.party === null ? asker.name : `${asker.name} (${asker.party})`;
}

const documents: Table = {
  name: 'documents',
  description:
    'One row per document: metadata, with askers and co-answerers flattened into one cell each.',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'string', required: true, description: fromSchema('/properties/id') },
    { name: 'type', type: 'string', required: true, description: fromSchema('/properties/type') },
    { name: 'chamber', type: 'string', description: fromSchema('/properties/chamber') },
    { name: 'session_year', type: 'string', description: fromSchema('/properties/session_year') },
    { name: 'number', type: 'integer', description: fromSchema('/properties/number') },
    { name: 'case_number', type: 'string', description: fromSchema('/properties/case_number') },
    { name: 'title', type: 'string', description: fromSchema('/properties/title') },
    {
      name: 'askers',
      type: 'string',
      description: `${fromSchema('/properties/askers')} As "Name (Party)", separated by "${LIST_SEPARATOR}"; askers.csv has one row each.`,
    },
    {
      name: 'asker_parties',
      type: 'string',
      description: `Parties of the askers, each once, in printed order, separated by "${LIST_SEPARATOR}".`,
    },
    {
      name: 'addressees',
      type: 'string',
      description: `${fromSchema('/properties/addressees')} Separated by "${LIST_SEPARATOR}".`,
    },
    { name: 'submitted', type: 'date', description: fromSchema('/properties/submitted') },
    { name: 'answered', type: 'date', description: fromSchema('/properties/answered') },
    {
      name: 'response_days',
      type: 'integer',
      description: fromSchema('/properties/response_days'),
    },
    {
      name: 'answerer_role',
      type: 'string',
      description: fromSchema('/$defs/answerer/properties/role'),
    },
    {
      name: 'answerer_name',
      type: 'string',
      description: 'Surname of the member of government who answered.',
    },
    {
      name: 'answerer_portfolio',
      type: 'string',
      description: fromSchema('/$defs/answerer/properties/portfolio'),
    },
    {
      name: 'co_answerers',
      type: 'string',
      description: `${fromSchema('/properties/co_answerers')} Separated by "${LIST_SEPARATOR}".`,
    },
    {
      name: 'question_count',
      type: 'integer',
      required: true,
      description: 'Number of question entries (questions.csv rows).',
    },
    {
      name: 'answer_count',
      type: 'integer',
      required: true,
      description: 'Number of answers (answers.csv rows).',
    },
    {
      name: 'footnote_count',
      type: 'integer',
      required: true,
      description: 'Number of footnotes (footnotes.csv rows).',
    },
    {
      name: 'reference_count',
      type: 'integer',
      required: true,
      description: 'Number of references (references.csv rows).',
    },
    {
      name: 'warning_count',
      type: 'integer',
      required: true,
      description: `${fromSchema('/properties/warnings')} The number of such warnings; kamervragen.json has them in full.`,
    },
    {
      name: 'source_path',
      type: 'string',
      required: true,
      description: fromSchema('/$defs/source/properties/path'),
    },
    {
      name: 'source_format',
      type: 'string',
      required: true,
      description: fromSchema('/$defs/source/properties/format'),
    },
    {
      name: 'source_sha256',
      type: 'string',
      required: true,
      description: 'SHA-256 of the source file, in hex.',
    },
    { name: 'source_url', type: 'string', description: fromSchema('/$defs/source/properties/url') },
    listCount('asker_count', 'askers', 'askers'),
    listCount('addressee_count', 'addressees', 'addressees'),
    listCount('co_answerer_count', 'co-answerers', 'co_answerers'),
    // Normalized values (pipeline/normalize), after the printed ones.
    { name: 'ministry_key', type: 'string', description: fromSchema('/properties/ministry_key') },
    {
      name: 'asker_party_keys',
      type: 'string',
      description: `Party keys (parties.key) of the askers, each once, in printed order, separated by "${LIST_SEPARATOR}".`,
    },
    {
      name: 'source_collection',
      type: 'string',
      description: fromSchema('/$defs/source/properties/collection'),
    },
  ],
  *rows(doc) {
    const parties =
      doc.askers === null
        ? null
        : [...new Set(doc.askers.flatMap((a) => (a.party === null ? [] : [a.party])))];
    yield [
      doc.id,
      doc.type,
      doc.chamber,
      doc.session_year,
      doc.number,
      doc.case_number,
      doc.title,
      join(doc.askers?.map(askerLabel) ?? null),
      join(parties),
      join(doc.addressees),
      doc.submitted,
      doc.answered,
      doc.response_days,
      doc.answerer?.role ?? null,
      doc.answerer?.name ?? null,
      doc.answerer?.portfolio ?? null,
      join(doc.co_answerers),
      doc.questions.length,
      doc.answers.length,
      doc.footnotes.length,
      doc.references.length,
      doc.warnings.length,
      doc.source.path,
      doc.source.format,
      doc.source.sha256,
      doc.source.url,
      doc.askers?.length ?? null,
      doc.addressees?.length ?? null,
      doc.co_answerers?.length ?? null,
      doc.ministry_key ?? null,
      doc.askers === null
        ? null
        : join([...new Set(doc.askers.flatMap((a) => (a.party_key ? [a.party_key] : [])))]),
      doc.source.collection ?? null,
    ];
  },
};

const askers: Table = {
  name: 'askers',
  description: 'One row per asker of a document, in printed order.',
  primaryKey: ['document_id', 'position'],
  documentKey: 'document_id',
  columns: [
    documentId,
    position('asker'),
    {
      name: 'name',
      type: 'string',
      required: true,
      description: 'Name of the member as printed, e.g. Van Helvert.',
    },
    {
      name: 'party',
      type: 'string',
      description: 'Party (fractie) as printed, e.g. CDA; empty when not stated.',
    },
    // Normalized values (pipeline/normalize), after the printed ones.
    {
      name: 'canonical_name',
      type: 'string',
      description: fromSchema('/$defs/asker/properties/canonical_name'),
    },
    {
      name: 'initials',
      type: 'string',
      description: fromSchema('/$defs/asker/properties/initials'),
    },
    {
      name: 'party_key',
      type: 'string',
      description: fromSchema('/$defs/asker/properties/party_key'),
    },
    {
      name: 'person_key',
      type: 'string',
      description: fromSchema('/$defs/asker/properties/person_key'),
    },
  ],
  *rows(doc) {
    for (const [index, asker] of (doc.askers ?? []).entries())
      yield [
        doc.id,
        index + 1,
        asker.name,
        asker.party,
        asker.canonical_name ?? null,
        asker.initials ?? null,
        asker.party_key ?? null,
        asker.person_key ?? null,
      ];
  },
};

const questions: Table = {
  name: 'questions',
  description:
    'One row per question, with the text of the answer (or answers) that cover it joined in.',
  primaryKey: ['document_id', 'number'],
  documentKey: 'document_id',
  columns: [
    documentId,
    {
      name: 'number',
      type: 'integer',
      required: true,
      description: 'Printed number of the question.',
    },
    {
      name: 'numbers',
      type: 'string',
      required: true,
      description: `${fromSchema('/$defs/question/properties/numbers')} Separated by "${LIST_SEPARATOR}".`,
    },
    {
      name: 'text',
      type: 'string',
      description: 'Text of the question: running text, paragraphs separated by a blank line.',
    },
    {
      name: 'footnotes',
      type: 'string',
      description: `${fromSchema('/$defs/question/properties/footnotes')} Separated by "${LIST_SEPARATOR}".`,
    },
    {
      name: 'answer_text',
      type: 'string',
      description:
        'Text of the answer that covers this question (several answers joined by a blank line); empty when unanswered. A grouped answer appears on the row of each question it covers.',
    },
  ],
  *rows(doc) {
    for (const question of doc.questions) {
      const covering = doc.answers.filter((a) =>
        a.questions.some((n) => question.numbers.includes(n)),
      );
      const answerText = covering.length === 0 ? null : covering.map((a) => a.text).join('\n\n');
      yield [
        doc.id,
        question.number,
        join(question.numbers),
        question.text,
        join(question.footnotes),
        answerText,
      ];
    }
  },
};

const answers: Table = {
  name: 'answers',
  description:
    'One row per answer as printed; a grouped answer ("Antwoord op vraag 3, 4 en 5") is one row.',
  primaryKey: ['document_id', 'position'],
  documentKey: 'document_id',
  columns: [
    documentId,
    position('answer'),
    {
      name: 'questions',
      type: 'string',
      required: true,
      description: `${fromSchema('/$defs/answer/properties/questions')} Separated by "${LIST_SEPARATOR}".`,
    },
    {
      name: 'text',
      type: 'string',
      description: 'Text of the answer: running text, paragraphs separated by a blank line.',
    },
    {
      name: 'footnotes',
      type: 'string',
      description: `Numbers of the footnotes marked in the answer, separated by "${LIST_SEPARATOR}".`,
    },
  ],
  *rows(doc) {
    for (const [index, answer] of doc.answers.entries())
      yield [doc.id, index + 1, join(answer.questions), answer.text, join(answer.footnotes)];
  },
};

const footnotes: Table = {
  name: 'footnotes',
  description: 'One row per footnote.',
  primaryKey: ['document_id', 'number'],
  documentKey: 'document_id',
  columns: [
    documentId,
    {
      name: 'number',
      type: 'integer',
      required: true,
      description: 'Printed number of the footnote.',
    },
    {
      name: 'text',
      type: 'string',
      description: 'Text of the footnote, URLs joined where the PDF broke them over two lines.',
    },
    { name: 'urls', type: 'string', description: 'URLs in the footnote, separated by a space.' },
  ],
  *rows(doc) {
    for (const footnote of doc.footnotes)
      yield [doc.id, footnote.number, footnote.text, footnote.urls.join(' ')];
  },
};

const references: Table = {
  name: 'references',
  description: fromSchema('/properties/references'),
  primaryKey: ['document_id', 'position'],
  documentKey: 'document_id',
  columns: [
    documentId,
    position('reference'),
    {
      name: 'kind',
      type: 'string',
      required: true,
      description: fromSchema('/$defs/reference/properties/kind'),
    },
    { name: 'text', type: 'string', required: true, description: 'The reference as printed.' },
    {
      name: 'dossier',
      type: 'string',
      description: fromSchema('/$defs/reference/properties/dossier'),
    },
    {
      name: 'number',
      type: 'integer',
      description: 'Number of the paper within its dossier or session year.',
    },
    {
      name: 'identifier',
      type: 'string',
      description: fromSchema('/$defs/reference/properties/identifier'),
    },
  ],
  *rows(doc) {
    for (const [index, ref] of doc.references.entries())
      yield [doc.id, index + 1, ref.kind, ref.text, ref.dossier, ref.number, ref.identifier];
  },
};

/** Every CSV table, in the order of datapackage.json. */
export const TABLES: readonly Table[] = [
  documents,
  askers,
  questions,
  answers,
  footnotes,
  references,
  questionAnswers,
];

/** Column names per table: the public contract of the CSV headers. */
export const CSV_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  TABLES.map((t) => [t.name, t.columns.map((c) => c.name)]),
);
