#!/usr/bin/env tsx
// Regenerates pipeline/types/document.generated.ts from schema/document.schema.json.
// `--check` exits 1 when the committed file has drifted from the schema (run by the tests).
import { readFile, writeFile } from 'node:fs/promises';
import { renderDocumentTypes } from '../types/render-types.ts';

const schemaPath = new URL('../../schema/document.schema.json', import.meta.url);
const outPath = new URL('../types/document.generated.ts', import.meta.url);
const fresh = await renderDocumentTypes(JSON.parse(await readFile(schemaPath, 'utf8')));

if (process.argv.includes('--check')) {
  const current = await readFile(outPath, 'utf8').catch(() => '');
  if (current !== fresh) {
    console.error('pipeline/types/document.generated.ts is out of date: run `npm run gen:types`.');
    process.exitCode = 1;
  }
} else {
  await writeFile(outPath, fresh);
  console.log('wrote pipeline/types/document.generated.ts');
}
