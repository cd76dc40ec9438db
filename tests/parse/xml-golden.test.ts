import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import { expectGolden, goldenInputs } from '../support/golden.ts';

// Golden files for officielebekendmakingen XML layouts: tests/golden-xml/NAME.xml beside
// NAME.expected.json, the whole parseSource result. `npm run test:update` rewrites them.
// The older layout (body/vragen/vraag beside body/reactie/antwoord, used for the whole session
// year 2009-2010) is built from its described structure; no recording of it is available.
const dir = new URL('../golden-xml/', import.meta.url);
const inputs = goldenInputs(dir, '.xml');

const parse = (name: string) =>
  parseSource({
    path: `tests/golden-xml/${name}`,
    bytes: new Uint8Array(readFileSync(new URL(name, dir))),
  });

describe('officielebekendmakingen XML golden files', () => {
  it.each(inputs)('%s', async (name) => {
    expectGolden(dir, name, '.xml', await parse(name));
  });

  it('reads the answers of the older layout from body/reactie, not only the questions', async () => {
    const old = inputs.filter((name) => name.includes('reactie'));
    expect(old.length).toBeGreaterThan(0);
    for (const name of old) {
      const { document } = await parse(name);
      expect(document?.answers.length, name).toBe(document?.questions.length);
      expect(document?.answered, name).toMatch(/^2010-/);
      expect(document?.answerer?.name, name).toBeTruthy();
      expect(document?.session_year, name).toBe('2009-2010');
      expect(document?.chamber, name).toBe('Tweede Kamer');
    }
  });
});
