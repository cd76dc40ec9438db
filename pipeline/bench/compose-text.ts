// Prose for generated documents: headlines, questions and answers assembled from templates, so
// the text has the shape of real Kamervragen (question marks, «» quotes, long compounds, dates,
// references to Kamerstukken) without copying any real document.
import type { Random } from './random.ts';
import { MONTH_NAMES } from '../parse/common/dates.ts';
import { COMPOUNDS, INFINITIVES, PREDICATES, SUBJECTS, THINGS } from './vocabulary.ts';

export interface Prose {
  headline: string;
  subject: string;
  thing: string;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function fill(template: string, random: Random, prose: Prose): string {
  return template
    .replaceAll('{thing}', () => (random.chance(0.6) ? prose.thing : random.pick(THINGS)))
    .replaceAll('{subject}', () => (random.chance(0.5) ? prose.subject : random.pick(SUBJECTS)));
}

export function composeTopic(random: Random): Prose {
  const subject = random.pick(SUBJECTS);
  const thing = random.pick(THINGS);
  const predicate = random.pick(PREDICATES).replace('{thing}', thing);
  return { headline: capitalise(`${subject} ${predicate}`), subject, thing };
}

export function formatDutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

function clause(random: Random, prose: Prose): string {
  return `${random.pick(SUBJECTS)} ${fill(random.pick(PREDICATES), random, prose)}`;
}

const QUESTION_TEMPLATES: readonly ((r: Random, p: Prose) => string)[] = [
  (r, p) => `Klopt het dat ${clause(r, p)}?`,
  (r, p) => `Deelt u de mening dat ${clause(r, p)} onwenselijk is? Zo nee, waarom niet?`,
  (r, p) =>
    `Hoeveel ${fill('{thing}', r, p)} waren er in ${r.int(2000, 2024)} beschikbaar voor ${fill('{subject}', r, p)}?`,
  (r, p) =>
    `Kunt u aangeven welke ${r.pick(COMPOUNDS)} er op dit moment gelden voor ${fill('{thing}', r, p)}?`,
  (r, p) => `Wat is uw reactie op de constatering dat ${clause(r, p)}?`,
  (r, p) => `Welke maatregelen neemt u om ${fill(r.pick(INFINITIVES), r, p)}?`,
  (r, p) =>
    `Bent u bereid ${fill(r.pick(INFINITIVES), r, p)}? Zo ja, op welke termijn? Zo nee, waarom niet?`,
  (r, p) =>
    `In hoeverre is de ${r.pick(COMPOUNDS)} van ${fill('{subject}', r, p)} toereikend om de problemen rond ${fill('{thing}', r, p)} op te lossen?`,
  (r, p) =>
    `Welke rol spelen ${fill('{subject}', r, p)} bij de ${r.pick(COMPOUNDS)} voor ${fill('{thing}', r, p)}?`,
];

const ANSWER_TEMPLATES: readonly ((r: Random, p: Prose) => string)[] = [
  (r, p) =>
    `Het kabinet vindt het van belang dat de aanpak van ${fill('{thing}', r, p)} niet leidt tot nadelige gevolgen voor burgers.`,
  (r, p) =>
    `Op dit moment is niet bekend hoeveel ${fill('{thing}', r, p)} het betreft; ${fill('{subject}', r, p)} registreren dit niet afzonderlijk.`,
  (r, p) => `Ik heb ${fill('{subject}', r, p)} gevraagd om ${fill(r.pick(INFINITIVES), r, p)}.`,
  (r, p) => `De ${r.pick(COMPOUNDS)} ligt in eerste instantie bij ${fill('{subject}', r, p)}.`,
  (r, p) =>
    `In ${r.int(2005, 2024)} is de ${r.pick(COMPOUNDS)} voor ${fill('{thing}', r, p)} aangepast, mede naar aanleiding van de ${r.pick(COMPOUNDS)}.`,
  (r, p) =>
    `Daarbij wordt nadrukkelijk gekeken naar de ${r.pick(COMPOUNDS)} en de gevolgen voor ${fill('{thing}', r, p)}.`,
  (r, p) =>
    `Ik ben voornemens ${fill(r.pick(INFINITIVES), r, p)} en zal uw Kamer daarover informeren.`,
  (r, p) =>
    `Het is aan ${fill('{subject}', r, p)} om binnen de wettelijke kaders keuzes te maken over ${fill('{thing}', r, p)}.`,
  (r, p) =>
    `Uit de ${r.pick(COMPOUNDS)} blijkt dat ${r.int(2, 95)} procent van ${fill('{subject}', r, p)} te maken heeft met ${fill('{thing}', r, p)}.`,
];

export function composeQuestion(random: Random, prose: Prose): string {
  const count = random.weighted([
    [1, 4],
    [2, 4],
    [3, 2],
    [4, 1],
  ] as const);
  return Array.from({ length: count }, () => random.pick(QUESTION_TEMPLATES)(random, prose)).join(
    ' ',
  );
}

/** One or more paragraphs; sometimes a reference to a Kamerstuk or an earlier case number. */
export function composeAnswer(
  random: Random,
  prose: Prose,
): { paragraphs: string[]; references: Reference[] } {
  const short = random.weighted([
    ['Ja.', 3],
    ['Nee.', 2],
    ['Ja, daar ben ik mee bekend.', 2],
    ['', 14],
  ] as const);
  if (short) return { paragraphs: [short], references: [] };
  const references: Reference[] = [];
  const paragraphs = Array.from(
    {
      length: random.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
    },
    () => {
      const sentences = Array.from({ length: random.int(1, 6) }, () =>
        random.pick(ANSWER_TEMPLATES)(random, prose),
      );
      if (random.chance(0.12)) {
        const dossier = `${random.int(21, 36)} ${String(random.int(100, 999))}`;
        const number = random.int(1, 1600);
        const text = `Kamerstuk ${dossier}, nr. ${number}`;
        references.push({ kind: 'kamerstuk', text, dossier: dossier.replace(' ', ''), number });
        sentences.push(`Ik verwijs u naar mijn brief hierover (${text}).`);
      }
      return sentences.join(' ');
    },
  );
  return { paragraphs, references };
}

export interface Reference {
  kind: 'kamerstuk' | 'aanhangsel' | 'case';
  text: string;
  dossier: string | null;
  number: number | null;
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
