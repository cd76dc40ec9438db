import { scriptJson } from '../html.ts';

// Every data file is a script that hands its value to the page's loader: <script> works from
// file:// where fetch() does not, and GitHub Pages serves it like any other file.

export function scriptData(path: string, value: unknown): string {
  return `window.KV.put(${JSON.stringify(path)}, ${scriptJson(value)});\n`;
}

/** Ascending integers as base-36 gaps: "3,1,a" is 3, 4, 14. */
export function encodePostings(list: ArrayLike<number>): string {
  // Joined from parts, not grown with +=: that would leave a rope of one node per entry.
  const parts = new Array<string>(list.length);
  let previous = 0;
  for (let i = 0; i < list.length; i += 1) {
    const n = list[i] as number;
    parts[i] = (n - previous).toString(36);
    previous = n;
  }
  return parts.join(',');
}

export function decodePostings(text: string): number[] {
  if (!text) return [];
  let n = 0;
  return text.split(',').map((gap) => (n += parseInt(gap, 36)));
}
