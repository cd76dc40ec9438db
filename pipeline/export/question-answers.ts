import type { Document } from '../types.ts';
import type { Table } from './tables.ts';

// The link between questions and the answers that cover them, one row per pair, so a join is an
// equality on declared keys instead of splitting answers.questions ("4; 5") in every query.
// A question entry that holds several printed numbers ("Vraag 3 en 4") is one questions.csv row
// (number 3): an answer to question 4 links to that row, once.
export const questionAnswers: Table = {
  name: 'question_answers',
  description:
    'One row per question and answer covering it: joins questions (document_id, number) to answers (document_id, position).',
  primaryKey: ['document_id', 'question_number', 'answer_position'],
  documentKey: 'document_id',
  references: [
    {
      fields: ['document_id', 'question_number'],
      resource: 'questions',
      keys: ['document_id', 'number'],
    },
    {
      fields: ['document_id', 'answer_position'],
      resource: 'answers',
      keys: ['document_id', 'position'],
    },
  ],
  columns: [
    {
      name: 'document_id',
      type: 'string',
      required: true,
      description: 'The document this row belongs to (documents.id).',
    },
    {
      name: 'question_number',
      type: 'integer',
      required: true,
      description:
        'The question (questions.number): the entry holding the printed question number the answer covers.',
    },
    {
      name: 'answer_position',
      type: 'integer',
      required: true,
      description: 'The answer (answers.position) that covers the question.',
    },
  ],
  *rows(doc: Document) {
    const entryOf = new Map<number, number>();
    for (const question of doc.questions)
      for (const n of question.numbers) if (!entryOf.has(n)) entryOf.set(n, question.number);
    for (const [index, answer] of doc.answers.entries()) {
      const linked = new Set<number>();
      for (const n of answer.questions) {
        const entry = entryOf.get(n);
        if (entry === undefined || linked.has(entry)) continue;
        linked.add(entry);
        yield [doc.id, entry, index + 1];
      }
    }
  },
};
