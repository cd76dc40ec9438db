// Options of a build, shared by `kamervragen build` and pipeline/scripts/build.ts so both read
// argv and env the same way.
import { KamervragenError } from '../errors.ts';
import type { BuildOptions } from './run-build.ts';

export const BUILD_ARG_OPTIONS = {
  documents: { type: 'string', default: 'documents' },
  out: { type: 'string', default: 'dist' },
  quarantine: { type: 'boolean', default: false },
  manifest: { type: 'string' },
  workers: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
} as const;

export interface BuildArgs {
  documents?: string | undefined;
  out?: string | undefined;
  quarantine?: boolean | undefined;
  manifest?: string | undefined;
  workers?: string | undefined;
  cache?: string | undefined;
  'no-cache'?: boolean | undefined;
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
      `--workers must be a whole number of threads (1 parses on the main thread), found "${workers}"`,
      {},
      2,
    );
  }
  return {
    ...(workers === undefined || workers === '' ? {} : { workers: Number(workers) }),
    ...(args['no-cache'] === true ? { cache: null } : args.cache === undefined ? {} : { cache: args.cache }),
    documents: args.documents ?? 'documents',
    out: args.out ?? 'dist',
    quarantine: args.quarantine === true,
    ...(args.manifest === undefined ? {} : { manifest: args.manifest }),
    ...(epoch === undefined || epoch === '' ? {} : { sourceDateEpoch: Number(epoch) }),
  };
}
