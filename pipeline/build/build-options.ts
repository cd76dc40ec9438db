// Options of a build, as `kamervragen build` reads them from argv and env.
import { KamervragenError } from '../errors.ts';
import { runEpoch } from '../package/plan-release.ts';
import { parsePartition } from './partition.ts';
import type { BuildOptions } from './run-build.ts';

export const BUILD_ARG_OPTIONS = {
  documents: { type: 'string', default: 'documents' },
  out: { type: 'string', default: 'dist' },
  quarantine: { type: 'boolean', default: false },
  manifest: { type: 'string' },
  workers: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  partition: { type: 'string' },
} as const;

export interface BuildArgs {
  documents?: string | undefined;
  out?: string | undefined;
  quarantine?: boolean | undefined;
  manifest?: string | undefined;
  workers?: string | undefined;
  cache?: string | undefined;
  'no-cache'?: boolean | undefined;
  partition?: string | undefined;
}

export function buildOptions(args: BuildArgs, env: NodeJS.ProcessEnv): BuildOptions {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch)) {
    throw new KamervragenError(
      'usage/source-date-epoch',
      `SOURCE_DATE_EPOCH must be whole seconds since 1970, found "${epoch}"`,
      {},
      2,
    );
  }
  const workers = args.workers ?? env.KAMERVRAGEN_WORKERS;
  if (workers !== undefined && workers !== '' && !/^\d+$/.test(workers)) {
    throw new KamervragenError(
      'usage/workers',
      `--workers must be a whole number of threads (0 parses on the main thread), found "${workers}"`,
      {},
      2,
    );
  }
  return {
    ...(workers === undefined || workers === '' ? {} : { workers: Number(workers) }),
    ...parseLimits(env),
    ...cacheOption(args, env),
    ...(typeof args.partition === 'string' ? { partition: parsePartition(args.partition) } : {}),
    documents: args.documents ?? 'documents',
    out: args.out ?? 'dist',
    quarantine: args.quarantine === true,
    ...(args.manifest === undefined ? {} : { manifest: args.manifest }),
    // The day a build is made dates a new version; an unchanged one keeps its manifest's date.
    sourceDateEpoch: runEpoch(
      epoch === undefined || epoch === '' ? undefined : Number(epoch),
      Date.now(),
    ),
  };
}

// --no-cache, --cache DIR, else KAMERVRAGEN_CACHE (a folder, or "off"), else the default folder.
function cacheOption(args: BuildArgs, env: NodeJS.ProcessEnv): { cache?: string | null } {
  // (argv parsers of the minimist family read --no-cache as cache=false.)
  if (args['no-cache'] === true || (args.cache as unknown) === false) return { cache: null };
  const dir = typeof args.cache === 'string' ? args.cache : env.KAMERVRAGEN_CACHE;
  if (dir === undefined || dir === '') return {};
  return { cache: dir === 'off' ? null : dir };
}

/** The limits per document from the environment (build and release alike). */
export function parseLimits(env: NodeJS.ProcessEnv): {
  parseTimeLimitMs?: number;
  parseHeapMb?: number;
} {
  const seconds = positiveNumber(env, 'KAMERVRAGEN_PARSE_TIME_LIMIT', 'a number of seconds');
  const heap = positiveNumber(env, 'KAMERVRAGEN_PARSE_MEMORY_LIMIT', 'a number of MiB');
  return {
    ...(seconds === undefined ? {} : { parseTimeLimitMs: seconds * 1000 }),
    ...(heap === undefined ? {} : { parseHeapMb: heap }),
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, what: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!(Number(value) > 0))
    throw new KamervragenError(
      'usage/limit',
      `${name} must be ${what} above 0, found "${value}"`,
      {},
      2,
    );
  return Number(value);
}
