import type { NamedFile } from './release-types.ts';
import { sha256Hex } from './hash-record.ts';

export const SUMS_NAME = 'SHA256SUMS';

/** GNU coreutils format ("<hex>  <name>", two spaces: text mode), sorted by name, so `sha256sum -c` reads it. */
export function renderSha256Sums(files: readonly NamedFile[]): string {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${sha256Hex(f.bytes)}  ${f.name}\n`)
    .join('');
}
