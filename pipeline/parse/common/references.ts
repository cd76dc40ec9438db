import type { Reference } from '../../types.ts';

// References to other parliamentary papers in running text and footnotes:
// "Kamerstuk 21 501-20, nr. 1596", "Kamerstukken II 2023/24, 36 410 IV, nr. 15",
// "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137", "Aanhangsel Handelingen II 2019/20, nr. 123",
// and case (zaak/kenmerk) numbers such as 2019Z12806.

const KAMERSTUK =
  /Kamerstuk(?:ken)?(?:\s+[IV]{1,2})?(?:\s+\d{4}\s*[/–-]\s*\d{2,4})?\s*,?\s*(\d{2})\s?(\d{3})(?:\s*-\s*([0-9]{1,3}|[A-Z]{1,6})|\s+([IVXLC]{1,6}|[A-Z]))?\s*,?\s*nr\.?\s*(\d+)/g;
const AANHANGSEL =
  /Aanhangsel(?:\s+(?:van\s+de\s+)?Handelingen)?(?:\s+II)?\s*,?\s*(?:vergaderjaar\s*)?(\d{4})\s*[/–-]\s*(\d{2,4})\s*,?\s*nr\.?\s*(\d+)/gi;
const AANHANGSEL_WORD = /aanhangsel/i;
const CASE = /\b((?:19|20)\d{2}[ZD]\d{5})\b/g;

export function findReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  const seen = new Set<string>();
  const add = (ref: Reference) => {
    const key = `${ref.kind}|${ref.identifier ?? ref.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    refs.push(ref);
  };
  // Each pattern begins with its word; the pattern itself is searched at every position, the
  // word alone is found at once, and most texts hold neither.
  const kamerstukken = text.includes('Kamerstuk') ? text.matchAll(KAMERSTUK) : [];
  for (const m of kamerstukken) {
    const suffix = m[3] ?? m[4];
    const dossier = `${m[1]}${m[2]}${suffix ? `-${suffix}` : ''}`;
    const number = Number(m[5]);
    add({
      kind: 'kamerstuk',
      text: m[0].replace(/\s+/g, ' '),
      dossier,
      number,
      identifier: `kst-${dossier}-${number}`,
    });
  }
  const aanhangsels = AANHANGSEL_WORD.test(text) ? text.matchAll(AANHANGSEL) : [];
  for (const m of aanhangsels) {
    const start = Number(m[1]);
    const endRaw = m[2] ?? '';
    const end =
      endRaw.length === 4 ? Number(endRaw) : Math.floor(start / 100) * 100 + Number(endRaw);
    const number = Number(m[3]);
    const identifier = end === start + 1 ? `ah-tk-${start}${end}-${number}` : null;
    add({ kind: 'aanhangsel', text: m[0].replace(/\s+/g, ' '), dossier: null, number, identifier });
  }
  for (const m of text.matchAll(CASE)) {
    add({
      kind: 'case',
      text: m[1] ?? m[0],
      dossier: null,
      number: null,
      identifier: m[1] ?? m[0],
    });
  }
  return refs;
}
