// The content of one generated document, decided before any rendering: who asked whom about
// what, the questions and answers in print order, the footnotes. The renderers turn a plan into
// text; the plan is also the ground truth a parser is checked against.
import { aanhangselNumber, isoDate, publicationDay, sessionOf } from './calendar.ts';
import {
  composeAnswer,
  composeQuestion,
  composeTopic,
  formatDutchDate,
  slugify,
  type Reference,
} from './compose-text.ts';
import { createRandom, type Random } from './random.ts';
import {
  FIRST_NAMES,
  MINISTRIES,
  OUTLETS,
  PARTIES,
  PROGRAMME_PORTFOLIOS,
  SURNAMES,
} from './vocabulary.ts';

export const RENDERINGS = [
  'ob-xml',
  'pdf-text-pypdf',
  'pdf-text-poppler',
  'pdf-text-pymupdf',
  'pdf-text-plain',
  'pdf-markdown',
  'page-text',
] as const;
export type Rendering = (typeof RENDERINGS)[number];

export type Kind = 'answer' | 'questions' | 'postponement';
export interface Office {
  role: 'Minister' | 'Staatssecretaris';
  link: 'van' | 'voor';
  portfolio: string;
}
export interface Person {
  name: string;
  party: string;
}
export type Item =
  | { kind: 'question'; numbers: number[]; header: string; paragraphs: string[] }
  | { kind: 'answer'; questions: number[]; header: string; paragraphs: string[] };
export interface PlannedFootnote {
  number: number;
  source: string | null;
  date: string | null;
  headline: string | null;
  url: string;
}

export interface DocumentPlan {
  index: number;
  id: string;
  slug: string;
  kind: Kind;
  rendering: Rendering;
  sessionYear: string;
  number: number | null;
  caseNumber: string;
  title: string;
  askers: Person[];
  /** "allen VVD" style: every asker has the same party and it is printed once. */
  sharedParty: boolean;
  addressees: Office[];
  submitted: string;
  answered: string | null;
  answerer: { office: Office; name: string; lowercaseRole: boolean } | null;
  coAnswerers: Office[];
  seeAlso: number | null;
  items: Item[];
  footnotes: PlannedFootnote[];
  references: Reference[];
  postponementText: string | null;
}

/** Marks footnote n inside a paragraph; renderers print it their own way, truth drops it. */
export const marker = (n: number): string => `\uE000${n}\uE001`;
export const MARKER = /\uE000(\d+)\uE001/g;

export const officeName = (o: Office): string => `${o.role} ${o.link} ${o.portfolio}`;

function person(random: Random, used: Set<string>): string {
  for (;;) {
    const [prefix, surname] = random.pick(SURNAMES);
    const withFirst = random.chance(0.06);
    const name = withFirst
      ? `${random.pick(FIRST_NAMES)} ${prefix ? `${prefix} ` : ''}${surname}`
      : `${prefix ? `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)} ` : ''}${surname}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function office(random: Random): Office {
  if (random.chance(0.15))
    return { role: 'Minister', link: 'voor', portfolio: random.pick(PROGRAMME_PORTFOLIOS) };
  return {
    role: random.chance(0.25) ? 'Staatssecretaris' : 'Minister',
    link: 'van',
    portfolio: random.pick(MINISTRIES),
  };
}

/** "4, 5", "2 en 3", "3, 4, 5 en 6" */
export function numberList(numbers: readonly number[], style: 'en' | 'comma'): string {
  if (numbers.length === 1 || style === 'comma') return numbers.join(', ');
  return `${numbers.slice(0, -1).join(', ')} en ${numbers[numbers.length - 1]}`;
}

function planItems(
  random: Random,
  kind: Kind,
  count: number,
  topic: ReturnType<typeof composeTopic>,
  refs: Reference[],
): Item[] {
  const answerStyle = random.weighted([
    ['Antwoord {n}', 50],
    ['Antwoord op vraag {n}', 20],
    ['Antwoord vraag {n}', 5],
    ['Antwoord', 25],
  ] as const);
  const listStyle = random.chance(0.5) ? 'en' : 'comma';
  const items: Item[] = [];
  let n = 1;
  while (n <= count) {
    const size =
      count - n >= 1 && random.chance(0.1) ? Math.min(random.int(2, 4), count - n + 1) : 1;
    const numbers = Array.from({ length: size }, (_, k) => n + k);
    const texts = numbers.map((q) =>
      q === 1 && random.chance(0.5)
        ? `Bent u bekend met het bericht «${topic.headline}»?`
        : composeQuestion(random, topic),
    );
    const list = numberList(numbers, listStyle);
    if (size > 1 && random.chance(0.5)) {
      items.push({ kind: 'question', numbers, header: `Vraag ${list}`, paragraphs: texts });
    } else {
      numbers.forEach((q, k) =>
        items.push({
          kind: 'question',
          numbers: [q],
          header: `Vraag ${q}`,
          paragraphs: [texts[k] as string],
        }),
      );
    }
    if (kind === 'answer') {
      const { paragraphs, references } = composeAnswer(random, topic);
      refs.push(...references);
      const header =
        answerStyle === 'Antwoord'
          ? size > 1
            ? `Antwoord op vraag ${list}`
            : 'Antwoord'
          : answerStyle.replace('{n}', list);
      items.push({ kind: 'answer', questions: numbers, header, paragraphs });
    }
    n += size;
  }
  return items;
}

function placeFootnotes(
  random: Random,
  items: Item[],
  topic: ReturnType<typeof composeTopic>,
  day: number,
): PlannedFootnote[] {
  if (random.chance(0.4)) return [];
  const count = random.weighted([
    [1, 5],
    [2, 4],
    [3, 2],
    [4, 1],
    [6, 1],
  ] as const);
  const slots = items.flatMap((item, i) => item.paragraphs.map((_, p) => [i, p] as const));
  const chosen = random.sample(slots, count).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return chosen.map(([i, p], k) => {
    const number = k + 1;
    const item = items[i] as Item;
    const text = item.paragraphs[p] as string;
    // Markers sit after a sentence's punctuation ("leest»?1") or after a word ("organisaties2 ").
    const ends = [...text.matchAll(/[?.](?= |$)/g)].map((m) => (m.index ?? 0) + 1);
    const at =
      random.chance(0.7) || ends.length === 0
        ? ends.length
          ? random.pick(ends)
          : text.length
        : text.length;
    item.paragraphs[p] = `${text.slice(0, at)}${marker(number)}${text.slice(at)}`;
    const [source, base] = random.pick(OUTLETS);
    const headline = number === 1 ? topic.headline : composeTopic(random).headline;
    const url = `${base}${isoDate(day - random.int(20, 200)).replaceAll('-', '/')}/${slugify(headline)}~a${random.int(1e7, 9e7).toString(16)}/`;
    const bare = random.chance(0.25);
    return {
      number,
      source: bare ? null : source,
      date: bare ? null : formatDutchDate(isoDate(day - random.int(20, 120))),
      headline: bare ? null : headline,
      url,
    };
  });
}

export function planDocument(seed: string, index: number, total: number): DocumentPlan {
  const random = createRandom(`${seed}/${index}`);
  const kind = random.weighted([
    ['answer', 86],
    ['questions', 12],
    ['postponement', 2],
  ] as const);
  const rendering: Rendering =
    kind === 'questions'
      ? random.weighted([
          ['ob-xml', 3],
          ['page-text', 1],
        ] as const)
      : random.weighted([
          ['ob-xml', 45],
          ['pdf-text-pypdf', 12],
          ['pdf-text-poppler', 10],
          ['pdf-text-pymupdf', 10],
          ['pdf-text-plain', 5],
          ['pdf-markdown', 10],
          ['page-text', 8],
        ] as const);
  const day = publicationDay(index, total);
  const responseDays = random.weighted([
    [random.int(7, 21), 5],
    [random.int(22, 60), 4],
    [random.int(61, 180), 2],
  ] as const);
  const submittedDay = kind === 'questions' ? day : day - responseDays;
  const session = sessionOf(day);
  const caseNumber = `${isoDate(submittedDay).slice(0, 4)}Z${String(index % 100000).padStart(5, '0')}`;
  const number = kind === 'questions' ? null : aanhangselNumber(index, total);
  const id =
    kind === 'questions' ? `kv-tk-${caseNumber}` : `ah-tk-${session}${session + 1}-${number}`;

  const used = new Set<string>();
  const askerCount = random.weighted([
    [1, 55],
    [2, 25],
    [3, 12],
    [4, 5],
    [6, 3],
  ] as const);
  const sharedParty = askerCount > 1 && random.chance(0.4);
  const firstParty = random.pick(PARTIES);
  const askers = Array.from({ length: askerCount }, () => ({
    name: person(random, used),
    party: sharedParty ? firstParty : random.pick(PARTIES),
  }));
  const addressees = Array.from(
    {
      length: random.weighted([
        [1, 60],
        [2, 30],
        [3, 10],
      ] as const),
    },
    () => office(random),
  ).filter((o, i, all) => all.findIndex((x) => officeName(x) === officeName(o)) === i);
  const topic = composeTopic(random);
  const title = random.weighted([
    [`het bericht «${topic.headline}»`, 45],
    [
      `de berichtgeving dat ${topic.headline.charAt(0).toLowerCase()}${topic.headline.slice(1)}`,
      15,
    ],
    [`${topic.thing} bij ${topic.subject}`, 40],
  ] as const);
  const references: Reference[] = [];
  const count = random.weighted([
    [random.int(1, 3), 15],
    [random.int(4, 8), 45],
    [random.int(9, 15), 30],
    [random.int(16, 30), 10],
  ] as const);
  const items = planItems(
    random,
    kind === 'answer' ? 'answer' : 'questions',
    count,
    topic,
    references,
  );
  const footnotes = placeFootnotes(random, items, topic, submittedDay);
  const first = addressees[0] as Office;
  const answerer =
    kind === 'questions'
      ? null
      : { office: first, name: person(random, used), lowercaseRole: random.chance(0.05) };
  const coAnswerers = kind === 'answer' && random.chance(0.7) ? addressees.slice(1) : [];
  const seeAlso =
    kind === 'answer' && number !== null && number > 1 && random.chance(0.15)
      ? random.int(1, number - 1)
      : null;
  if (seeAlso !== null) {
    const text = `Aanhangsel Handelingen, vergaderjaar ${session}–${session + 1}, nr. ${seeAlso}`;
    references.unshift({ kind: 'aanhangsel', text, dossier: null, number: seeAlso });
  }
  const postponementText =
    kind === 'postponement'
      ? `De vragen van ${askerCount > 1 ? 'de leden' : 'het lid'} ${askers.map((a) => a.name).join(', ')} over ${title} kunnen niet binnen de gebruikelijke termijn worden beantwoord, omdat afstemming met ${random.pick(MINISTRIES)} meer tijd vraagt. Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.`
      : null;
  return {
    index,
    id,
    slug: slugify(`${answerer?.name ?? askers[0]?.name ?? ''} ${topic.thing}`).slice(0, 60),
    kind,
    rendering,
    sessionYear: `${session}-${session + 1}`,
    number,
    caseNumber,
    title,
    askers,
    sharedParty,
    addressees,
    submitted: isoDate(submittedDay),
    answered: kind === 'questions' ? null : isoDate(day),
    answerer,
    coAnswerers,
    seeAlso,
    items,
    footnotes,
    references,
    postponementText,
  };
}
