// Documents that share a case (zaak): the questions published on their own, a postponement
// notice and the answer, with one case number, for tests of the cases table. Built from the
// generator's answer plans (the corpus itself is unchanged: its documents are one per case), so
// each case's truth says which documents belong together and what the dates are.
import { planDocument, type DocumentPlan } from './plan-document.ts';
import { renderMetadataXml, renderObXml } from './render-ob-xml.ts';
import type { GeneratedFile } from './render-document.ts';

/** Which documents of a case exist. */
export interface CaseShape {
  questions: boolean;
  postponement: boolean;
  answer: boolean;
}

export interface CaseTruth {
  case_number: string;
  /** Ids of its documents, sorted. */
  documents: string[];
  questions_document_id: string | null;
  answer_document_id: string | null;
  postponement_document_ids: string[];
  submitted: string;
  answered: string | null;
  postponement_dates: string[];
}

export interface GeneratedCase {
  files: GeneratedFile[];
  truth: CaseTruth;
}

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first answer plan at or after `index` whose answer took more than three weeks. */
function answerPlan(seed: string, index: number, total: number): DocumentPlan {
  for (let i = index; ; i += 1) {
    const plan = planDocument(seed, i, total);
    const days =
      plan.answered === null ? 0 : Date.parse(plan.answered) - Date.parse(plan.submitted);
    if (plan.kind === 'answer' && days > 22 * 86_400_000) return { ...plan, rendering: 'ob-xml' };
  }
}

const render = (plan: DocumentPlan): GeneratedFile[] => [
  { name: `${plan.id}.xml`, content: renderObXml(plan) },
  { name: `${plan.id}.metadata.xml`, content: renderMetadataXml(plan) },
];

/** Case `index` of `total` for `seed`, with the documents `shape` asks for (rendered as ob-xml). */
export function generateCase(
  seed: string,
  index: number,
  total: number,
  shape: CaseShape,
): GeneratedCase {
  const answer = answerPlan(seed, index, total);
  const questionItems = answer.items.filter((item) => item.kind === 'question');
  const plans: DocumentPlan[] = [];
  if (shape.questions) {
    plans.push({
      ...answer,
      kind: 'questions',
      id: `kv-tk-${answer.caseNumber}`,
      number: null,
      answered: null,
      answerer: null,
      coAnswerers: [],
      seeAlso: null,
      items: questionItems,
      postponementText: null,
    });
  }
  let postponement: DocumentPlan | null = null;
  if (shape.postponement) {
    postponement = {
      ...answer,
      kind: 'postponement',
      id: `${answer.id}0`,
      number: (answer.number ?? 0) * 10,
      answered: addDays(answer.submitted, 20),
      coAnswerers: [],
      seeAlso: null,
      items: questionItems,
      references: [],
      postponementText:
        'De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord, omdat de afstemming meer tijd vraagt.',
    };
    plans.push(postponement);
  }
  if (shape.answer) plans.push(answer);
  return {
    files: plans.flatMap(render),
    truth: {
      case_number: answer.caseNumber,
      documents: plans.map((p) => p.id).sort(),
      questions_document_id: shape.questions ? `kv-tk-${answer.caseNumber}` : null,
      answer_document_id: shape.answer ? answer.id : null,
      postponement_document_ids: postponement === null ? [] : [postponement.id],
      submitted: answer.submitted,
      answered: shape.answer ? answer.answered : null,
      postponement_dates: postponement?.answered ? [postponement.answered] : [],
    },
  };
}
