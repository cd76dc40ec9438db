import { answerHeading, questionHeading } from '../common/headings.ts';
import { PAGE } from './lines.ts';
import { pushAll } from '../common/lists.ts';

// The body as a sequence of blocks, each opened by a heading: "Vraag 4, 5" opens a question block
// holding numbers [4, 5]; "Antwoord op vraag 3, 4 en 5" an answer block; a bare "Antwoord" covers
// the questions printed since the previous answer.

export interface Block {
  kind: 'question' | 'answer';
  numbers: number[];
  heading: string;
  /** Index of the heading line in the body lines (for warnings). */
  line: number;
  lines: string[];
  /** For a bare "Antwoord": the numbers were taken from the questions before it. */
  inferred: boolean;
}

export function firstHeadingIndex(lines: readonly string[]): number {
  const i = lines.findIndex((line) => questionHeading(line) !== null);
  return i < 0 ? lines.length : i;
}

export function readBlocks(
  lines: readonly string[],
  bodyStart: number,
): { blocks: Block[]; trailing: string[] } {
  const blocks: Block[] = [];
  let pending: number[] = [];
  let lastQuestion: number[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const q = line === PAGE ? null : questionHeading(line);
    if (q) {
      blocks.push({
        kind: 'question',
        numbers: q,
        heading: line.trim(),
        line: i,
        lines: [],
        inferred: false,
      });
      pushAll(pending, q);
      lastQuestion = q;
      continue;
    }
    const a = line === PAGE ? null : answerHeading(line);
    if (a && blocks.length > 0) {
      const inferred = a.length === 0;
      const numbers = inferred ? (pending.length > 0 ? pending : lastQuestion) : a;
      if (numbers.length > 0) {
        blocks.push({
          kind: 'answer',
          numbers: [...numbers],
          heading: line.trim(),
          line: i,
          lines: [],
          inferred,
        });
        pending = pending.filter((n) => !numbers.includes(n));
        if (inferred) pending = [];
        continue;
      }
    }
    blocks.at(-1)?.lines.push(line);
  }
  return { blocks, trailing: [] };
}
