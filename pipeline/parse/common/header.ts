import type { Answerer, Asker } from '../../types.ts';
import { parseAnswerer } from './answerer.ts';
import { parseAskers } from './askers.ts';
import { parseDutchDate } from './dates.ts';
import { expandOffices } from './offices.ts';

// The official header of a Kamervragen publication, whatever the rendering:
//   Vragen van het lid X (P) aan de Minister van Y over Z (ingezonden 18 juli 2019).
//   Antwoord van Minister K (Y), mede namens de Minister van W (ontvangen 10 september 2019).
//   Mededeling van Minister K (Y) (ontvangen …)          ← postponement notice
// Every field the text does not state stays null; `problems` says what was odd.

export interface HeaderFields {
  askers: Asker[] | null;
  addressees: string[] | null;
  title: string | null;
  submitted: string | null;
  answered: string | null;
  answerer: Answerer | null;
  coAnswerers: string[] | null;
  /** "Antwoord van", "Nader antwoord van", "Mededeling van": what kind of reply the header announces. */
  reply: 'answer' | 'supplementary_answer' | 'postponement' | null;
  problems: { field: string; message: string }[];
}

const QUESTIONS_START = /Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s+/;
const REPLY_START = /\b(Nader\s+antwoord|Aanvullend\s+antwoord|Antwoord|Mededeling)\s+van\s+/i;

interface QuestionsLine {
  index: number;
  end: number;
  askers: string;
  addressees: string;
  title: string;
  date: string | undefined;
}

// "Vragen van het lid X aan Y over Z (ingezonden D)": the first " aan ", then the first " over ",
// then "(ingezonden …)". Found with indexOf so that a long text cannot make it slow.
function findQuestionsLine(text: string): QuestionsLine | null {
  const start = QUESTIONS_START.exec(text);
  if (!start) return null;
  const from = start.index + start[0].length;
  const aan = text.indexOf(' aan ', from);
  if (aan < 0) return null;
  const over = text.indexOf(' over ', aan + 5);
  if (over < 0) return null;
  const titleFrom = over + 6;
  const ingezonden = /\(\s*ingezonden\s*([^)]*)\)/.exec(text.slice(titleFrom));
  const stop = /\s(?:Antwoord|Mededeling|Vraag)\s/.exec(text.slice(titleFrom));
  if (ingezonden && (!stop || ingezonden.index < stop.index)) {
    return {
      index: start.index,
      end: titleFrom + ingezonden.index + ingezonden[0].length,
      askers: text.slice(from, aan),
      addressees: text.slice(aan + 5, over),
      title: text.slice(titleFrom, titleFrom + ingezonden.index),
      date: ingezonden[1] ?? '',
    };
  }
  const titleEnd = stop ? titleFrom + stop.index : text.length;
  return {
    index: start.index,
    end: titleEnd,
    askers: text.slice(from, aan),
    addressees: text.slice(aan + 5, over),
    title: text.slice(titleFrom, titleEnd),
    date: undefined,
  };
}

/** `text` is the header region with whitespace runs collapsed to one space. */
export function parseHeader(text: string): HeaderFields {
  const problems: HeaderFields['problems'] = [];
  const fields: HeaderFields = {
    askers: null,
    addressees: null,
    title: null,
    submitted: null,
    answered: null,
    answerer: null,
    coAnswerers: null,
    reply: null,
    problems,
  };
  const q = findQuestionsLine(text);
  if (q) {
    fields.askers = parseAskers(q.askers);
    if (fields.askers.length === 0) fields.askers = null;
    fields.addressees = expandOffices(q.addressees);
    fields.title = cleanTitle(q.title);
    if (q.date !== undefined) {
      const d = parseDutchDate(q.date);
      fields.submitted = d.date;
      if (d.problem) problems.push({ field: '/submitted', message: d.problem });
    } else {
      problems.push({
        field: '/submitted',
        message: 'no "(ingezonden …)" date after the questions line',
      });
    }
  }
  const rest = text.slice(q ? q.end : 0);
  const r = REPLY_START.exec(rest);
  const ontvangen = r ? /\(\s*ontvangen\s*([^)]*)\)/.exec(rest.slice(r.index)) : null;
  if (r && ontvangen) {
    const kind = (r[1] ?? '').toLowerCase();
    fields.reply = kind.startsWith('mededeling')
      ? 'postponement'
      : kind.startsWith('antwoord')
        ? 'answer'
        : 'supplementary_answer';
    const who = parseAnswerer(rest.slice(r.index + r[0].length, r.index + ontvangen.index));
    fields.answerer = who.answerer;
    fields.coAnswerers = who.coAnswerers;
    for (const message of who.problems) problems.push({ field: '/answerer', message });
    const d = parseDutchDate(ontvangen[1] ?? '');
    fields.answered = d.date;
    if (d.problem) problems.push({ field: '/answered', message: d.problem });
  }
  return fields;
}

function cleanTitle(raw: string): string | null {
  const title = raw
    .replace(/(^|\s)_+|_+(?=\s|$)/g, '$1')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:]$/, '');
  return title || null;
}
