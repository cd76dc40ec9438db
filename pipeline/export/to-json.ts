import type { Document } from '../types.ts';

/**
 * One document as an element of the JSON array file: indented one level (its first line too),
 * without the "[\n" before it or the separator after it.
 */
export function jsonElement(doc: Document): string {
  // JSON.stringify([doc], null, 2) is "[\n" + the element + "\n]": one native call, no
  // second pass to indent the element's lines.
  const array = JSON.stringify([doc], null, 2);
  return array.slice(2, array.length - 2);
}

// The JSON file is exactly JSON.stringify(documents, null, 2) + '\n', produced one document at
// a time so a large dataset never exists as one string.
export function* jsonChunks(documents: Iterable<Document>): Generator<string> {
  let first = true;
  for (const doc of documents) {
    yield `${first ? '[\n' : ',\n'}${jsonElement(doc)}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** One document as its NDJSON line, with the "\n". */
export function ndjsonLine(doc: Document): string {
  return `${JSON.stringify(doc)}\n`;
}

// In JSON.stringify(value, null, 2) the only white space outside strings is a line break with
// its indentation before each member, element and closing bracket, and the ": " after a key,
// which always starts such a line (strings hold no raw line break). Removing exactly those gives
// JSON.stringify(value): a regular expression over the text, about half the cost of serialising
// the record again.
const LAYOUT = /\n *(?:("(?:[^"\\]|\\.)*":) )?/g;

/** The NDJSON line of a document, from its JSON array element (as jsonElement writes it). */
export function ndjsonFromElement(element: string): string {
  return `${element.slice(2).replace(LAYOUT, '$1')}\n`;
}

/** One document per line (NDJSON / JSON Lines). */
export function* ndjsonChunks(documents: Iterable<Document>): Generator<string> {
  for (const doc of documents) yield ndjsonLine(doc);
}
