import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { renderDocumentTypes } from '../pipeline/types/render-types.ts';

it('the TypeScript Document type is the one generated from the schema (run `npm run gen:types`)', async () => {
  const schema = JSON.parse(
    await readFile(new URL('../schema/document.schema.json', import.meta.url), 'utf8'),
  );
  const committed = await readFile(
    new URL('../pipeline/types/document.generated.ts', import.meta.url),
    'utf8',
  );
  expect(committed).toBe(await renderDocumentTypes(schema));
});
