// Real records for the package tests: the hand-made gold files of the test corpus, one per id.
import { readdirSync, readFileSync } from 'node:fs';
import type { Document } from '../../pipeline/types.ts';

const CORPUS = new URL('../corpus/', import.meta.url);

export function corpusRecords(): Document[] {
  const byId = new Map<string, Document>();
  for (const name of readdirSync(CORPUS)
    .filter((n) => n.endsWith('.gold.json'))
    .sort()) {
    // Gold files may leave out what their scorer does not compare; complete them as the parser would.
    const gold = JSON.parse(readFileSync(new URL(name, CORPUS), 'utf8')) as Partial<Document>;
    const record = {
      questions: [],
      answers: [],
      footnotes: [],
      references: [],
      warnings: [],
      ...gold,
    } as Document;
    if (!byId.has(record.id)) byId.set(record.id, record);
  }
  return [...byId.values()];
}

/** A copy with one field changed, as a parser fix would. */
export function edited(record: Document): Document {
  return { ...structuredClone(record), title: `${record.title ?? ''} (corrected)` };
}
