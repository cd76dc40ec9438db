import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import { expectGolden, goldenInputs } from '../support/golden.ts';

// Golden files for the Staten-Generaal Digitaal OCR rendering: tests/golden/ocr/NAME.txt beside
// NAME.expected.json, the whole parseSource result (detection included). `npm run test:update`
// (UPDATE_GOLDEN=1) rewrites them; otherwise any difference fails.
const dir = new URL('../golden/ocr/', import.meta.url);
const inputs = goldenInputs(dir, '.txt');

describe('SGD OCR golden files', () => {
  it.each(inputs)('%s', async (name) => {
    const bytes = readFileSync(new URL(name, dir));
    const result = await parseSource({ path: `tests/golden/ocr/${name}`, bytes });
    expect(result.document?.source.format).toBe('sgd-ocr');
    expect(result.document?.source.collection).toBe('sgd');
    expectGolden(dir, name, '.txt', result);
  });
});
