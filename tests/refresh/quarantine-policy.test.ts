// The refresh's rules for quarantined documents, one line per case.
import { describe, expect, it } from 'vitest';
import {
  judgeQuarantine,
  parseQuarantineFile,
  quarantineAnnotations,
} from '../../pipeline/refresh/quarantine-policy.ts';

describe('the share of quarantined documents a refresh releases with', () => {
  it.each([
    [0, 0, true],
    [0, 100, true],
    [2, 98, true], // exactly 2%
    [3, 97, false],
    [1388, 81_612, true], // a whole session year of 83,000: 1.7%
    [1, 0, false],
  ])('%i of %i more → ok %s', (quarantined, released, ok) =>
    expect(judgeQuarantine(quarantined, released).ok).toBe(ok),
  );
  it('names the numbers when it refuses', () => {
    const verdict = judgeQuarantine(5, 95);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/^5 of 100 documents \(5\.0%\).*2\.0%/);
  });
});

describe('workflow annotations for quarantined documents', () => {
  it('names the file and its first problem, with its line', () => {
    expect(
      quarantineAnnotations([
        {
          file: 'documents/a.xml',
          errors: [
            { code: 'parse/no-questions', message: 'no question found', line: 3, field: null },
            { code: 'x', message: 'y', line: null, field: null },
          ],
        },
      ]),
    ).toEqual([
      '::warning file=documents/a.xml,line=3,title=Quarantined document::documents/a.xml is left out of the release: parse/no-questions: no question found (and 1 more)',
    ]);
  });
  it('cannot be turned into another workflow command by a file name', () => {
    const [line] = quarantineAnnotations([
      { file: 'documents/x\n::error title=owned::y,z:%.xml', errors: [] },
    ]);
    expect(line?.split('\n')).toHaveLength(1);
    expect(line).toBe(
      '::warning file=documents/x%0A%3A%3Aerror title=owned%3A%3Ay%2Cz%3A%25.xml,title=Quarantined document::documents/x%0A::error title=owned::y,z:%25.xml is left out of the release: could not be read',
    );
  });
  it('reads quarantine.json as the build writes it', () => {
    expect(parseQuarantineFile('{"quarantined":[]}')).toEqual([]);
    expect(parseQuarantineFile('{}')).toEqual([]);
  });
});
