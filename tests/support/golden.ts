// The golden-file mechanism: NAME.<ext> beside NAME.expected.json. `npm run test:update`
// (UPDATE_GOLDEN=1) rewrites the expected files; otherwise any difference fails.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** The inputs of a golden folder, by extension, in name order. */
export const goldenInputs = (dir: URL, ext: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith(ext))
    .sort();

/** Compares `result`, as indented JSON, with the expected file of input `name` (or rewrites it). */
export function expectGolden(dir: URL, name: string, ext: string, result: unknown): void {
  const actual = `${JSON.stringify(result, null, 2)}\n`;
  const expectedUrl = new URL(`${name.slice(0, -ext.length)}.expected.json`, dir);
  if (UPDATE_GOLDEN) return void writeFileSync(expectedUrl, actual);
  expect(existsSync(expectedUrl), `${name}: no expected file; run npm run test:update`).toBe(true);
  expect(actual).toBe(readFileSync(expectedUrl, 'utf8'));
}
