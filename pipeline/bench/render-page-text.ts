// The text of a zoek.officielebekendmakingen.nl page as a browser copies it (tests/corpus/
// *.ob-html-text.txt): the publication table run together, paragraphs separated by blank lines,
// footnote markers glued to the word, footnotes after the text.
import { answerSentence, footnoteText, questionsSentence } from './header-lines.ts';
import { MARKER, type DocumentPlan } from './plan-document.ts';

export function renderPageText(plan: DocumentPlan): string {
  const parts: string[] = [];
  if (plan.kind !== 'questions') {
    parts.push('Aanhangsel van de Handelingen');
    parts.push(
      `Datum publicatieOrganisatieVergaderjaarNummerDatum ontvangst\nTweede Kamer der Staten-Generaal${plan.sessionYear}${plan.number ?? ''}`,
    );
  }
  parts.push(questionsSentence(plan));
  const answer = answerSentence(plan);
  if (answer) parts.push(answer);
  if (plan.postponementText) parts.push(plan.postponementText);
  for (const item of plan.items) parts.push(item.header, ...item.paragraphs);
  for (const note of plan.footnotes) parts.push(`${note.number} ${footnoteText(note)}`);
  return `${parts.join('\n\n').replace(MARKER, '$1')}\n`;
}
