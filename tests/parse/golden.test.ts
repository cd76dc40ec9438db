import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../pipeline/parse/text/parse-text.ts';
import { expectGolden, goldenInputs } from '../support/golden.ts';

// Golden files: tests/golden/NAME.txt beside NAME.expected.json, the whole parseText result.
// `npm run test:update` (UPDATE_GOLDEN=1) rewrites them; otherwise any difference fails.
const dir = new URL('../golden/', import.meta.url);
const inputs = goldenInputs(dir, '.txt');

describe('parseText golden files', () => {
  it('has a golden file for every rendering', () => {
    const kinds = [
      'seed-pdf-text',
      'poppler',
      'pymupdf',
      'pypdf',
      'flattened',
      'pdf-markdown',
      'openkamer',
      'tweedemonitor',
      'tk-html-text',
      'ob-html-text',
    ];
    for (const kind of kinds)
      expect(
        inputs.some((name) => name.includes(kind)),
        kind,
      ).toBe(true);
  });

  it.each(inputs)('%s', (name) => {
    const bytes = readFileSync(new URL(name, dir));
    const result = parseText(bytes.toString('utf8'), {
      path: `tests/golden/${name}`,
      format: 'pdf-text',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expectGolden(dir, name, '.txt', result);
  });
});
