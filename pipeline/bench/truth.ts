// What a correct parser must find in a generated document, in the field names of the public
// record (Document), written beside the corpus as <file>.truth.json.
import { footnoteText } from './header-lines.ts';
import { MARKER, officeName, type DocumentPlan, type Rendering } from './plan-document.ts';
import type { Reference } from './compose-text.ts';

export interface Truth {
  /** Path of the main source file relative to the corpus documents folder. */
  file: string;
  rendering: Rendering;
  id: string;
  type: 'answer' | 'questions' | 'postponement';
  session_year: string;
  number: number | null;
  case_number: string;
  title: string;
  askers: { name: string; party: string }[];
  addressees: string[];
  submitted: string;
  answered: string | null;
  response_days: number | null;
  answerer: { role: string; name: string; portfolio: string } | null;
  co_answerers: string[] | null;
  questions: { number: number; numbers: number[]; text: string; footnotes: number[] }[];
  answers: { questions: number[]; text: string; footnotes: number[] }[];
  footnotes: { number: number; text: string; urls: string[] }[];
  references: Reference[];
}

const markers = (text: string): number[] => [...text.matchAll(MARKER)].map((m) => Number(m[1]));
const clean = (text: string): string => text.replace(MARKER, '');

export function truthOf(plan: DocumentPlan, file: string): Truth {
  const questions: Truth['questions'] = [];
  const answers: Truth['answers'] = [];
  for (const item of plan.items) {
    if (item.kind === 'question') {
      // A block printed as "Vraag 4, 5" holds one paragraph per number: it splits cleanly.
      item.numbers.forEach((n, k) => {
        const text = item.paragraphs[k] as string;
        questions.push({ number: n, numbers: [n], text: clean(text), footnotes: markers(text) });
      });
    } else {
      const text = item.paragraphs.join('\n\n');
      answers.push({ questions: item.questions, text: clean(text), footnotes: markers(text) });
    }
  }
  const days = (iso: string): number => Date.parse(iso) / 86_400_000;
  return {
    file,
    rendering: plan.rendering,
    id: plan.id,
    type: plan.kind,
    session_year: plan.sessionYear,
    number: plan.number,
    case_number: plan.caseNumber,
    title: plan.title,
    askers: plan.askers.map((a) => ({ name: a.name, party: a.party })),
    addressees: plan.addressees.map(officeName),
    submitted: plan.submitted,
    answered: plan.answered,
    response_days: plan.answered ? days(plan.answered) - days(plan.submitted) : null,
    answerer: plan.answerer
      ? {
          role: plan.answerer.office.role,
          name: plan.answerer.name,
          portfolio: plan.answerer.office.portfolio,
        }
      : null,
    co_answerers: plan.kind === 'questions' ? null : plan.coAnswerers.map(officeName),
    questions,
    answers,
    footnotes: plan.footnotes.map((n) => ({
      number: n.number,
      text: footnoteText(n),
      urls: [n.url],
    })),
    references: plan.references,
  };
}
