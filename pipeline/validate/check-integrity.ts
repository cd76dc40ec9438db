import type { Diagnostic } from '../errors.ts';
import type { Document } from '../types.ts';
import { maxOf, minOf } from '../parse/common/lists.ts';

// Rules about one record that JSON Schema cannot say. Run after the schema check: they assume
// the shape is right.
export function checkIntegrity(doc: Document, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, field: string, message: string): void => {
    diagnostics.push({ severity: 'error', code: `integrity/${code}`, message, file, field });
  };

  const questionNumbers = new Map<number, number>();
  doc.questions.forEach((question, index) => {
    for (const n of question.numbers) {
      const first = questionNumbers.get(n);
      if (first === undefined) questionNumbers.set(n, index);
      else
        error(
          'duplicate-question',
          `/questions/${index}`,
          `question number ${n} appears twice (also at /questions/${first})`,
        );
    }
    if (!question.numbers.includes(question.number)) {
      error(
        'question-numbers',
        `/questions/${index}/numbers`,
        `"numbers" ${JSON.stringify(question.numbers)} does not hold the entry's own number ${question.number}`,
      );
    }
  });

  doc.answers.forEach((answer, index) => {
    answer.questions.forEach((n, position) => {
      if (!questionNumbers.has(n)) {
        const known = [...questionNumbers.keys()].sort((a, b) => a - b);
        error(
          'unknown-question',
          `/answers/${index}/questions/${position}`,
          `the answer covers question ${n}, but the document has no question ${n} (questions: ${known.join(', ') || 'none'})`,
        );
      }
    });
  });

  const footnoteNumbers = new Set<number>();
  doc.footnotes.forEach((footnote, index) => {
    if (footnoteNumbers.has(footnote.number))
      error(
        'duplicate-footnote',
        `/footnotes/${index}/number`,
        `footnote number ${footnote.number} appears twice`,
      );
    footnoteNumbers.add(footnote.number);
  });

  checkDates(doc, error);
  const warn = (code: string, field: string, message: string): void => {
    diagnostics.push({ severity: 'warning', code: `integrity/${code}`, message, file, field });
  };
  checkQuestionOrder(doc, warn);
  checkNames(doc, warn);
  return diagnostics;
}

type Report = (code: string, field: string, message: string) => void;

// Printed numbers ascend; a descent means a misread heading or a page in the wrong order.
function checkQuestionOrder(doc: Document, warn: Report): void {
  let previous = -1;
  doc.questions.forEach((question, index) => {
    const first = minOf(question.numbers);
    if (first <= previous) {
      warn(
        'question-order',
        `/questions/${index}`,
        `question ${question.number} comes after question ${previous}: the numbers should ascend`,
      );
    }
    previous = Math.max(previous, maxOf(question.numbers));
  });
}

const LATIN = /\p{Script=Latin}/u;
const LOOK_ALIKE_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
// Zero-width and bidirectional controls: invisible, yet they make "Sjoerdsma" and "Sjoe\u200brdsma" two people.
const INVISIBLE = /[\p{Cf}]/u;
// Either of the two above: one scan that clears almost every name.
const SUSPECT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Cf}]/u;

// Names are joined on and grouped by; a Cyrillic "о" inside a Latin name splits one person in two.
function checkNames(doc: Document, warn: Report): void {
  // In field order; each field's path is only spelled out for a value that needs a warning.
  (doc.askers ?? []).forEach((a, i) => {
    checkName(a.name, warn, () => `/askers/${i}/name`);
    checkName(a.party, warn, () => `/askers/${i}/party`);
  });
  checkName(doc.answerer?.name ?? null, warn, () => '/answerer/name');
  checkName(doc.answerer?.role ?? null, warn, () => '/answerer/role');
  checkName(doc.answerer?.portfolio ?? null, warn, () => '/answerer/portfolio');
  (doc.addressees ?? []).forEach((a, i) => checkName(a, warn, () => `/addressees/${i}`));
  (doc.co_answerers ?? []).forEach((a, i) => checkName(a, warn, () => `/co_answerers/${i}`));
}

function checkName(value: string | null, warn: Report, fieldOf: () => string): void {
  if (value === null || !SUSPECT.test(value)) return;
  const field = fieldOf();
  if (LATIN.test(value) && LOOK_ALIKE_SCRIPTS.test(value)) {
    const odd = [...value].filter((c) => LOOK_ALIKE_SCRIPTS.test(c)).join('');
    warn(
      'mixed-script',
      field,
      `"${value}" mixes Latin letters with Cyrillic or Greek look-alikes (${odd}); check the name`,
    );
  }
  if (INVISIBLE.test(value)) {
    const codes = [...value]
      .filter((c) => INVISIBLE.test(c))
      .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    warn(
      'invisible-character',
      field,
      `"${value}" holds invisible characters (${[...new Set(codes)].join(', ')})`,
    );
  }
}

function checkDates(
  doc: Document,
  error: (code: string, field: string, message: string) => void,
): void {
  const { submitted, answered, response_days: days } = doc;
  if (submitted !== null && answered !== null) {
    if (submitted > answered) {
      error(
        'answered-before-submitted',
        '/answered',
        `answered (${answered}) is before submitted (${submitted})`,
      );
    }
    const expected = daysBetween(submitted, answered);
    if (days !== expected && expected >= 0) {
      error(
        'response-days',
        '/response_days',
        `response_days is ${String(days)}, but ${submitted} to ${answered} is ${expected} days`,
      );
    }
  } else if (days !== null) {
    error(
      'response-days',
      '/response_days',
      `response_days is ${days}, but it must be null unless both submitted and answered are known`,
    );
  }
}

/** Calendar days from one ISO date to another (UTC, so no daylight-saving hour skews it). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
