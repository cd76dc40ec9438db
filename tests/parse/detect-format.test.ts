import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTextFormat } from '../../pipeline/parse/text/detect-format.ts';

// Every golden input names its rendering; detection must agree from the content alone.
const dir = new URL('../golden/', import.meta.url);
const expected = (name: string): string =>
  /pdf-markdown/.test(name)
    ? 'pdf-markdown'
    : /openkamer|tweedemonitor|tk-html-text|ob-html-text/.test(name)
      ? 'page-text'
      : 'pdf-text';

describe('detectTextFormat', () => {
  it.each(readdirSync(dir).filter((name) => name.endsWith('.txt')))('%s', (name) => {
    expect(detectTextFormat(readFileSync(new URL(name, dir), 'utf8'))).toBe(expected(name));
  });

  it.each([
    [
      '## Tweede Kamer der Staten-Generaal\n# 2\n\nVraag 1\nWaarom?[1 ]\n\n-----\n\nAntwoord 1\nDaarom.',
      'pdf-markdown',
    ],
    [
      'Kamervraag 2019Z15244\n\nHet bericht\n\nIngediend 18 juli 2019\n • Vraag 1\n  Waarom?',
      'page-text',
    ],
    ['Vraag 1\nWaarom?\nAntwoord 1\nDaarom.\nah-tk-20232024-1\nISSN 0921 - 7398', 'pdf-text'],
    ['', 'pdf-text'],
  ])('%j → %s', (text, format) => {
    expect(detectTextFormat(text)).toBe(format);
  });
});
