// The two header sentences every rendering prints: "Vragen van het lid … aan de Minister … over …
// (ingezonden …)." and "Antwoord van Minister … (…), mede namens … (ontvangen …)."
import { formatDutchDate } from './compose-text.ts';
import type { DocumentPlan, Office } from './plan-document.ts';

function joinDutch(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

export function askerPhrase(plan: DocumentPlan): string {
  const { askers } = plan;
  if (askers.length === 1) return `het lid ${askers[0]?.name} (${askers[0]?.party})`;
  if (plan.sharedParty)
    return `de leden ${joinDutch(askers.map((a) => a.name))} (allen ${askers[0]?.party})`;
  return `de leden ${joinDutch(askers.map((a) => `${a.name} (${a.party})`))}`;
}

/** "de Minister van X", "de Ministers van X en voor Y", "de Minister van X en de Staatssecretaris van Y". */
export function officesPhrase(offices: readonly Office[]): string {
  if (offices.length > 1 && offices.every((o) => o.role === 'Minister')) {
    return `de Ministers ${joinDutch(offices.map((o) => `${o.link} ${o.portfolio}`))}`;
  }
  return joinDutch(offices.map((o) => `de ${o.role} ${o.link} ${o.portfolio}`));
}

export function questionsSentence(plan: DocumentPlan): string {
  return `Vragen van ${askerPhrase(plan)} aan ${officesPhrase(plan.addressees)} over ${plan.title} (ingezonden ${formatDutchDate(plan.submitted)}).`;
}

export function answerSentence(plan: DocumentPlan): string | null {
  if (!plan.answerer || !plan.answered) return null;
  const { office, name, lowercaseRole } = plan.answerer;
  const role = lowercaseRole ? office.role.toLowerCase() : office.role;
  const co = plan.coAnswerers.length ? `, mede namens ${officesPhrase(plan.coAnswerers)}` : '';
  const verb = plan.kind === 'postponement' ? 'Mededeling' : 'Antwoord';
  const seeAlso = plan.seeAlso === null ? '' : ` Zie ook ${plan.references[0]?.text}.`;
  return `${verb} van ${role} ${name} (${office.portfolio})${co} (ontvangen ${formatDutchDate(plan.answered)}).${seeAlso}`;
}

export function footnoteText(note: DocumentPlan['footnotes'][number]): string {
  return note.source ? `${note.source}, ${note.date}, «${note.headline}» (${note.url}).` : note.url;
}

/** "2023–2024" as printed in mastheads and footers. */
export const printedSession = (plan: DocumentPlan): string => plan.sessionYear.replace('-', '–');
