import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, TABLES, type Cell, type Table } from '../../pipeline/export/tables.ts';
import { SPREADSHEET_QUOTE, csvCell } from '../../pipeline/export/to-csv.ts';
import type { Document } from '../../pipeline/types.ts';
import { validateDocument } from '../../pipeline/validate/validate-document.ts';
import { emotionRecognition, sampleDocuments } from './fixtures/sample-documents.ts';
import { exportToStrings, parseCsv, readTable } from './fixtures/read-export.ts';

const byId = (a: Document, b: Document): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// CSV has one empty value: an empty string and an empty list read back as null (datapackage.json
// declares missingValues [""]).
function expectedRows(table: Table, docs: readonly Document[]): Cell[][] {
  return docs
    .flatMap((d) => [...table.rows(d)])
    .map((row) => row.map((cell) => (cell === '' ? null : cell)));
}

describe('CSV tables', () => {
  it('have the published column lists (changing one is a breaking change)', () => {
    expect(CSV_COLUMNS).toEqual({
      documents: [
        'id',
        'type',
        'chamber',
        'session_year',
        'number',
        'case_number',
        'title',
        'askers',
        'asker_parties',
        'addressees',
        'submitted',
        'answered',
        'response_days',
        'answerer_role',
        'answerer_name',
        'answerer_portfolio',
        'co_answerers',
        'question_count',
        'answer_count',
        'footnote_count',
        'reference_count',
        'warning_count',
        'source_path',
        'source_format',
        'source_sha256',
        'source_url',
        'asker_count',
        'addressee_count',
        'co_answerer_count',
        'ministry_key',
        'asker_party_keys',
        'source_collection',
      ],
      askers: [
        'document_id',
        'position',
        'name',
        'party',
        'canonical_name',
        'initials',
        'party_key',
        'person_key',
      ],
      questions: ['document_id', 'number', 'numbers', 'text', 'footnotes', 'answer_text'],
      answers: ['document_id', 'position', 'questions', 'text', 'footnotes'],
      footnotes: ['document_id', 'number', 'text', 'urls'],
      references: ['document_id', 'position', 'kind', 'text', 'dossier', 'number', 'identifier'],
      question_answers: ['document_id', 'question_number', 'answer_position'],
    });
  });

  it('are RFC 4180 with "\\n" line ends, UTF-8 without BOM, a header row and a final newline', () => {
    const files = exportToStrings(sampleDocuments());
    for (const table of TABLES) {
      const text = files.get(`${table.name}.csv`) ?? '';
      expect(text.startsWith(`${table.columns.map((c) => c.name).join(',')}\n`)).toBe(true);
      expect(text.endsWith('\n')).toBe(true);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      // Outside quoted cells there is no carriage return: every record ends with a bare "\n".
      const unquoted = text.replace(/"(?:[^"]|"")*"/g, '""');
      expect(unquoted).not.toContain('\r');
      for (const line of unquoted.split('\n').slice(0, -1))
        expect(line.split(',').length).toBe(table.columns.length);
    }
  });

  it('read back with papaparse equal the rows, and the rows equal the records', () => {
    const docs = sampleDocuments();
    const files = exportToStrings(docs);
    const sorted = [...docs].sort(byId);
    for (const table of TABLES) {
      const { header, rows } = readTable(table, files.get(`${table.name}.csv`) ?? '');
      expect(header).toEqual(CSV_COLUMNS[table.name]);
      expect(rows).toEqual(expectedRows(table, sorted));
    }
    // Independent of the row mapping: the texts users read are the records' texts.
    const read = (name: string) =>
      readTable(
        TABLES.find((t) => t.name === name)!,
        files.get(`${name}.csv`) ?? '',
      ).rows;
    const col = (name: string, column: string) => CSV_COLUMNS[name]!.indexOf(column);
    expect(
      read('questions').map((r) => [
        r[0],
        r[col('questions', 'number')],
        r[col('questions', 'text')] ?? '',
      ]),
    ).toEqual(sorted.flatMap((d) => d.questions.map((q) => [d.id, q.number, q.text])));
    expect(read('answers').map((r) => r[col('answers', 'text')])).toEqual(
      sorted.flatMap((d) => d.answers.map((a) => a.text)),
    );
    expect(read('askers').map((r) => [r[2], r[3]])).toEqual(
      sorted.flatMap((d) => (d.askers ?? []).map((a) => [a.name, a.party])),
    );
    expect(read('footnotes').map((r) => [r[1], r[2], String(r[3]).split(' ')])).toEqual(
      sorted.flatMap((d) => d.footnotes.map((f) => [f.number, f.text, f.urls])),
    );
    expect(read('references').map((r) => r.slice(2))).toEqual(
      sorted.flatMap((d) =>
        d.references.map((x) => [x.kind, x.text, x.dossier, x.number, x.identifier]),
      ),
    );
    expect(
      read('documents').map((r) => [
        r[0],
        r[col('documents', 'title')],
        r[col('documents', 'submitted')],
        r[col('documents', 'response_days')],
      ]),
    ).toEqual(sorted.map((d) => [d.id, d.title, d.submitted, d.response_days]));
  });

  it('join the answer text into each question it covers, grouped answers included', () => {
    const files = exportToStrings([emotionRecognition()]);
    const table = TABLES.find((t) => t.name === 'questions')!;
    const answerText = readTable(table, files.get('questions.csv') ?? '').rows.map((r) => [
      r[1],
      r[5],
    ]);
    expect(answerText).toEqual([
      [1, 'Ja.'],
      [2, 'Het bedrijf stelt in het bericht dat er geen sprake is van levering.'],
      [4, 'Berichten over dergelijke plannen zijn mij bekend.'],
      [5, 'Berichten over dergelijke plannen zijn mij bekend.'],
    ]);
  });
});

// Every free-text value begins with a character a spreadsheet would run; multi-line too.
const STARTS = ['=', '+', '-', '@', '\t', '\r', "'="];
function formulaDocument(): Document {
  let i = 0;
  const f = (rest = 'cmd|x'): string => `${STARTS[i++ % STARTS.length]}${rest}`;
  const doc = emotionRecognition();
  return {
    ...doc,
    title: f('1+1\nsecond line'),
    askers: [
      {
        name: f(),
        party: f(),
        canonical_name: f(),
        initials: f(),
        party_key: f(),
        person_key: f(),
      },
    ],
    addressees: [f(), 'Minister'],
    ministry_key: f(),
    answerer: { role: f(), name: f(), portfolio: f() },
    co_answerers: [f()],
    questions: doc.questions.map((q) => ({ ...q, text: f('HYPERLINK("http://x")') })),
    answers: doc.answers.map((a) => ({ ...a, text: f() })),
    footnotes: doc.footnotes.map((n) => ({ ...n, text: f(), urls: [f('http://x'), 'http://y'] })),
    references: doc.references.map((r) => ({ ...r, text: f(), dossier: f(), identifier: f() })),
    source: { ...doc.source, path: f('evil.txt'), url: f('http://x') },
  };
}

describe('CSV cells are the JSON values, and spreadsheet-dangerous cells are quoted', () => {
  const doc = formulaDocument();
  const files = exportToStrings([doc]);

  it('the test document is a valid record', () => {
    expect(validateDocument(doc, 'x')).toEqual([]);
  });

  for (const table of TABLES) {
    it(`writes every cell of ${table.name}.csv unaltered, quoting formula starts, ";" and tabs`, () => {
      const text = files.get(`${table.name}.csv`) ?? '';
      const [, ...rows] = parseCsv(text);
      expect(rows.length).toBeGreaterThan(0);
      // No apostrophe or any other mark is added: the cells read back equal the record's values.
      expect(readTable(table, text).rows).toEqual(expectedRows(table, [doc]));
      // Each raw field that starts with a formula character or holds ";" or a tab is quoted.
      const raw = text.split('\n').slice(1).join('\n');
      for (const row of rows)
        for (const cell of row)
          if (SPREADSHEET_QUOTE.test(cell)) expect(raw).toContain(`"${cell.replace(/"/g, '""')}"`);
    });
  }

  it('quotes a cell whose formula hides after a ";" (how Dutch-locale spreadsheets split)', () => {
    const cell = "Zie de bijlage;=cmd|' /C calc'!A0;en verder?";
    expect(csvCell(cell)).toBe(`"${cell}"`);
    expect(csvCell('- een antwoord dat met een streepje begint')).toBe(
      '"- een antwoord dat met een streepje begint"',
    );
    expect(csvCell('gewoon')).toBe('gewoon');
  });

  it('reads back exactly, values that already start with an apostrophe included', () => {
    expect(JSON.stringify(doc)).toContain('"\'=');
    for (const table of TABLES) {
      expect(readTable(table, files.get(`${table.name}.csv`) ?? '').rows).toEqual(
        expectedRows(table, [doc]),
      );
    }
    const row = readTable(TABLES[0]!, files.get('documents.csv') ?? '').rows[0] as Cell[];
    expect(row[CSV_COLUMNS.documents!.indexOf('title')]).toBe(doc.title);
  });
});
