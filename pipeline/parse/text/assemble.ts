import { decideHyphen, isMergedLineBreak, type Vocabulary } from '../common/dehyphenate.ts';
import { letterAt, letterBefore, letterRunStart, lowerAt, lowerRunEnd } from '../common/letters.ts';
import { isSpaceCode } from '../common/text-clean.ts';
import { endsInsideUrl } from '../common/urls.ts';
import { MARK_CLOSE, MARK_OPEN, PAGE } from './lines.ts';

// Lines of one block to clean running text: paragraphs kept as "\n\n", line-end hyphenation
// joined, footnote markers removed and recorded.

export interface TextState {
  vocab: Vocabulary;
  /** Footnote numbers that exist; only these can be markers. */
  footnoteNumbers: ReadonlySet<number>;
  /** Markers already found; markers appear in the text roughly in footnote order. */
  seen: Set<number>;
  /** Typical line width of the rendering: a shorter line ending a sentence ends a paragraph. */
  width: number;
}

export function typicalWidth(lines: readonly string[]): number {
  const lengths: number[] = [];
  for (const line of lines) {
    const length = line === PAGE ? 0 : line.trim().length;
    if (length > 0) lengths.push(length);
  }
  // A typed array sorts numbers without a comparison callback.
  const sorted = Int32Array.from(lengths).sort();
  return sorted[Math.floor(sorted.length * 0.9)] ?? 80;
}

// A sentence end, possibly followed by closing quotes, a glued marker digit or a marker token.
const SENTENCE_END = new RegExp(
  `[.?!:;][»”"')\\]]*(?:\\d{1,2}|${MARK_OPEN}[\\d,]+${MARK_CLOSE})?$`,
);

const QUESTION_END = new RegExp(
  `\\?[»”"')\\]]*(?:\\d{1,2}(?:,\\s?\\d{1,2})*|${MARK_OPEN}[\\d,]+${MARK_CLOSE})?$`,
);

function nextText(lines: readonly string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j] ?? '';
    if (line !== PAGE && line.trim()) return line;
  }
  return '';
}

/** The next few footnote numbers whose marker has not been found yet. */
function dueMarkers(state: TextState, count = 3): number[] {
  const due: number[] = [];
  for (const n of sortedNumbers(state.footnoteNumbers)) {
    if (!state.seen.has(n)) due.push(n);
    if (due.length === count) break;
  }
  return due;
}

// The footnote numbers in order, sorted once per document instead of at every marker search.
const sortedCache = new WeakMap<ReadonlySet<number>, number[]>();

function sortedNumbers(numbers: ReadonlySet<number>): number[] {
  let sorted = sortedCache.get(numbers);
  if (!sorted || sorted.length !== numbers.size) {
    sorted = [...numbers].sort((a, b) => a - b);
    sortedCache.set(numbers, sorted);
  }
  return sorted;
}

export interface Assembled {
  text: string;
  footnotes: number[];
  paragraphs: { text: string; footnotes: number[] }[];
}

/**
 * `questionBreaks`: also end a paragraph after a line ending in a question mark when the next line
 * starts with a capital (used to split a combined "Vraag 3, 4, 5 en 6" block into its questions).
 */
export function assembleText(
  lines: readonly string[],
  state: TextState,
  questionBreaks = false,
): Assembled {
  const withMarkers = markLineStartMarkers(lines, state);
  const builder = new ParagraphBuilder(state.vocab);
  let gap = false;
  for (let i = 0; i < withMarkers.length; i++) {
    const raw = withMarkers[i] ?? '';
    if (raw === PAGE) continue;
    const line = raw.trim();
    if (!line) {
      gap = true;
      continue;
    }
    // A blank line before a lower-case continuation is an extraction artefact, not a paragraph end.
    if (gap && !/^\p{Ll}/u.test(line)) builder.flush();
    gap = false;
    // A dash or bullet after a sentence end starts a list item; after a word it is running text.
    if (!builder.empty && /^[–•▪·*-](\s|$)/.test(line) && /[.:;?!]$/.test(builder.tail))
      builder.flush();
    builder.append(line);
    if (SENTENCE_END.test(line) && line.length < state.width * 0.85) builder.flush();
    else if (
      questionBreaks &&
      QUESTION_END.test(line) &&
      /^\s*\p{Lu}/u.test(nextText(withMarkers, i))
    )
      builder.flush();
  }
  builder.flush();
  const paragraphs = builder.paragraphs;
  const parts = paragraphs
    .map((p) => {
      const found: number[] = [];
      const text = cleanParagraph(extractMarkers(p, state, found), state.vocab);
      return { text, footnotes: found };
    })
    .filter((p) => p.text);
  return {
    text: parts.map((p) => p.text).join('\n\n'),
    footnotes: [...new Set(parts.flatMap((p) => p.footnotes))],
    paragraphs: parts,
  };
}

// The paragraph being built, as pieces: appending to one growing string and reading its end
// again for every line would be quadratic in the paragraph length. (A class rather than closures
// made per call: the loader names every closure it creates, which cost more than the work.)
class ParagraphBuilder {
  readonly paragraphs: string[] = [];
  private pieces: string[] = [];
  /** The last characters of the paragraph so far. */
  tail = '';

  constructor(private readonly vocab: Vocabulary) {}

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  flush(): void {
    const paragraph = this.pieces.join('').trim();
    if (paragraph) this.paragraphs.push(paragraph);
    this.pieces = [];
    this.tail = '';
  }

  append(line: string): void {
    const pieces = this.pieces;
    let separator = '';
    if (pieces.length > 0) {
      const join = joinAtLineEnd(this.tail, line, this.vocab);
      if (join.dropHyphen) {
        const last = pieces.length - 1;
        pieces[last] = (pieces[last] ?? '').slice(0, -1);
        this.tail = this.tail.slice(0, -1);
      }
      separator = join.separator;
    }
    pieces.push(separator, line);
    this.tail = (this.tail + separator + line).slice(-400);
  }
}

// How `line` continues the paragraph whose last characters are `tail`.
function joinAtLineEnd(tail: string, line: string, vocab: Vocabulary): LineJoin {
  if (endsInsideUrl(tail, line)) return GLUE;
  // A letter and a hyphen at the end (/\p{L}-$/u, read from the end rather than matched over the
  // whole tail for every line).
  if (tail.endsWith('-') && letterBefore(tail, tail.length - 1) > 0) {
    const leftWord = tail.slice(tail.lastIndexOf(' ') + 1, -1);
    const rightWord = line.slice(0, firstSpace(line));
    const how = decideHyphen(leftWord, rightWord, vocab);
    if (how === 'join') return DROP_HYPHEN;
    if (how === 'keep') return GLUE;
  }
  return SPACE;
}

interface LineJoin {
  readonly dropHyphen: boolean;
  readonly separator: string;
}
const GLUE: LineJoin = { dropHyphen: false, separator: '' };
const DROP_HYPHEN: LineJoin = { dropHyphen: true, separator: '' };
const SPACE: LineJoin = { dropHyphen: false, separator: ' ' };

/** Index of the first white-space character (/\s/), the length when there is none. */
function firstSpace(text: string): number {
  let i = 0;
  while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

// Within merged or flattened lines a former line-end hyphen survives as "zieken- huisnota".
export function cleanParagraph(text: string, vocab: Vocabulary): string {
  const joined = text.includes('-') ? joinMergedBreaks(joinSpacedBreaks(text, vocab), vocab) : text;
  return squashSpaces(joined)
    .replace(/ ([,.;:?!])(?=\s|$)/g, '$1')
    .trim();
}

// Space and tab runs to one space; most paragraphs have none to squash.
function squashSpaces(text: string): string {
  return text.includes('  ') || text.includes('\t') ? text.replace(/[ \t]+/g, ' ') : text;
}

// The two scans below stand for global Unicode regular expressions that retried at every position
// of every paragraph (a large share of the parser's time); they start from each hyphen instead,
// and keep the regular expression's leftmost, non-overlapping matches.

// "zieken- huisnota": /(?<!\p{L})(\p{L}+)- (\p{Ll}[\p{L}-]*)/gu, joined, hyphen kept or left as is.
function joinSpacedBreaks(text: string, vocab: Vocabulary): string {
  let out = '';
  let copied = 0;
  let matchEnd = 0;
  for (let dash = text.indexOf('- '); dash >= 0; dash = text.indexOf('- ', dash + 1)) {
    const start = letterRunStart(text, dash);
    // No letters before the hyphen, or they belong to the previous match.
    if (start === dash || start < matchEnd) continue;
    const rightStart = dash + 2;
    const first = lowerAt(text, rightStart);
    if (first === 0) continue;
    let end = rightStart + first;
    for (;;) {
      if (text.charCodeAt(end) === HYPHEN) end += 1;
      else {
        const width = letterAt(text, end);
        if (width === 0) break;
        end += width;
      }
    }
    matchEnd = end;
    const left = text.slice(start, dash);
    const right = text.slice(rightStart, end);
    const how = decideHyphen(left, right, vocab);
    if (how === 'suspended') continue;
    out += text.slice(copied, start) + (how === 'join' ? `${left}${right}` : `${left}-${right}`);
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// pypdf's "wense-lijk": /(?<![\p{L}-])(\p{L}+)-(\p{Ll}+)(?![\p{L}-])/gu, joined when
// `isMergedLineBreak` says so.
function joinMergedBreaks(text: string, vocab: Vocabulary): string {
  let out = '';
  let copied = 0;
  let matchEnd = 0;
  for (let dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
    const start = letterRunStart(text, dash);
    if (start === dash || start < matchEnd || text.charCodeAt(start - 1) === HYPHEN) continue;
    const end = lowerRunEnd(text, dash + 1);
    if (end === dash + 1 || letterAt(text, end) > 0 || text.charCodeAt(end) === HYPHEN) continue;
    matchEnd = end;
    const left = text.slice(start, dash);
    const right = text.slice(dash + 1, end);
    if (!isMergedLineBreak(left, right, vocab)) continue;
    out += text.slice(copied, start) + left + right;
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const HYPHEN = 0x2d;

// pypdf pushes markers to the next line: a line "1, 2" or "1? " alone, or "1 Zo ja, …" after a
// line that ends a sentence.
function markLineStartMarkers(lines: readonly string[], state: TextState): string[] {
  const out: string[] = [];
  let previousIndex = -1;
  for (const line of lines) {
    // "1, 2", "1? Zo ja", "2, waarin", and glued to a capital: "3Toekomstige samenwerking".
    // Both patterns need a digit after the leading space: most lines are settled by that.
    const m = startsWithDigit(line)
      ? (/^\s*(\d{1,3}(?:\s*,\s*\d{1,3})*)\s*([?.!;:,]?)(\s+\S.*)?$/.exec(line) ??
        /^\s*(\d{1,3})()(\p{Lu}\p{Ll}.*)$/u.exec(line))
      : null;
    const previous = previousIndex >= 0 ? (out[previousIndex] ?? '') : '';
    if (m && previous && isExpectedList(m[1] ?? '', state)) {
      const rest = (m[3] ?? '').trim();
      const token = `${MARK_OPEN}${(m[1] ?? '').replace(/\s+/g, '')}${MARK_CLOSE}${m[2] ?? ''}`;
      if (!rest) {
        out[previousIndex] = `${previous.trimEnd()}${token}`;
        continue;
      }
      if (SENTENCE_END.test(previous.trimEnd()) || continuesAfterMarker(rest)) {
        out[previousIndex] = `${previous.trimEnd()}${token}`;
        out.push(rest);
        previousIndex = out.length - 1;
        continue;
      }
    }
    out.push(line);
    if (line !== PAGE && line.trim()) previousIndex = out.length - 1;
  }
  return out;
}

function startsWithDigit(line: string): boolean {
  let i = 0;
  while (i < line.length && isSpaceCode(line.charCodeAt(i))) i++;
  const code = line.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

// Words that follow a number in running text ("7 oktober", "3 procent", "5 jaar"): a line
// starting with such a pair is text, not a marker pushed to the line start.
const NUMBER_FOLLOWERS = new Set(
  (
    'januari februari maart april mei juni juli augustus september oktober november december jan feb mrt apr jun jul aug sep okt nov dec ' +
    'procent miljoen miljard duizend honderd euro jaar jaren maand maanden week weken dag dagen uur uren minuten keer personen mensen ' +
    'leden stuks kilo kilometer meter km m procentpunt x en of tot tot- t/m van de het'
  ).split(' '),
);

// pypdf: "… de Commissie Deskundigen Mest" / "3 ingegaan op het proces": a marker before a lower-case
// continuation of the sentence.
function continuesAfterMarker(rest: string): boolean {
  const word = /^(\p{Ll}[\p{L}/-]*)/u.exec(rest)?.[1];
  return word !== undefined && !NUMBER_FOLLOWERS.has(word);
}

function isExpectedList(list: string, state: TextState): boolean {
  const numbers = list.split(',').map((n) => Number(n.trim()));
  const first = numbers[0] ?? 0;
  return (
    // Glued markers of the same block are only found later, so look further ahead here.
    dueMarkers(state, 8).includes(first) &&
    numbers.every(
      (n, i) => state.footnoteNumbers.has(n) && (i === 0 || n === (numbers[i - 1] ?? 0) + 1),
    )
  );
}

// Markers glued to the text: "leest»?1", "Rijksoverheid.3", "?1, 2", "uit 20224" (2022 + marker 4),
// "gesproken.3Toekomstige", and the tokens made from "[1 ]".
function extractMarkers(text: string, state: TextState, found: number[]): string {
  let out = text.replace(MARK_TOKEN, (_m, list: string) => {
    for (const n of list.split(',').map(Number)) record(n, state, found);
    return '';
  });
  for (let guard = 0; guard < 200; guard++) {
    const next = findGluedMarker(out, state);
    if (!next) break;
    for (const n of next.numbers) record(n, state, found);
    out = out.slice(0, next.start) + out.slice(next.end);
  }
  return out;
}

const MARK_TOKEN = new RegExp(`${MARK_OPEN}([\\d,]+)${MARK_CLOSE}`, 'g');

function record(n: number, state: TextState, found: number[]): void {
  if (!found.includes(n)) found.push(n);
  state.seen.add(n);
}

// The two patterns of marker n, compiled once per number rather than per search. Both start
// with the number itself, so they are tried (sticky) only where it occurs: searched over the
// whole text, the Unicode lookbehind that opens the first ran at every position.
const markerPatterns = new Map<number, { digits: string; glued: RegExp; year: RegExp }>();

function patternsFor(n: number): { digits: string; glued: RegExp; year: RegExp } {
  let patterns = markerPatterns.get(n);
  if (!patterns) {
    const list = `${n}(?:\\s?,\\s?${n + 1}(?:\\s?,\\s?${n + 2})?)?`;
    patterns = {
      digits: String(n),
      glued: new RegExp(`(?<=[\\p{Ll}.,;:?!»”’)\\]%])(${list})(?=[\\s.,;:?!»”’)]|$|\\p{Lu})`, 'uy'),
      year: new RegExp(`(?<=\\b(?:19|20)\\d{2})(${n})(?=[\\s.,;:?!)]|$)`, 'y'),
    };
    markerPatterns.set(n, patterns);
  }
  return patterns;
}

// The leftmost match of either pattern of n (the glued one when both match at one place).
export function firstMarkerMatch(text: string, n: number): RegExpExecArray | null {
  const { digits, glued, year } = patternsFor(n);
  for (let at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, at + 1)) {
    glued.lastIndex = at;
    const m = glued.exec(text);
    if (m) return m;
    year.lastIndex = at;
    const y = year.exec(text);
    if (y) return y;
  }
  return null;
}

function findGluedMarker(
  text: string,
  state: TextState,
): { start: number; end: number; numbers: number[] } | null {
  for (const n of dueMarkers(state)) {
    const m = firstMarkerMatch(text, n);
    if (m) {
      const numbers = (m[1] ?? '')
        .split(',')
        .map((x) => Number(x.trim()))
        .filter((x) => state.footnoteNumbers.has(x));
      return { start: m.index, end: m.index + m[0].length, numbers };
    }
  }
  return null;
}
