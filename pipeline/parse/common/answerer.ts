import type { Answerer } from '../../types.ts';
import { expandOffices } from './offices.ts';

// The answer line: "Antwoord van Minister Kaag (Buitenlandse Handel en Ontwikkelingssamenwerking),
// mede namens de Minister van Buitenlandse Zaken (ontvangen 10 september 2019)".

const ROLES = [
  'Minister-President',
  'Minister-president',
  'Viceminister-president',
  'Vicepremier',
  'Minister',
  'Staatssecretaris',
  'Staatsecretaris',
  'Staatssecretarissen',
  'Ministers',
];

// "minister " …: the roles as the lower-cased line starts with them, made once.
const ROLE_PREFIXES = ROLES.map((r) => `${r.toLowerCase()} `);

export interface AnswererParse {
  answerer: Answerer | null;
  /** [] when there is no "mede namens", null when the line names answerers in another way. */
  coAnswerers: string[] | null;
  problems: string[];
}

/** `line` is the text after "Antwoord van " up to (not including) "(ontvangen …)". */
export function parseAnswerer(line: string): AnswererParse {
  const problems: string[] = [];
  let text = line
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,.\s]+$/, '');
  let coAnswerers: string[] | null = [];
  const mede = /,?\s*mede\s+namens\s+/i.exec(text);
  if (mede) {
    coAnswerers = expandOffices(text.slice(mede.index + mede[0].length));
    text = text.slice(0, mede.index).trim();
  }
  const lower = text.toLowerCase();
  const role = ROLES.find((_r, i) => lower.startsWith(ROLE_PREFIXES[i] ?? ''));
  let name: string | null = null;
  let portfolio: string | null = null;
  const rest = role ? text.slice(role.length).trim() : text;
  const paren = /^([^()]+?)\s*\(([^()]+)\)\s*(.*)$/.exec(rest);
  if (paren) {
    name = paren[1]?.trim() || null;
    portfolio = paren[2]?.trim() || null;
    const tail = paren[3]?.trim() ?? '';
    if (tail) {
      // "Minister Bruins Slot (BZ) van Minister Schreinemacher (…)": a second answerer without
      // "mede namens"; who answers on whose behalf is not stated.
      coAnswerers = mede ? coAnswerers : null;
      problems.push(
        `the answer line names more than one answerer without "mede namens": "${tail}"`,
      );
    }
  } else {
    name = rest || null;
  }
  if (!role)
    problems.push(`no role (Minister, Staatssecretaris …) at the start of "${line.trim()}"`);
  return {
    answerer: { role: role ? capitalise(role) : null, name, portfolio },
    coAnswerers,
    problems,
  };
}

function capitalise(role: string): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}
