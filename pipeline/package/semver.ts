import { KamervragenError } from '../errors.ts';
import type { Bump } from './release-types.ts';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseVersion(version: string, field = '/version'): [number, number, number] {
  const m = SEMVER.exec(version);
  if (!m)
    throw new KamervragenError(
      'package/bad-version',
      `expected a version X.Y.Z, found "${version}"`,
      { field },
    );
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export const FIRST_VERSION = '1.0.0';

export function bumpVersion(version: string, bump: Bump): string {
  if (bump === 'initial') return FIRST_VERSION;
  const [major, minor, patch] = parseVersion(version);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** "urn:kamervragen:schema:document:1.0.0" → "1.0.0" */
export function schemaVersionFromId(id: string): string {
  const version = id.slice(id.lastIndexOf(':') + 1);
  parseVersion(version, '/$id');
  return version;
}
