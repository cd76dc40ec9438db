export const SUMS_NAME = 'SHA256SUMS';

/** GNU coreutils format ("<hex>  <name>", two spaces: text mode), sorted by name, so `sha256sum -c` reads it. */
export function renderSha256Sums(files: readonly { name: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.name}\n`)
    .join('');
}
