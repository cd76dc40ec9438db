// Limits per document, so that one hostile file (a zip bomb, a PDF stream that inflates to
// gigabytes, a text built to exhaust the parser) fails alone with an error naming it, and the
// build goes on with the rest (--quarantine). Real Kamervragen are far below each of them: a
// publication is tens of kilobytes, a PDF a few megabytes, parsing one takes milliseconds.
// README.md ("Limits per document") documents them; keep the two in step.

/** Largest document (or metadata file) the build reads. */
export const MAX_INPUT_BYTES = 96 * 2 ** 20;

/** Most bytes the compressed parts of one document (ODT entries, PDF streams) may inflate to. */
export const MAX_INFLATED_BYTES = 256 * 2 ** 20;

/** Longest time the parser may spend on one document, in seconds (KAMERVRAGEN_PARSE_TIME_LIMIT). */
export const PARSE_TIME_LIMIT_SECONDS = 120;

/** JavaScript heap of one parser thread, in MiB: past it the thread stops, naming the document. */
export const PARSER_HEAP_MB = 4096;

function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

export function tooLargeMessage(bytes: number): string {
  return `the file is ${mib(bytes)}, over the limit of ${mib(MAX_INPUT_BYTES)} per document (Kamervragen are a few megabytes at most)`;
}

export function inflatesTooMuchMessage(what: string): string {
  return `${what} inflates to more than ${mib(MAX_INFLATED_BYTES)}, the limit per document (a compression bomb?)`;
}
