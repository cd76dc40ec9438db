import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOcrDate } from '../../pipeline/parse/ocr/ocr-dates.ts';
import { isSgdOcr, parseOcr } from '../../pipeline/parse/ocr/parse-ocr.ts';

const texts = (dir: string) =>
  readdirSync(new URL(`../${dir}/`, import.meta.url))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => [name, readFileSync(new URL(`../${dir}/${name}`, import.meta.url), 'utf8')]);

const ctx = { path: 'tests/sgd/x.ocr.txt', sha256: '0'.repeat(64) };

describe('SGD OCR detection', () => {
  it.each([...texts('sgd/tune'), ...texts('sgd/held-out')])('reads %s as SGD OCR', (_n, text) => {
    expect(isSgdOcr(text as string)).toBe(true);
  });
  it.each([...texts('corpus'), ...texts('seeds')])(
    'leaves %s to the modern readers',
    (_n, text) => {
      expect(isSgdOcr(text as string)).toBe(false);
    },
  );
});

describe('OCR dates', () => {
  it.each([
    ['16juni1978', '1978-06-16'],
    ['8 ok-tober1979', '1979-10-08'],
    ['29 novenv ber 1974', '1974-11-29'],
    ['13 nc~ vember 1970', '1970-11-13'],
    ['5 Maart 1936.', '1936-03-05'],
  ])('%s', (printed, iso) => {
    expect(parseOcrDate(printed).date).toBe(iso);
  });
  it('does not guess a month two names are equally near', () => {
    expect(parseOcrDate('3 ju 1990').date).toBeNull();
  });
});

const page = (body: string) =>
  [
    'Tweede Kamer der Staten-Generaal',
    'Zitting 1979-1980',
    'Aanhangsel van de Handelingen',
    'Vragen gesteld door leden van de Kamer, met de daarop door de Regering gegeven antwoorden',
    '1590',
    'Vragen van het lid De Vries (P.v.d.A.) over de haven. (Ingezonden 5 augustus 1980)',
    body,
    'Tweede Kamer, zitting 1979-1980, Aanhangsel',
    '3181',
  ].join('\n');

describe('parseOcr', () => {
  it('reads the header into the record and builds the official id', () => {
    const text = page(
      '1 Is het waar dat artikel 3 van de wet geldt? 2 Wilt u dat toelichten?\nAntwoord van Minister Tuijnman (Verkeer en Waterstaat). (Ontvangen 1 september 1980)\n1 Ja. 2 Zie het antwoord op vraag 1.',
    );
    const doc = parseOcr(text, ctx).document;
    expect(doc).toMatchObject({
      id: 'ah-tk-19791980-1590',
      chamber: 'Tweede Kamer',
      session_year: '1979-1980',
      number: 1590,
      askers: [{ name: 'De Vries', party: 'P.v.d.A.' }],
      title: 'de haven',
      submitted: '1980-08-05',
      answered: '1980-09-01',
      answerer: { role: 'Minister', name: 'Tuijnman', portfolio: 'Verkeer en Waterstaat' },
    });
    expect(doc?.questions.map((q) => q.number)).toEqual([1, 2]);
    expect(doc?.answers.map((a) => a.questions)).toEqual([[1], [2]]);
    expect(doc?.answers[1]?.text).toBe('Zie het antwoord op vraag 1.');
  });

  it('numbers a paragraph whose number the scan lost, and says so', () => {
    const text = page(
      '1 Is het waar?\nWilt u dat toelichten?\n3 Bent u bereid?\nAntwoord van Minister Tuijnman (Verkeer en Waterstaat). (Ontvangen 1 september 1980)\n1 Ja.\nNee.\n3 Ja.',
    );
    const doc = parseOcr(text, ctx).document;
    expect(doc?.questions.map((q) => q.text)).toEqual([
      'Is het waar?',
      'Wilt u dat toelichten?',
      'Bent u bereid?',
    ]);
    expect(doc?.answers.map((a) => a.text)).toEqual(['Ja.', 'Nee.', 'Ja.']);
    expect(doc?.warnings.filter((w) => w.code === 'ocr/number-inferred')).toHaveLength(2);
  });

  it('keeps unnumbered text it cannot place inside the block before it, with a warning', () => {
    const text = page(
      '1 Is het waar?\n2 Wilt u dat toelichten?\nAntwoord van Minister Tuijnman (Verkeer en Waterstaat). (Ontvangen 1 september 1980)\n1 Ja.\n2 Nee.\nDit geldt ook voor de haven.',
    );
    const doc = parseOcr(text, ctx).document;
    expect(doc?.answers).toHaveLength(2);
    expect(doc?.answers[1]?.text).toBe('Nee.\nDit geldt ook voor de haven.');
    expect(doc?.warnings.map((w) => w.code)).toContain('ocr/kept-whole');
  });

  it('flags a sentence that continues in the wrong place and never moves it', () => {
    const text = page(
      '1 Is het waar?\n2 Wilt u dat toelichten?\nte voorkomen?\nAntwoord van Minister Tuijnman (Verkeer en Waterstaat). (Ontvangen 1 september 1980)\n1 Ja. 2 Nee.',
    );
    const doc = parseOcr(text, ctx).document;
    expect(doc?.questions[1]?.text).toBe('Wilt u dat toelichten? te voorkomen?');
    expect(doc?.warnings.map((w) => w.code)).toContain('ocr/reading-order');
  });

  it('derives the id from the file name when the page prints no number', () => {
    const text = page('1 Is het waar?').replace('\n1590\n', '\n');
    const doc = parseOcr(text, { ...ctx, path: 'documents/sgd/sgd-0000123456.ocr.txt' }).document;
    expect(doc?.id).toBe('sgd-0000123456');
    expect(doc?.type).toBe('questions');
    expect(doc?.warnings.map((w) => w.code)).toContain('ocr/no-number');
  });

  it('fails with a clear error when the page holds no item', () => {
    const result = parseOcr('Aanhangsel tot het Verslag\n1321\nniets', ctx);
    expect(result.document).toBeNull();
    expect(result.diagnostics.at(-1)).toMatchObject({ severity: 'error', file: ctx.path });
  });
});
