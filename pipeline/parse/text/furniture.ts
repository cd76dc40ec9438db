import { PAGE } from './lines.ts';

// Page furniture of the official PDF: the page-1 block "ah-tk-20222023-3649 / ISSN 0921 - 7398 /
// ’s-Gravenhage 2023", the running foot "Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel" with the
// page number, in any grouping the extractors produce (pypdf glues them: "ISSN 0921 - 7398’s-Gravenhage
// 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3"). Removed here; the running foot
// becomes a PAGE line so later stages know where a page ends.

const DOC_CODE = /^\s*(?:a?h[ -]tk[ -]\d{8}[ -]\d+|(?:ah|kv)-(?:tk|ek)-[0-9A-Za-z-]+)\s*$/;
const ISSN = /^\s*ISSN\s*\d{4}\s*-\s*\d{4}\s*/;
const GRAVENHAGE = /^\s*[’'`]?s-Gravenhage\s*\d{4}\s*/;
const RUNNING_FOOT =
  /^\s*(?:Tweede|Eerste) Kamer, vergaderjaar\s*\d{4}\s*[–-]\s*\d{4}\s*,\s*Aanhangsel\b\s*(\d{1,3}(?!\d))?\s*/;

export interface Defurnished {
  lines: string[];
  /** True when page furniture was found (then page ends are known from it). */
  furnished: boolean;
}

export function removeFurniture(input: readonly string[], bodyStart: number): Defurnished {
  const lines: string[] = [];
  let furnished = false;
  let expectPageNumber = false;
  for (let i = 0; i < input.length; i++) {
    let line = input[i] ?? '';
    if (line === PAGE) {
      lines.push(PAGE);
      continue;
    }
    if (expectPageNumber) {
      if (!line.trim()) continue;
      expectPageNumber = false;
      if (/^\s*\d{1,3}\s*$/.test(line)) continue;
    }
    if (i < bodyStart) {
      lines.push(line);
      continue;
    }
    if (DOC_CODE.test(line)) {
      furnished = true;
      continue;
    }
    let foot = false;
    for (;;) {
      const before = line;
      line = line.replace(ISSN, '').replace(GRAVENHAGE, '');
      const m = RUNNING_FOOT.exec(line);
      if (m) {
        foot = true;
        line = line.slice(m[0].length);
        if (m[1] === undefined) expectPageNumber = true;
      }
      if (line === before) break;
      furnished = true;
    }
    if (foot) {
      furnished = true;
      lines.push(PAGE);
      if (line.trim()) lines.push(line);
      continue;
    }
    if (line.trim() || input[i]?.trim() === '') lines.push(line);
  }
  return { lines, furnished };
}

// Without furniture (the seeds' extractor) a page starts where a line begins with one space
// (" Vraag 3") or after a run of blank lines.
export function inferPageBreaks(input: readonly string[], bodyStart: number): string[] {
  const lines: string[] = [];
  let blanks = 0;
  for (let i = 0; i < input.length; i++) {
    const line = input[i] ?? '';
    if (!line.trim()) {
      blanks++;
      if (blanks === 2 && i >= bodyStart) lines.push(PAGE);
      lines.push('');
      continue;
    }
    if (i >= bodyStart && /^ \S/.test(line) && blanks < 2) lines.push(PAGE);
    blanks = 0;
    lines.push(line);
  }
  return lines;
}
