import { isFurniture } from './furniture.ts';
import { ITEM, itemNumber } from './ocr-heading.ts';
import { REPLY } from './answer-heading.ts';

// The parts of the first document on a page: its item heading, its questions, its reply heading
// and its answers. A page may hold several items (or the end of one and the start of the next);
// the first item with a "VRAGEN van …" heading is read, the rest only counted.

export interface Regions {
  number: number | null;
  numberAsWritten: string | null;
  heading: string;
  questionLines: string[];
  questionLine: number;
  reply: { word: string; text: string } | null;
  answerLines: string[];
  answerLine: number;
  otherItems: number;
}

export function findRegions(text: string): Regions | null {
  const items = [...text.matchAll(ITEM)].filter((m) => !/door\s*$/.test(text.slice(0, m.index)));
  const first = items[0];
  if (!first) return null;
  const start = first.index ?? 0;
  const before = text.slice(0, start);
  const { number, written } = itemNumber(before);
  // The next item starts at its own heading, or at the number printed on the line before it.
  const next = items[1];
  let end = next ? (next.index ?? text.length) : text.length;
  if (next) {
    const lead = /(?:^|\n)[ \t]*\d[\d ]{0,5}[ \t]*[.^»,]?[ \t]*\n?[ \t]*$/.exec(
      text.slice(start, end),
    );
    if (lead) end = start + lead.index;
  }
  const body = text.slice(start + first[0].length, end);
  const headingEnd = findHeadingEnd(body);
  const heading = body.slice(0, headingEnd);
  const rest = body.slice(headingEnd);
  const reply = REPLY.exec(rest);
  const questionText = reply
    ? rest.slice(0, reply.index + (/^[\s?.]/.test(reply[0]) ? 1 : 0))
    : rest;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const questionOffset = start + first[0].length + headingEnd;
  const answerText = reply ? rest.slice(reply.index + reply[0].length) : '';
  return {
    number,
    numberAsWritten: written,
    heading,
    questionLines: bodyLines(
      questionText.replace(/\s*\b(?:Antwoord|ANTWOORD|Mededeling|MEDEDELING)\s*$/, ''),
    ),
    questionLine: lineOf(questionOffset),
    reply: reply ? { word: reply[1] ?? '', text: answerText } : null,
    answerLines: [],
    answerLine: reply ? lineOf(questionOffset + reply.index) : 0,
    otherItems: items.length - 1,
  };
}

// The heading ends after "(Ingezonden …)" — or, on pages that print no date, at the first line
// end after a full stop.
function findHeadingEnd(body: string): number {
  const sent = /\(\s*Ingezonden[^)}\]]{0,60}[)}\]][.:]?/.exec(body.slice(0, 1200));
  if (sent) return sent.index + sent[0].length;
  const stop = /\.[ \t]*\n/.exec(body.slice(0, 1200));
  return stop ? stop.index + 1 : Math.min(body.indexOf('\n') + 1 || body.length, body.length);
}

/** Lines of a region without page furniture. */
export function bodyLines(text: string): string[] {
  return text.split('\n').filter((line) => !isFurniture(line));
}
