import type { Document } from '../types.ts';

// How a record is named in lists and headings.

/** The subject, or when the text states none, the start of the first question. */
export function displayTitle(doc: Document): string {
  const title = doc.title ?? doc.questions[0]?.text.replace(/\s+/g, ' ').trim() ?? doc.id;
  const short = title.length > 140 ? `${title.slice(0, 139).trimEnd()}…` : title;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

export function answeredBy(doc: Document): string {
  const a = doc.answerer;
  if (!a) return '';
  const who = [a.role, a.name].filter(Boolean).join(' ');
  return a.portfolio ? `${who} (${a.portfolio})` : who;
}
