import type { Diagnostic } from '../../errors.ts';
import type { Answer, Document, Footnote, Question, SourceFormat, Warning } from '../../types.ts';
import { daysBetween } from '../common/dates.ts';
import { buildVocabulary } from '../common/dehyphenate.ts';
import { parseHeader, type HeaderFields } from '../common/header.ts';
import {
  derivedIdFromFileName,
  officialIdFrom,
  officialIdFromFileName,
  type OfficialId,
} from '../common/ids.ts';
import { findReferences } from '../common/references.ts';
import { cleanCharacters, squash } from '../common/text-clean.ts';
import { extractUrls, joinLines } from '../common/urls.ts';
import { assembleText, typicalWidth, type Assembled, type TextState } from './assemble.ts';
import { firstHeadingIndex, readBlocks, type Block } from './blocks.ts';
import { detectTextFormat, type TextFormat } from './detect-format.ts';
import { splitFootnotes } from './footnotes.ts';
import { inferPageBreaks, removeFurniture } from './furniture.ts';
import { PAGE, toLines } from './lines.ts';
import { readPageMeta, type PageMeta } from './page-text.ts';
import { warningList } from '../common/warnings.ts';

export { detectTextFormat } from './detect-format.ts';

export interface TextContext {
  path: string;
  format: SourceFormat;
  sha256: string;
  url?: string | null;
}

export interface TextParse {
  document: Document | null;
  diagnostics: Diagnostic[];
}

const TEXT_FORMATS: readonly SourceFormat[] = ['pdf-text', 'pdf-markdown', 'page-text'];

// Text of any rendering (official PDF text from any extractor, pymupdf4llm markdown, web page
// text) to one Document. Pure and linear in the size of the text.
export function parseText(text: string, ctx: TextContext): TextParse {
  const { warnings, warn } = warningList();

  // 'pdf-text' is also what a caller says when it only knows "text": the content decides the flavour.
  const rendering: TextFormat =
    ctx.format === 'pdf-markdown' || ctx.format === 'page-text'
      ? ctx.format
      : detectTextFormat(text);
  const sourceFormat: SourceFormat = TEXT_FORMATS.includes(ctx.format) ? rendering : ctx.format;
  const clean = cleanCharacters(text);
  const lines = toLines(clean, rendering);
  // A bullet before "Vraag n" (web pages) is dropped; a text without bullets has none to drop.
  const prepared = /[•▪·]/.test(clean)
    ? lines.map((line) => line.replace(/^\s*[•▪·]\s*(?=Vraag\s+\d)/, ''))
    : lines;

  const meta = readPageMeta(
    prepared.slice(0, Math.min(prepared.length, firstHeadingIndex(prepared))),
  );
  const defurnished = removeFurniture(prepared, firstHeadingIndex(prepared));
  const paged = defurnished.furnished
    ? defurnished.lines
    : inferPageBreaks(defurnished.lines, firstHeadingIndex(defurnished.lines));
  const split = splitFootnotes(paged, firstHeadingIndex(paged));
  const body = split.body;
  const bodyStart = firstHeadingIndex(body);

  // A header is a few hundred characters; the cap keeps a document without question headings linear.
  const headerText = squash(
    body
      .slice(0, bodyStart)
      .filter((l) => l !== PAGE)
      .join('\n'),
  ).slice(0, 8000);
  const header = parseHeader(headerText);
  for (const p of header.problems) warn('parse/header', p.message, p.field);

  const { blocks } = readBlocks(body, bodyStart);
  const footnoteNumbers = new Set(split.footnotes.map((f) => f.number));
  const state: TextState = {
    vocab: buildVocabulary(body),
    footnoteNumbers,
    seen: new Set<number>(),
    width: typicalWidth(body.slice(bodyStart)),
  };
  const pageAnswers = meta.answeredStated && !blocks.some((b) => b.kind === 'answer');
  const { questions, answers } = buildEntries(blocks, state, pageAnswers, warn);

  const footnotes: Footnote[] = split.footnotes.map((f) => {
    const footnoteText = joinLines(f.lines);
    return { number: f.number, text: footnoteText, urls: extractUrls(footnoteText) };
  });

  const official = chooseId(clean, ctx.path, meta);
  const document = assemble(
    ctx,
    sourceFormat,
    official,
    header,
    meta,
    questions,
    answers,
    footnotes,
    warnings,
    clean,
    headerText,
  );
  checkCompleteness(document, warn);
  const diagnostics: Diagnostic[] = warnings.map((w) => ({
    severity: 'warning',
    code: w.code,
    message: w.message,
    file: ctx.path,
    ...(w.field ? { field: w.field } : {}),
  }));
  // A postponement notice ("Mededeling van …") may print no questions at all: that is its whole content.
  if (document.questions.length === 0 && document.type !== 'postponement') {
    return {
      document: null,
      diagnostics: [
        ...diagnostics,
        {
          severity: 'error',
          code: 'parse/no-questions',
          message:
            'no question found: expected headings like "Vraag 1" after a "Vragen van het lid …" header',
          file: ctx.path,
        },
      ],
    };
  }
  return { document, diagnostics };
}

type Warn = (code: string, message: string, field?: string | null, line?: number | null) => void;

function buildEntries(
  blocks: readonly Block[],
  state: TextState,
  pageAnswers: boolean,
  warn: Warn,
) {
  const questions: Question[] = [];
  const answers: Answer[] = [];
  for (const block of blocks) {
    if (block.kind === 'answer') {
      const { text, footnotes } = assembleText(block.lines, state);
      answers.push({ questions: block.numbers, text, footnotes });
      continue;
    }
    let lines = block.lines;
    if (pageAnswers) {
      // Web pages print each answer after its question, separated by a blank line, with no heading.
      const gap = lines.findIndex(
        (line, i) => i > 0 && !line.trim() && lines.slice(0, i).some((l) => l.trim()),
      );
      if (gap > 0 && lines.slice(gap).some((l) => l.trim())) {
        const answer = assembleText(lines.slice(gap), state);
        lines = lines.slice(0, gap);
        pushQuestion(questions, block, assembleText(lines, state), warn);
        answers.push({ questions: block.numbers, text: answer.text, footnotes: answer.footnotes });
        continue;
      }
    }
    pushQuestion(questions, block, assembleQuestion(lines, block.numbers.length, state), warn);
  }
  return { questions, answers };
}

// A combined block whose paragraphs do not match its numbers may still hold one question per
// number, each ending in "?" at a line end: try that split before keeping the block whole.
function assembleQuestion(lines: readonly string[], count: number, state: TextState): Assembled {
  const seen = new Set(state.seen);
  const plain = assembleText(lines, state);
  if (count < 2 || plain.paragraphs.length === count) return plain;
  const retry: TextState = { ...state, seen };
  const split = assembleText(lines, retry, true);
  return split.paragraphs.length === count ? split : plain;
}

// "Vraag 4, 5" holding one paragraph per number is split; otherwise the block stays whole.
function pushQuestion(questions: Question[], block: Block, assembled: Assembled, warn: Warn): void {
  const numbers = block.numbers;
  const { text, footnotes, paragraphs } = assembled;
  if (numbers.length > 1) {
    if (paragraphs.length === numbers.length) {
      numbers.forEach((n, i) => {
        const part = paragraphs[i] ?? { text: '', footnotes: [] };
        questions.push({ number: n, numbers: [n], text: part.text, footnotes: part.footnotes });
      });
      return;
    }
    warn(
      'parse/combined-question',
      `"${block.heading}" holds ${paragraphs.length} paragraph(s) for ${numbers.length} numbers; kept as one entry`,
      `/questions/${questions.length}`,
    );
  }
  questions.push({ number: numbers[0] ?? 0, numbers: [...numbers], text, footnotes });
}

function chooseId(text: string, path: string, meta: PageMeta): OfficialId {
  const fromSource = meta.answerSource ?? (meta.answeredStated ? null : meta.questionSource);
  // Each pattern needs a literal ("tk", "ISSN", "Staten-Generaal") that most texts lack or hold
  // once: looked for first, so that the whole text is not searched line by line four times.
  const hasTk = text.includes('tk') || text.includes('ek-');
  const stated =
    (hasTk ? officialIdFrom(text.match(/^\s*(?:ah|kv)-(?:tk|ek)-\S+\s*$/m)?.[0] ?? '') : null) ??
    (hasTk ? officialIdFrom(text.match(/^\s*a?h[ -]tk[ -]\d{8}[ -]\d+\s*$/m)?.[0] ?? '') : null) ??
    (fromSource ? officialIdFrom(fromSource) : null) ??
    (hasTk && text.includes('ISSN')
      ? officialIdFrom(text.match(/(?:ah|kv)-(?:tk|ek)-\S+\s+ISSN/)?.[0] ?? '')
      : null) ??
    (text.includes('Staten-Generaal') ? sessionTableId(text) : null);
  return (
    stated ??
    officialIdFromFileName(path) ?? {
      id: derivedIdFromFileName(path),
      sessionYear: null,
      number: null,
      caseNumber: null,
    }
  );
}

// officielebekendmakingen page text: "Tweede Kamer der Staten-Generaal2014-20151365" (vergaderjaar
// and number glued).
function sessionTableId(text: string): OfficialId | null {
  const m = /Staten-Generaal\s*(\d{4})-(\d{4})(\d{1,5})\b/.exec(text);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return {
    id: `ah-tk-${m[1]}${m[2]}-${Number(m[3])}`,
    sessionYear: `${m[1]}-${m[2]}`,
    number: Number(m[3]),
    caseNumber: null,
  };
}

function assemble(
  ctx: TextContext,
  format: SourceFormat,
  official: OfficialId,
  header: HeaderFields,
  meta: PageMeta,
  questions: Question[],
  answers: Answer[],
  footnotes: Footnote[],
  warnings: Warning[],
  text: string,
  headerText: string,
): Document {
  const submitted = header.submitted ?? meta.submitted;
  const answered = header.answered ?? meta.answered;
  const isQuestionsOnly =
    official.id.startsWith('kv-') ||
    (answers.length === 0 && !header.reply && !meta.answeredStated);
  const type: Document['type'] =
    header.reply === 'postponement' && answers.length === 0
      ? 'postponement'
      : header.reply === 'supplementary_answer'
        ? 'supplementary_answer'
        : isQuestionsOnly
          ? 'questions'
          : 'answer';
  const referenceText = [
    ...questions.map((q) => q.text),
    ...answers.map((a) => a.text),
    ...footnotes.map((f) => f.text),
    headerText,
  ].join('\n');
  // A postponement notice names the questions it postpones by their zaak: "(2021Z00123)".
  const noticeCase = type === 'postponement' ? onlyCaseNumber(headerText) : null;
  const caseNumber =
    official.caseNumber ??
    meta.caseNumber ??
    /Zaaknummer:?\s*(\d{4}Z\d{5})/.exec(text)?.[1] ??
    noticeCase;
  const chamber =
    /-ek-/.test(official.id) || /Eerste Kamer der Staten-Generaal/.test(text.slice(0, 2000))
      ? 'Eerste Kamer'
      : 'Tweede Kamer';
  return {
    id: official.id,
    type,
    chamber,
    session_year: official.sessionYear,
    number: official.number,
    case_number: caseNumber,
    title: header.title ?? meta.title,
    askers: header.askers ?? meta.askers,
    addressees: header.addressees,
    submitted,
    answered,
    response_days: daysBetween(submitted, answered),
    answerer: header.answerer ?? meta.answerer,
    co_answerers: header.answerer ? header.coAnswerers : null,
    questions,
    answers,
    footnotes,
    // The document's own id and zaak are no references to other papers.
    references: findReferences(referenceText).filter(
      (r) => r.identifier === null || (r.identifier !== caseNumber && r.identifier !== official.id),
    ),
    source: { path: ctx.path, format, sha256: ctx.sha256, url: ctx.url ?? null },
    warnings,
  };
}

function onlyCaseNumber(text: string): string | null {
  const found = new Set(text.match(/\b\d{4}Z\d{5}\b/g) ?? []);
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

// /[.?!:;)»”"'’\]]\s*$/ without searching the whole text: the last non-space character decides.
function endsLikeSentence(text: string): boolean {
  const end = text.trimEnd();
  return end.length > 0 && '.?!:;)»”"\'’]'.includes(end.charAt(end.length - 1));
}

function checkCompleteness(doc: Document, warn: Warn): void {
  if (doc.askers === null)
    warn('parse/missing-askers', 'no "Vragen van het lid …" header: askers unknown', '/askers');
  if (doc.submitted === null && doc.type !== 'questions')
    warn('parse/missing-date', 'no "(ingezonden …)" date: submitted unknown', '/submitted');
  if (doc.answered === null && doc.type !== 'questions')
    warn('parse/missing-date', 'no "(ontvangen …)" date: answered unknown', '/answered');
  const answered = new Set(doc.answers.flatMap((a) => a.questions));
  const asked = new Set(doc.questions.flatMap((q) => q.numbers));
  if (doc.type === 'answer' || doc.type === 'supplementary_answer') {
    for (const n of asked)
      if (!answered.has(n))
        warn('parse/unanswered-question', `question ${n} has no answer`, '/questions');
  }
  for (const n of answered)
    if (!asked.has(n))
      warn(
        'parse/unknown-question',
        `an answer covers question ${n}, which is not printed`,
        '/answers',
      );
  // A text cut off in its last block (a truncated file or page excerpt) ends without a sentence end.
  const last = doc.answers.length > 0 ? doc.answers.at(-1) : doc.questions.at(-1);
  if (last && last.text && !endsLikeSentence(last.text)) {
    const field =
      doc.answers.length > 0
        ? `/answers/${doc.answers.length - 1}`
        : `/questions/${doc.questions.length - 1}`;
    warn(
      'parse/truncated',
      `the text ends mid-sentence ("…${last.text.slice(-40)}"): the document may be incomplete`,
      field,
    );
  }
  const markers = new Set([
    ...doc.questions.flatMap((q) => q.footnotes),
    ...doc.answers.flatMap((a) => a.footnotes),
  ]);
  for (const f of doc.footnotes)
    if (!markers.has(f.number))
      warn(
        'parse/footnote-marker',
        `no marker for footnote ${f.number} found in the text`,
        '/footnotes',
      );
}
