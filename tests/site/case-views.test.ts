import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { caseViewFiles } from '../../pipeline/site/render-case-views.ts';
import { caseInput } from '../../pipeline/site/case-views.ts';
import type { Document } from '../../pipeline/types.ts';
import { normalizeDocument } from '../../pipeline/normalize/normalize-document.ts';

// A small case history: one case answered late after a postponement, one on time, one open.
function doc(over: Partial<Document>): Document {
  return normalizeDocument({
    id: 'x',
    type: 'answer',
    chamber: 'Tweede Kamer',
    session_year: '2019-2020',
    number: null,
    case_number: null,
    title: 't',
    askers: [{ name: 'Van Dijk', party: 'SP' }],
    addressees: ['Minister van Financiën'],
    submitted: null,
    answered: null,
    response_days: null,
    answerer: null,
    co_answerers: [],
    questions: [],
    answers: [],
    footnotes: [],
    references: [],
    source: { path: 'documents/x', format: 'ob-xml', sha256: '0'.repeat(64), url: null },
    warnings: [],
    ...over,
  });
}

const documents = [
  doc({
    id: 'kv-tk-2019Z00001',
    type: 'questions',
    case_number: '2019Z00001',
    submitted: '2019-10-01',
  }),
  doc({
    id: 'ah-tk-20192020-10',
    type: 'postponement',
    case_number: '2019Z00001',
    submitted: '2019-10-01',
    answered: '2019-10-20',
  }),
  doc({
    id: 'ah-tk-20192020-11',
    case_number: '2019Z00001',
    submitted: '2019-10-01',
    answered: '2019-11-30',
  }),
  doc({
    id: 'ah-tk-20192020-12',
    case_number: '2019Z00002',
    submitted: '2019-10-01',
    answered: '2019-10-15',
    askers: [{ name: 'Klaver', party: 'GroenLinks' }],
  }),
  doc({
    id: 'kv-tk-2019Z00003',
    type: 'questions',
    case_number: '2019Z00003',
    submitted: '2019-12-01',
    addressees: ['Minister voor Rechtsbescherming'],
  }),
];

const csv = (text: string) => Papa.parse<string[]>(text.trim()).data;

describe('cases page', () => {
  const files = caseViewFiles(documents.map(caseInput), '2020-01-01');
  const get = (path: string) => files.find((f) => f.path === path)?.content ?? '';

  it('shows the three views with the table behind each and a download link', () => {
    const html = get('cases.html');
    for (const id of ['by-ministry', 'by-year', 'open', 'parties'])
      expect(html).toContain(`id="${id}"`);
    for (const file of [
      'response-by-ministry',
      'response-by-year',
      'open-past-norm',
      'questions-per-party',
    ])
      expect(html).toContain(`href="data/${file}.csv" download`);
    expect(html).toContain('<svg id="chart-case-ministry"');
  });

  it('publishes the numbers of each view as CSV', () => {
    expect(csv(get('data/response-by-ministry.csv'))).toEqual([
      [
        'ministry_key',
        'ministry',
        'answered_cases',
        'median_days_to_answer',
        'percent_within_21_days',
        'postponed_cases',
      ],
      ['financien', 'Financiën', '2', '37', '50', '1'],
    ]);
    expect(csv(get('data/response-by-year.csv'))[1]).toEqual(['2019', '2', '37', '50', '1']);
    expect(csv(get('data/open-past-norm.csv'))).toEqual([
      ['case_number', 'submitted', 'days_open', 'ministry_key', 'postponed', 'document_ids'],
      ['2019Z00003', '2019-12-01', '31', 'rechtsbescherming', 'false', 'kv-tk-2019Z00003'],
    ]);
    expect(csv(get('data/questions-per-party.csv'))).toEqual([
      ['party_key', 'year_submitted', 'cases'],
      ['GL', '2019', '1'],
      ['SP', '2019', '2'],
    ]);
  });
});
