// The content of one generated document, decided before any rendering: who asked whom about
// what, the questions and answers in print order, the footnotes. The renderers turn a plan into
// text; the plan is also the ground truth a parser is checked against.
import { aanhangselNumber, isoDate, publicationDay, sessionOf } from './calendar.ts';
import { composeTopic, slugify, type Reference } from './compose-text.ts';
import { placeFootnotes, planItems } from './plan-items.ts';
import { officeName, type DocumentPlan, type Office, type Rendering } from './plan-types.ts';
import { createRandom, type Random } from './random.ts';
import { FIRST_NAMES, MINISTRIES, PARTIES, PROGRAMME_PORTFOLIOS, SURNAMES } from './vocabulary.ts';

export * from './plan-types.ts';

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

/** Document `index` of a corpus of `total`: a pure function of (seed, index, total). */
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
