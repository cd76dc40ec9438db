// The body of a plan: questions (sometimes printed as one "Vraag 4, 5" block), answers (one per
// question or one for a group, headed "Antwoord 4", "Antwoord op vraag 3, 4 en 5" or a bare
// "Antwoord"), and footnote markers placed at sentence ends.
import { isoDate } from './calendar.ts';
import {
  composeAnswer,
  composeQuestion,
  composeTopic,
  formatDutchDate,
  slugify,
  type Reference,
} from './compose-text.ts';
import { marker, type Item, type Kind, type PlannedFootnote } from './plan-types.ts';
import type { Random } from './random.ts';
import { OUTLETS } from './vocabulary.ts';

/** "4, 5", "2 en 3", "3, 4, 5 en 6" as printed in question and answer headers. */
export function numberList(numbers: readonly number[], style: 'en' | 'comma'): string {
  if (numbers.length === 1 || style === 'comma') return numbers.join(', ');
  return `${numbers.slice(0, -1).join(', ')} en ${numbers[numbers.length - 1]}`;
}

export function planItems(
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

export function placeFootnotes(
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
