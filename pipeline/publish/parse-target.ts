import { KamervragenError } from '../errors.ts';
import type { Target } from './publish-types.ts';

export const DEFAULT_TARGET = 'dir:dist/releases';

/** `dir:PATH` or `github:OWNER/REPO`. */
export function parseTarget(spec: string): Target {
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  if (colon > 0 && kind === 'dir' && rest !== '') return { kind: 'dir', path: rest };
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(rest);
  if (colon > 0 && kind === 'github' && m) return { kind: 'github', owner: m[1]!, repo: m[2]! };
  throw new KamervragenError(
    'usage/target',
    `unknown target "${spec}"; expected dir:PATH (e.g. ${DEFAULT_TARGET}) or github:OWNER/REPO`,
    {},
    2,
  );
}
