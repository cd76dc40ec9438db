import type { Diagnostic } from '../../errors.ts';
import type { Answer, Document, Footnote, Question, SourceFormat } from '../../types.ts';
import { daysBetween } from '../common/dates.ts';
import { parseHeader } from '../common/header.ts';
import { answerHeading, parseNumberList, questionHeading } from '../common/headings.ts';
import { warningList } from '../common/warnings.ts';
import { derivedIdFromFileName, officialIdFromFileName } from '../common/ids.ts';
import { findReferences } from '../common/references.ts';
import { cleanPublication } from './clean-publication.ts';
import { resolveNames } from './mark-names.ts';
import { maxOf } from '../common/lists.ts';

// The structured renderings (officielebekendmakingen XML and HTML) both come down to the same
// parts: a header (the "Vragen van …" and "Antwoord van …" sentences), numbered question and
// answer blocks, and footnotes. This turns those parts into the Document the text path gives.

export interface Block {
  kind: 'question' | 'answer' | 'remark';
  /** The printed number heading ("Vraag 2, 3", "Antwoord 1", "Antwoord"), null when absent. */
  heading: string | null;
  paragraphs: string[];
  footnotes: number[];
}

export interface Publication {
  /** Official id the content states (the externMetadataRecord URL), else null. */
  id: string | null;
  chamber: Document['chamber'];
  sessionYear: string | null;
  number: number | null;
  /**
   * The header sentences, whitespace collapsed. A name the markup marks (<naam>) may stand in it
   * as a placeholder NAME_MARK(i), resolved from `names` after the sentence is read.
   */
  header: string;
  names?: string[];
  /** ISO dates the markup gives (<datum isodatum>), which win over the printed date. */
  submitted: string | null;
  answered: string | null;
  blocks: Block[];
  footnotes: Footnote[];
}

export interface AssembleContext {
  path: string;
  format: SourceFormat;
  sha256: string;
  url?: string | null;
}

export function assembleDocument(
  raw: Publication,
  ctx: AssembleContext,
): { document: Document | null; diagnostics: Diagnostic[] } {
  const pub = cleanPublication(raw);
  if (!pub.blocks.some((b) => b.kind === 'question')) {
    return {
      document: null,
      diagnostics: [
        {
          severity: 'error',
          code: 'parse/no-questions',
          message:
            'the publication holds no question (<vraag>, div.vraag); an empty record is not kept',
          file: ctx.path,
        },
      ],
    };
  }
  const { warnings, warn } = warningList();

  const header = resolveNames(parseHeader(pub.header), pub.names ?? []);
  for (const problem of header.problems) warn('parse/header', problem.message, problem.field);
  const submitted = pub.submitted ?? header.submitted;
  const answered = pub.answered ?? header.answered;

  const questions: Question[] = [];
  const answers: Answer[] = [];
  let lastQuestionNumbers: number[] = [];
  let nextNumber = 1;
  pub.blocks.forEach((block, index) => {
    const text = block.paragraphs.join('\n\n');
    const field = `/${block.kind === 'question' ? 'questions' : 'answers'}`;
    if (block.kind === 'question') {
      let numbers = block.heading ? headingNumbers(block.heading, 'question') : null;
      if (!numbers) {
        numbers = [nextNumber];
        warn(
          'parse/question-number',
          `question block ${index + 1} has no readable number (${block.heading === null ? 'no heading' : `"${block.heading}"`}); numbered ${nextNumber} by position`,
          field,
        );
      }
      nextNumber = maxOf(numbers) + 1;
      lastQuestionNumbers = numbers;
      if (numbers.length > 1 && block.paragraphs.length === numbers.length) {
        // "Vraag 4, 5" printed over two paragraphs: one paragraph per number.
        numbers.forEach((n, i) =>
          questions.push({
            number: n,
            numbers: [n],
            text: block.paragraphs[i] ?? '',
            footnotes: block.footnotes,
          }),
        );
      } else {
        if (numbers.length > 1) {
          warn(
            'parse/combined-question',
            `"${block.heading}" is printed as one block; kept whole`,
            field,
          );
        }
        questions.push({
          number: numbers[0] ?? nextNumber,
          numbers,
          text,
          footnotes: block.footnotes,
        });
      }
    } else if (block.kind === 'answer') {
      let numbers = block.heading ? headingNumbers(block.heading, 'answer') : [];
      if (numbers === null || numbers.length === 0) {
        // A bare "Antwoord" answers the question printed just before it.
        numbers = lastQuestionNumbers;
        if (numbers.length === 0) {
          warn(
            'parse/answer-number',
            `answer block ${index + 1} has no number and follows no question`,
            field,
          );
          return;
        }
      }
      answers.push({ questions: numbers, text, footnotes: block.footnotes });
    }
  });

  const remarks = pub.blocks.filter((b) => b.kind === 'remark');
  let type: Document['type'];
  if (
    header.reply === 'postponement' ||
    (answers.length === 0 && remarks.length > 0 && header.reply === null)
  ) {
    type = 'postponement';
  } else if (header.reply) {
    type = header.reply;
  } else {
    type = answers.length === 0 ? 'questions' : 'answer';
  }

  if (type === 'answer' || type === 'supplementary_answer') {
    const answered = new Set(answers.flatMap((a) => a.questions));
    for (const q of questions) {
      if (!q.numbers.some((n) => answered.has(n))) {
        warn(
          'parse/unanswered',
          `question ${q.number} has no answer`,
          `/questions/${questions.indexOf(q)}`,
        );
      }
    }
  }
  const known = new Set(questions.flatMap((q) => q.numbers));
  answers.forEach((a, i) => {
    const missing = a.questions.filter((n) => !known.has(n));
    if (missing.length > 0)
      warn(
        'parse/unknown-question',
        `answer ${i + 1} covers question ${missing.join(', ')}, which is not printed`,
        `/answers/${i}`,
      );
  });

  const fileId = officialIdFromFileName(ctx.path);
  const id = pub.id ?? fileId?.id ?? derivedIdFromFileName(ctx.path);
  const sessionYear = pub.sessionYear ?? fileId?.sessionYear ?? null;
  const number = pub.number ?? fileId?.number ?? null;
  const caseNumber = fileId?.caseNumber ?? /^kv-(?:tk|ek)-(\d{4}Z\d{5})$/.exec(id)?.[1] ?? null;

  const body = [
    ...questions.map((q) => q.text),
    ...answers.map((a) => a.text),
    ...pub.footnotes.map((f) => f.text),
  ].join('\n');
  const document: Document = {
    id,
    type,
    chamber: pub.chamber,
    session_year: sessionYear,
    number,
    case_number: caseNumber,
    title: header.title,
    askers: header.askers,
    addressees: header.addressees,
    submitted,
    answered,
    response_days: daysBetween(submitted, answered),
    answerer: header.answerer,
    co_answerers: header.coAnswerers,
    questions,
    answers,
    footnotes: pub.footnotes,
    references: findReferences(body),
    source: { path: ctx.path, format: ctx.format, sha256: ctx.sha256, url: ctx.url ?? null },
    warnings,
  };
  const diagnostics: Diagnostic[] = warnings.map((w) => ({
    severity: 'warning',
    code: w.code,
    message: w.message,
    file: ctx.path,
    ...(w.field === null ? {} : { field: w.field }),
  }));
  return { document, diagnostics };
}

// The number heading of a block. The block's element already says whether it is a question or an
// answer, so the site layout's bare "<p class="nummer">1</p>" and an answer headed with the
// numbers it answers ("<h2>Vraag 2, 3</h2>" inside div.antwoord) are read too.
function headingNumbers(heading: string, kind: 'question' | 'answer'): number[] | null {
  const own = kind === 'question' ? questionHeading(heading) : answerHeading(heading);
  if (own && own.length > 0) return own;
  const other = kind === 'question' ? answerHeading(heading) : questionHeading(heading);
  if (other && other.length > 0) return other;
  if (/^\d{1,3}(?:\s*(?:,|en|&|t\/m|-|–)?\s*\d{1,3})*\s*[.:]?$/.test(heading.trim())) {
    const numbers = parseNumberList(heading);
    return numbers.length > 0 ? numbers : null;
  }
  return own;
}
