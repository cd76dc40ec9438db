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

const QUESTIONS = /Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s+(.+?)\s+aan\s+(.+?)\s+over\s+(.+?)\s*\(\s*ingezonden\s*([^)]*)\)/;
const QUESTIONS_NO_DATE = /Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s+(.+?)\s+aan\s+(.+?)\s+over\s+(.+?)(?=\s*(?:Antwoord|Mededeling|Vraag)\s|$)/;
const REPLY = /\b(Nader\s+antwoord|Aanvullend\s+antwoord|Antwoord|Mededeling)\s+van\s+(.+?)\s*\(\s*ontvangen\s*([^)]*)\)/i;

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
  const q = QUESTIONS.exec(text) ?? QUESTIONS_NO_DATE.exec(text);
  if (q) {
    fields.askers = parseAskers(q[1] ?? '');
    if (fields.askers.length === 0) fields.askers = null;
    fields.addressees = expandOffices(q[2] ?? '');
    fields.title = cleanTitle(q[3] ?? '');
    if (q[4] !== undefined) {
      const d = parseDutchDate(q[4]);
      fields.submitted = d.date;
      if (d.problem) problems.push({ field: '/submitted', message: d.problem });
    } else {
      problems.push({ field: '/submitted', message: 'no "(ingezonden …)" date after the questions line' });
    }
  }
  const searchFrom = q ? (q.index ?? 0) + q[0].length : 0;
  const r = REPLY.exec(text.slice(searchFrom));
  if (r) {
    const kind = (r[1] ?? '').toLowerCase();
    fields.reply = kind.startsWith('mededeling')
      ? 'postponement'
      : kind.startsWith('antwoord')
        ? 'answer'
        : 'supplementary_answer';
    const who = parseAnswerer(r[2] ?? '');
    fields.answerer = who.answerer;
    fields.coAnswerers = who.coAnswerers;
    for (const message of who.problems) problems.push({ field: '/answerer', message });
    const d = parseDutchDate(r[3] ?? '');
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
