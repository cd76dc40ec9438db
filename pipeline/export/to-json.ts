import type { Document } from '../types.ts';

// The JSON file is exactly JSON.stringify(documents, null, 2) + '\n', produced one document at
// a time so a large dataset never exists as one string.
export function* jsonChunks(documents: Iterable<Document>): Generator<string> {
  let first = true;
  for (const doc of documents) {
    const body = JSON.stringify(doc, null, 2).replace(/\n/g, '\n  ');
    yield `${first ? '[\n' : ',\n'}  ${body}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** One document per line (NDJSON / JSON Lines). */
export function* ndjsonChunks(documents: Iterable<Document>): Generator<string> {
  for (const doc of documents) yield `${JSON.stringify(doc)}\n`;
}
