import { hasErrors, type Diagnostic } from '../errors.ts';
import type { Document, SourceFile } from '../types.ts';
import { checkUniqueIds } from '../validate/check-unique-ids.ts';

/** A file of the document store that cannot be parsed at all (not a regular file, unreadable). */
export interface RejectedSource {
  path: string;
  rejected: Diagnostic[];
}

export type SourceInput = SourceFile | RejectedSource;

export interface QuarantinedFile {
  /** Source path, as in the diagnostics. */
  file: string;
  /** Why: the errors that kept it out. */
  diagnostics: Diagnostic[];
}

export interface RecordsResult<R extends { id: string } = Document> {
  /** Valid records, in source-file order (the export sorts them by id). */
  records: R[];
  /** Everything reported, warnings included, in source-file order. */
  diagnostics: Diagnostic[];
  /** Files left out because of errors (only when quarantining; otherwise `ok` is false). */
  quarantined: QuarantinedFile[];
  /** False when a file has errors and the build was not told to quarantine. */
  ok: boolean;
}

export interface RecordsOptions<
  R extends { id: string } = Document,
  I extends { path: string } = SourceInput,
> {
  /** Leave out the files with errors and build the rest; else any error fails the build. */
  quarantine?: boolean;
  /** How many files there are (for progress), when `files` is not an array. */
  total?: number | undefined;
  /** Called before each file is parsed (progress): its path, its index from 0, and how many there are. */
  onFile?: ((path: string, index: number, total: number) => void) | undefined;
  /** Parses and validates one file (default analyseSource; the build passes its cache and workers). */
  analyse?: ((source: I) => Promise<{ record: R | null; diagnostics: Diagnostic[] }>) | undefined;
  /** How many files may be analysed at once (default 1). */
  concurrency?: number | undefined;
  /** Called with each file's outcome in path order, as soon as it and all before it are done. */
  onParsed?: ((parsed: Parsed<R>) => void | Promise<void>) | undefined;
}

export interface Parsed<R> {
  file: string;
  record: R | null;
  diagnostics: Diagnostic[];
}

function crash(file: string, error: unknown): Diagnostic {
  return {
    severity: 'error',
    code: 'parse/crash',
    message: `the parser failed on this file (${error instanceof Error ? error.message : String(error)}); this is a bug in the parser, please report it with the file`,
    file,
  };
}

// Parse and validate every source file. Pure apart from what parseSource awaits (PDF text).
// Every file ends up either as a record or named in the diagnostics: nothing is dropped silently.
export async function buildRecords<
  R extends { id: string } = Document,
  I extends { path: string } = SourceInput,
>(
  files: Iterable<I> | AsyncIterable<I>,
  options: RecordsOptions<R, I> = {},
): Promise<RecordsResult<R>> {
  const total = options.total ?? (Array.isArray(files) ? files.length : 0);
  const parsed: Parsed<R>[] = [];
  // Without an analyser of its own, R is Document.
  // (Loaded only when needed: a build that takes every record from its cache never parses.)
  const analyse =
    options.analyse ??
    ((await import('./analyse-source.ts')).analyseSource as unknown as NonNullable<
      RecordsOptions<R, I>['analyse']
    >);
  // Files are analysed up to `concurrency` at a time (worker threads) but kept in path order.
  const limit = Math.max(1, options.concurrency ?? 1);
  const window: Promise<Parsed<R>>[] = [];
  const take = async (entry: Parsed<R>) => {
    parsed.push(entry);
    await options.onParsed?.(entry);
  };
  let index = 0;
  for await (const source of files) {
    options.onFile?.(source.path, index, total);
    index += 1;
    window.push(
      'rejected' in source
        ? Promise.resolve({
            file: source.path,
            record: null,
            diagnostics: [...(source as RejectedSource).rejected],
          })
        : analyse(source).then(
            (o) => ({ file: source.path, record: o.record, diagnostics: [...o.diagnostics] }),
            (error: unknown) => ({
              file: source.path,
              record: null,
              diagnostics: [crash(source.path, error)],
            }),
          ),
    );
    while (window.length >= limit) await take(await window.shift()!);
  }
  for (const entry of window) await take(await entry);

  const claims = parsed.flatMap((p) =>
    p.record === null ? [] : [{ id: p.record.id, file: p.file }],
  );
  // Quarantining keeps the first file (in path order) that claims an id and sets the others aside.
  for (const duplicate of checkUniqueIds(claims, { keepFirst: options.quarantine === true })) {
    const entry = parsed.find((p) => p.file === duplicate.file);
    if (entry) {
      entry.diagnostics.push(duplicate);
      entry.record = null;
    }
  }

  const failed = parsed.filter((p) => hasErrors(p.diagnostics));
  const quarantine = options.quarantine === true;
  return {
    records:
      quarantine || failed.length === 0
        ? parsed.flatMap((p) => (p.record === null ? [] : [p.record]))
        : [],
    diagnostics: parsed.flatMap((p) => p.diagnostics),
    quarantined: quarantine
      ? failed.map((p) => ({
          file: p.file,
          diagnostics: p.diagnostics.filter((d) => d.severity === 'error'),
        }))
      : [],
    ok: quarantine || failed.length === 0,
  };
}
