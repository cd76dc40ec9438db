import type { Diagnostic } from '../../errors.ts';
import type { Answer, Document, Footnote, Question, Warning } from '../../types.ts';
import { daysBetween } from '../common/dates.ts';
import { derivedIdFromFileName } from '../common/ids.ts';
import { findReferences } from '../common/references.ts';
import { cleanCharacters } from '../common/text-clean.ts';
import { extractUrls } from '../common/urls.ts';
import { parseReplyHeading, type ReplyHeading } from './answer-heading.ts';
import { assignNumbers, splitUnnumberedQuestions, type Entry } from './assign.ts';
import { readMasthead, type Masthead } from './furniture.ts';
import { parseItemHeading } from './ocr-heading.ts';
import { bodyLines, findRegions, type Regions } from './regions.ts';
import { segment } from './segment.ts';
import { warningList } from '../common/warnings.ts';

export { isSgdOcr } from './detect-ocr.ts';

export interface OcrContext {
  path: string;
  sha256: string;
  url?: string | null;
}

export interface OcrParse {
  document: Document | null;
  diagnostics: Diagnostic[];
}

// One scanned Aanhangsel page (Staten-Generaal Digitaal OCR) to a Document. What the scan leaves
// in doubt is said in warnings, never repaired silently: numbers assigned by position, text kept
// whole where its order cannot be trusted, other items on the same page.
export function parseOcr(raw: string, ctx: OcrContext): OcrParse {
  const text = cleanCharacters(raw);
  const { warnings, warn } = warningList();
  const regions = findRegions(text);
  if (!regions) return failure(ctx.path, 'no item heading like "VRAGEN van het lid …" on the page');
  const masthead = readMasthead(text);
  const heading = parseItemHeading(regions.heading);
  for (const p of heading.problems) warn('ocr/heading', p, null, regions.questionLine);
  if (regions.otherItems > 0)
    warn(
      'ocr/several-documents',
      `the page holds ${regions.otherItems} more item(s) after this one; only the first is read`,
    );

  const { questions, answers, footnotes, reply } = readBody(regions, warn);
  const type: Document['type'] =
    reply === null ? 'questions' : reply.kind === 'postponement' ? 'postponement' : 'answer';
  const id = chooseId(masthead, regions.number, ctx.path, warn);
  const submitted = heading.submitted;
  let answered = reply?.answered ?? null;
  if (submitted && answered && answered < submitted) {
    // A misprinted year ("Ingezonden 4 januari 1959" for questions of 8 december 1959): the
    // page itself is wrong, and the right year is not printed anywhere.
    warn(
      'ocr/date-order',
      `the reply is dated ${answered}, before the questions (${submitted}): the printed date is left out`,
      '/answered',
      regions.answerLine,
    );
    answered = null;
  }
  const document: Document = {
    id,
    type,
    chamber: masthead.chamber,
    session_year: masthead.sessionYear,
    number: regions.number,
    case_number: null,
    title: heading.title,
    askers: heading.askers,
    addressees: heading.addressees,
    submitted,
    answered,
    response_days: daysBetween(submitted, answered),
    answerer: reply?.answerer ?? null,
    co_answerers: reply ? reply.coAnswerers : [],
    questions,
    answers,
    footnotes,
    references: findReferences(
      [...questions.map((q) => q.text), ...answers.map((a) => a.text)].join('\n'),
    ).filter((r) => r.identifier !== id),
    source: {
      path: ctx.path,
      format: 'sgd-ocr',
      sha256: ctx.sha256,
      url: ctx.url ?? pageUrl(ctx.path),
    },
    warnings,
  };
  if (questions.length === 0)
    return failure(ctx.path, 'no question text after the item heading', warnings);
  return { document, diagnostics: warnings.map((w) => toDiagnostic(w, ctx.path)) };
}

interface Body {
  questions: Question[];
  answers: Answer[];
  footnotes: Footnote[];
  reply: ReplyHeading | null;
}

// Questions up to the reply heading (a "Toelichting" after them is the askers' explanation, not a
// question), answers after it; numbers assigned where the scan lost them.
function readBody(regions: Regions, warn: Warn): Body {
  const toelichting = regions.questionLines.findIndex((l) => /^\s*Toelichting\b/.test(l));
  const questionLines =
    toelichting >= 0 ? regions.questionLines.slice(0, toelichting) : regions.questionLines;
  const qs = segment(questionLines, regions.questionLine);
  let questionEntries = assignNumbers(qs.units, 'question', 0);
  const total = Math.max(0, ...questionEntries.flatMap((e) => e.numbers));
  const reply = regions.reply
    ? parseReplyHeading(
        regions.reply.text,
        /^m/i.test(regions.reply.word) ? 'postponement' : 'answer',
      )
    : null;
  for (const p of reply?.problems ?? [])
    warn('ocr/reply-heading', p, '/answerer', regions.answerLine);
  const answerText = reply && regions.reply ? regions.reply.text.slice(reply.length) : '';
  const as = reply?.kind === 'answer' ? segment(bodyLines(answerText), regions.answerLine) : null;
  const answerEntries = as ? assignNumbers(as.units, 'answer', total) : [];
  const answeredMax = Math.max(0, ...answerEntries.flatMap((e) => e.numbers));
  if (answeredMax > total) questionEntries = splitUnnumberedQuestions(questionEntries, answeredMax);
  const asked = new Set(questionEntries.flatMap((e) => e.numbers));
  const answerBlocks = keepKnown(answerEntries, asked, warn);
  const signs = [...qs.outOfOrder, ...(as?.outOfOrder ?? [])];
  // A paragraph that asks, among the answers, is question text the scan put in the wrong column.
  for (const e of answerEntries)
    if (e.text.split('\n').some((paragraph) => /\?\s*$/.test(paragraph.trim())))
      signs.push({
        line: e.line,
        why: `answer ${e.numbers.join(', ')} holds a paragraph that asks a question`,
      });
  for (const sign of signs)
    warn(
      'ocr/reading-order',
      `${sign.why}: columns may be read out of order; the text is kept where it stands`,
      null,
      sign.line,
    );
  flagEntries(questionEntries, 'questions', warn);
  flagEntries(answerBlocks, 'answers', warn);
  const footnotes = distinctFootnotes(qs.footnotes, as?.footnotes ?? [], answerBlocks, warn).map(
    (f) => ({
      number: f.number,
      text: f.text,
      urls: extractUrls(f.text),
    }),
  );
  return {
    questions: questionEntries.map((e) => ({
      number: e.numbers[0] ?? 0,
      numbers: e.numbers,
      text: e.text,
      footnotes: [],
    })),
    answers: answerBlocks.map((e) => ({ questions: e.numbers, text: e.text, footnotes: [] })),
    footnotes,
    reply,
  };
}

// ah-tk-19791980-1590 when chamber, session year and number are printed; otherwise the file
// name's stem, which for a fetched page is "sgd-<10-digit SGD id>".
function chooseId(masthead: Masthead, number: number | null, path: string, warn: Warn): string {
  if (!masthead.sessionYear)
    warn(
      'ocr/no-session-year',
      'no session year on the page: the id is derived from the file name',
      '/session_year',
    );
  if (!number)
    warn(
      'ocr/no-number',
      'no Aanhangsel number before the item heading: the id is derived from the file name',
      '/number',
    );
  if (!masthead.sessionYear || !number || !masthead.chamber) return derivedIdFromFileName(path);
  const chamber = masthead.chamber === 'Eerste Kamer' ? 'ek' : 'tk';
  return `ah-${chamber}-${masthead.sessionYear.replace('-', '')}-${number}`;
}

// An answer to a question the page does not print (its question text sits in a column the scan
// read elsewhere) stays with the answer before it, whole, so that every answer answers a question.
function keepKnown(entries: readonly Entry[], asked: ReadonlySet<number>, warn: Warn): Entry[] {
  const kept: Entry[] = [];
  for (const e of entries) {
    const previous = kept[kept.length - 1];
    if (e.numbers.every((n) => asked.has(n)) || !previous) {
      kept.push({ ...e });
      continue;
    }
    previous.text = `${previous.text}\n${e.text}`;
    previous.merged = true;
    warn(
      'ocr/unknown-question',
      `an answer to question ${e.numbers.join(', ')}, which the page does not print where expected, is kept inside answer ${previous.numbers.join(', ')}`,
      null,
      e.line,
    );
  }
  return kept;
}

// Answers may number their footnotes from 1 again; a number already taken by the questions'
// footnotes keeps its text at the end of the last answer, so nothing is lost.
function distinctFootnotes(
  questions: readonly { number: number; text: string }[],
  answers: readonly { number: number; text: string }[],
  answerEntries: Entry[],
  warn: Warn,
): { number: number; text: string }[] {
  const taken = new Set(questions.map((f) => f.number));
  const out = [...questions];
  for (const f of answers) {
    const last = answerEntries[answerEntries.length - 1];
    if (!taken.has(f.number) || !last) {
      taken.add(f.number);
      out.push(f);
      continue;
    }
    last.text = `${last.text}\n${f.number} ${f.text}`;
    warn(
      'ocr/footnote-number',
      `the answers number a footnote ${f.number} again; its text stays at the end of the last answer`,
      '/footnotes',
    );
  }
  return out;
}

type Warn = (code: string, message: string, field?: string | null, line?: number | null) => void;

function flagEntries(entries: readonly Entry[], field: 'questions' | 'answers', warn: Warn): void {
  entries.forEach((e, i) => {
    if (e.inferred)
      warn(
        'ocr/number-inferred',
        `no printed number for ${field === 'questions' ? 'question' : 'answer'} ${e.numbers.join(', ')}: numbered by position`,
        `/${field}/${i}`,
        e.line,
      );
    if (e.merged)
      warn(
        'ocr/kept-whole',
        `paragraphs without a number are kept inside ${field === 'questions' ? 'question' : 'answer'} ${e.numbers.join(', ')}, in the order scanned`,
        `/${field}/${i}`,
        e.line,
      );
  });
}

function toDiagnostic(w: Warning, file: string): Diagnostic {
  return {
    severity: 'warning',
    code: w.code,
    message: w.message,
    file,
    ...(w.field ? { field: w.field } : {}),
    ...(w.line ? { line: w.line } : {}),
  };
}

function failure(file: string, message: string, warnings: Warning[] = []): OcrParse {
  return {
    document: null,
    diagnostics: [
      ...warnings.map((w) => toDiagnostic(w, file)),
      {
        severity: 'error',
        code: 'parse/no-questions',
        message: `${message} (Staten-Generaal Digitaal OCR page)`,
        file,
      },
    ],
  };
}

// A fetched page is stored as sgd-<10-digit SGD id>.ocr.txt: its reading page follows from the id.
function pageUrl(path: string): string | null {
  const id = /(?:^|[\\/])sgd-(\d{10})\.[^\\/]*$/.exec(path)?.[1];
  return id ? `https://zoek.officielebekendmakingen.nl/${id}/ocr` : null;
}
