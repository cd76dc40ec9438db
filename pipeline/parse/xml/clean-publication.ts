import { cleanCharacters } from '../common/text-clean.ts';
import type { Publication } from './assemble-document.ts';

// Invisible characters a name or title must not carry: zero-width spaces and joiners, word
// joiners, BOMs and bidi controls (U+202A–202E, U+2066–2069), which can hide or reorder text.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

function clean(text: string): string {
  return cleanCharacters(text).replace(INVISIBLE, '');
}

export function cleanPublication(pub: Publication): Publication {
  return {
    ...pub,
    header: clean(pub.header),
    names: (pub.names ?? []).map(clean),
    blocks: pub.blocks.map((b) => ({
      ...b,
      heading: b.heading === null ? null : clean(b.heading),
      paragraphs: b.paragraphs.map(clean).filter((p) => p.trim().length > 0),
    })),
    footnotes: pub.footnotes.map((f) => ({ ...f, text: clean(f.text), urls: f.urls.map(clean) })),
  };
}
