import type { Asker } from '../../types.ts';

// Askers as printed after "Vragen van het lid" / "de leden": "Sjoerdsma (D66)",
// "Omtzigt (CDA), Gesthuizen (SP) en Schouw (D66)", "Minhas en Rudmer Heerema (beiden VVD)",
// "Rajkowski, Brekelmans en Michon-Derkzen (allen VVD)", "Faber-van de Klashorst(PVV)".
// Openkamer lists "Lisa van Ginneken (D66), Hind Dekker-Abdulaziz (D66)".

const GROUP = /([^()]*?)\s*\(([^()]*)\)/g;

export function parseAskers(phrase: string): Asker[] {
  const askers: Asker[] = [];
  let rest = phrase;
  let lastEnd = 0;
  for (const m of phrase.matchAll(GROUP)) {
    lastEnd = (m.index ?? 0) + m[0].length;
    const names = splitNames(m[1] ?? '');
    const party = cleanParty(m[2] ?? '');
    for (const name of names) askers.push({ name, party });
  }
  rest = phrase.slice(lastEnd);
  for (const name of splitNames(rest)) askers.push({ name, party: null });
  return askers;
}

function splitNames(text: string): string[] {
  return text
    .replace(/^\s*(?:,|\ben\b)\s*/, '')
    .split(/\s*,\s*|\s+en\s+/)
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => name.length > 0 && /\p{L}/u.test(name));
}

function cleanParty(text: string): string | null {
  const party = text
    .replace(/^\s*(?:beiden|allen|beide|alle)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return party || null;
}
