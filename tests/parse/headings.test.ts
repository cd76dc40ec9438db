import { describe, expect, it } from 'vitest';
import {
  answerHeading,
  parseNumberList,
  questionHeading,
} from '../../pipeline/parse/common/headings.ts';

describe('question headings', () => {
  it.each([
    ['Vraag 1', [1]],
    ['Vraag 4, 5', [4, 5]],
    ['Vraag 2 en 3', [2, 3]],
    ['Vraag 3, 4, 5 en 6', [3, 4, 5, 6]],
    ['Vraag 7, 8, 9 10 en 11', [7, 8, 9, 10, 11]],
    ['Vragen 2 t/m 4', [2, 3, 4]],
    ['Vraag 12:', [12]],
    ['Vraag 4  ', [4]],
  ])('%s → %j', (line, numbers) => {
    expect(questionHeading(line)).toEqual(numbers);
  });

  it.each([
    'Vraag',
    'Vraag 2 is al beantwoord',
    'Vragen van het lid Sjoerdsma (D66)',
    '1.',
    'Antwoord 1',
  ])('%s is no question heading', (line) => {
    expect(questionHeading(line)).toBeNull();
  });
});

describe('answer headings', () => {
  it.each([
    ['Antwoord 1', [1]],
    ['Antwoord 4, 5', [4, 5]],
    ['Antwoord 9, 10', [9, 10]],
    ['Antwoord op vraag 3, 4 en 5', [3, 4, 5]],
    ['Antwoord vraag 7', [7]],
    ['Antwoord 5 en 6', [5, 6]],
    ['Antwoord op de vragen 1 tot en met 3', [1, 2, 3]],
    ['Antwoord', []],
    ['Antwoord:', []],
  ])('%s → %j', (line, numbers) => {
    expect(answerHeading(line)).toEqual(numbers);
  });

  it.each([
    'Antwoord van Minister Blok (Buitenlandse Zaken)',
    'Antwoorden zijn gegeven',
    'Zie antwoord 3',
  ])('%s is no answer heading', (line) => {
    expect(answerHeading(line)).toBeNull();
  });

  it('parses number lists with ranges and stray separators', () => {
    expect(parseNumberList('1, 2 en 3')).toEqual([1, 2, 3]);
    expect(parseNumberList('2 t/m 5')).toEqual([2, 3, 4, 5]);
    expect(parseNumberList('')).toEqual([]);
  });
});
