import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlainXml } from '../../pipeline/extract/read-plain-xml.ts';
import { answerHeading, questionHeading } from '../../pipeline/parse/common/headings.ts';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import { validateRecordFiles } from '../../pipeline/validate/validate-records.ts';
import { ROOT } from '../support/run-cli.ts';
import { committedRecords } from '../support/committed-records.ts';

// Inputs built to make a parser's cost explode (regex backtracking, quadratic loops, spread
// arguments); each must be answered quickly and without throwing.

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('heading patterns run in linear time', () => {
  // "Vraag 2   2   2 … 2 x": the old pattern doubled its work per group (over 180 s for 24).
  const groups = (n: number) => Array.from({ length: n }, () => '2').join('   ');

  it('a question heading that almost matches fails at once', () => {
    const { value, ms } = timed(() => questionHeading(`Vraag ${groups(40)} x`));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(500);
  });

  it('an answer heading that almost matches fails at once', () => {
    const { value, ms } = timed(() => answerHeading(`Antwoord op vraag ${groups(40)} x`));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(500);
  });

  it('the same runs of blanks still read as a list when the line is a heading', () => {
    expect(questionHeading('Vraag 2   3   4')).toEqual([2, 3, 4]);
    expect(questionHeading('Vraag 7, 8, 9 10 en 11')).toEqual([7, 8, 9, 10, 11]);
    expect(answerHeading('Antwoord op vraag 3 ,  4  en  5:')).toEqual([3, 4, 5]);
  });

  it('80k groups fail within a second or two', () => {
    // Exponential: 24 groups took minutes; linear: 80k groups take milliseconds.
    const { value, ms } = timed(() => answerHeading(`Antwoord ${groups(80_000)} x`));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(3_000);
  });
});

describe('XML attributes', () => {
  it('a tag with 200k attributes is read in linear time', () => {
    const attributes = Array.from({ length: 200_000 }, (_, i) => ` a${i}="v"`).join('');
    const { value, ms } = timed(() => readPlainXml(`<root${attributes}/>`));
    expect(value).not.toBeNull();
    // Comparing each attribute with every earlier one made this quadratic (minutes, not seconds).
    expect(ms).toBeLessThan(5_000);
  });

  it('a repeated attribute is still refused by the one-pass reader', () => {
    expect(readPlainXml('<root a="1" b="2" a="3"/>')).toBeNull();
    expect(readPlainXml('<root a="1" toString="2"/>')).not.toBeNull();
  });
});

describe('lists of hundreds of thousands of numbers', () => {
  it('parse reads "Vraag 1, 1, …" with 150k numbers without overflowing the stack', async () => {
    const list = Array.from({ length: 150_000 }, (_, i) => String((i % 999) + 1)).join(', ');
    const seed = readFileSync(
      join(ROOT, 'tests/seeds/ah-tk-20182019-3922.pdf-text.txt'),
      'utf8',
    ).replace(/^Vraag 1$/m, `Vraag ${list}`);
    const result = await parseSource({
      path: 'documents/x.pdf.txt',
      bytes: new TextEncoder().encode(seed),
    });
    expect(result.document === null || Array.isArray(result.diagnostics)).toBe(true);
  });

  it('validate checks a record covering 200k question numbers without overflowing the stack', () => {
    const record = committedRecords<{
      questions: { numbers: number[] }[];
      answers: { questions: number[] }[];
    }>(join(ROOT, 'dist')).find((r) => r.questions.length > 0 && r.answers.length > 0)!;
    const numbers = Array.from({ length: 200_000 }, (_, i) => i + 1);
    record.questions[0]!.numbers = numbers;
    record.answers[0]!.questions = numbers;
    const { diagnostics } = validateRecordFiles([
      { file: 'big.json', text: JSON.stringify([record]) },
    ]);
    expect(diagnostics.length).toBeGreaterThan(0); // 200k numbers break the schema's limits
    expect(diagnostics.every((d) => d.file === 'big.json')).toBe(true);
  });
});
