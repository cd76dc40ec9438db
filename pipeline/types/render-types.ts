import { compile } from 'json-schema-to-typescript';

// The schema is the single source of truth; the TypeScript types are generated from it so
// the two can never drift (a test regenerates and compares).
export async function renderDocumentTypes(schema: object): Promise<string> {
  const body = await compile(structuredClone(schema) as Parameters<typeof compile>[0], 'Document', {
    bannerComment:
      '/* Generated from schema/document.schema.json by `npm run gen:types`. Do not edit. */',
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 100, trailingComma: 'all' },
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    ignoreMinAndMaxItems: true,
  });
  return body;
}
