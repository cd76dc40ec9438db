import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';

// Golden files for the Staten-Generaal Digitaal OCR rendering: tests/golden/ocr/NAME.txt beside
// NAME.expected.json, the whole parseSource result (detection included). `npm run test:update`
// (UPDATE_GOLDEN=1) rewrites them; otherwise any difference fails.
const dir = new URL('../golden/ocr/', import.meta.url);
const inputs = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const update = process.env.UPDATE_GOLDEN === '1';

describe('SGD OCR golden files', () => {
  it.each(inputs)('%s', async (name) => {
    const bytes = readFileSync(new URL(name, dir));
    const result = await parseSource({ path: `tests/golden/ocr/${name}`, bytes });
    expect(result.document?.source.format).toBe('sgd-ocr');
    expect(result.document?.source.collection).toBe('sgd');
    const actual = `${JSON.stringify(result, null, 2)}\n`;
    const expectedUrl = new URL(name.replace(/\.txt$/, '.expected.json'), dir);
    if (update) {
      writeFileSync(expectedUrl, actual);
      return;
    }
    expect(existsSync(expectedUrl), `${name}: no expected file; run npm run test:update`).toBe(
      true,
    );
    expect(actual).toBe(readFileSync(expectedUrl, 'utf8'));
  });
});
