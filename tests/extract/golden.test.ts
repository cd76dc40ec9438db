import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';

// The whole record of each structured rendering, reviewed once and kept as a file: any change in
// what the XML or HTML reader produces shows up as a diff. Update with `npx vitest run -u tests/extract`.
const DIR = 'tests/fixtures/formats/ah-tk-20202021-3235/';
const cases = ['ah-tk-20202021-3235.xml', 'ah-tk-20202021-3235.html'];

describe('golden records of the structured renderings', () => {
  for (const name of cases) {
    it(name, async () => {
      const path = `${DIR}${name}`;
      const result = await parseSource({
        path,
        bytes: readFileSync(path),
        sidecars: { metadataXml: readFileSync(`${DIR}ah-tk-20202021-3235.metadata.xml`) },
      });
      await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(
        `../fixtures/formats/golden/${name}.expected.json`,
      );
    });
  }
});
