import { isSpaceCode } from './text-clean.ts';

// URLs in footnotes and text. PDFs break long URLs over lines ("…/huawei-testte-software-voor-herkenning-"
// + "gezichten-oeigoeren"); `joinLines` glues such pieces back without a space.

const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"«»]+|\b(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|int|gov|be|de|uk|io|info)\/[^\s<>"«»]*/gi;

export function extractUrls(text: string): string[] {
  const urls: string[] = [];
  for (const m of text.matchAll(URL)) {
    let url = m[0];
    // Trailing punctuation belongs to the sentence, a closing bracket only when it was not opened in the URL.
    for (;;) {
      const trimmed = url.replace(/[.,;:!?'’”»]+$/, '');
      const opens = (trimmed.match(/\(/g) ?? []).length;
      const closes = (trimmed.match(/\)/g) ?? []).length;
      const next = closes > opens && trimmed.endsWith(')') ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    if (url.length > 4 && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

/** The last whitespace-free run of `text` ('' when there is none). */
function lastWord(text: string): string {
  // A backward scan: /\S+$/ retries from every position of the text, and `joinLines` passes a
  // growing paragraph here for every line.
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpaceCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** True when the line ends inside a URL that continues on the next line. */
export function endsInsideUrl(line: string, next: string): boolean {
  const last = lastWord(line);
  if (!/^\(?(?:https?:\/\/|www\.)|^\(?(?:[a-z0-9-]+\.)+[a-z]{2,4}\//i.test(last)) return false;
  const first = /^\s*(\S*)/.exec(next)?.[1] ?? '';
  if (!first || /^[A-Z][a-z]+$/.test(first)) return false;
  return (
    /[-/_.=?&#%~]$/.test(last) ||
    /[/_=&%]/.test(first) ||
    /^[a-z0-9-]+(?:\.[a-z]{2,5})?\)?[.,]?$/.test(first)
  );
}

/** Joins lines, without a space where a URL continues. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    if (!out) out = line;
    else out += (endsInsideUrl(out, line) ? '' : ' ') + line;
  }
  return out;
}
