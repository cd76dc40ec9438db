import { describe, expect, it } from 'vitest';
import { KamervragenError } from '../../pipeline/errors.ts';
import {
  assertRepositoryMatches,
  repositoryFromEnv,
  repositoryFromRemote,
} from '../../pipeline/publish/repository-url.ts';

describe('the repository URL', () => {
  it('comes from GitHub Actions variables when both are set', () => {
    expect(
      repositoryFromEnv({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' }),
    ).toBe('https://github.com/o/r');
    expect(
      repositoryFromEnv({ GITHUB_SERVER_URL: 'https://ghe.example/', GITHUB_REPOSITORY: 'o/r' }),
    ).toBe('https://ghe.example/o/r');
    expect(repositoryFromEnv({ GITHUB_REPOSITORY: 'o/r' })).toBeNull();
    expect(repositoryFromEnv({})).toBeNull();
  });

  it('comes from the git remote otherwise, without credentials or .git', () => {
    expect(repositoryFromRemote('git@github.com:o/r.git')).toBe('https://github.com/o/r');
    expect(repositoryFromRemote('https://x-access-token:secret@github.com/o/r.git')).toBe(
      'https://github.com/o/r',
    );
    expect(repositoryFromRemote('ssh://git@github.com/o/r')).toBe('https://github.com/o/r');
    expect(repositoryFromRemote('/srv/git/kamervragen.git')).toBeNull();
    expect(repositoryFromRemote('')).toBeNull();
    expect(repositoryFromRemote(null)).toBeNull();
  });

  it('must match the GitHub repository a release is published to', () => {
    expect(() => assertRepositoryMatches('https://github.com/O/R', 'o', 'r')).not.toThrow();
    for (const repository of ['https://github.com/other/r', null]) {
      let error: unknown;
      try {
        assertRepositoryMatches(repository, 'o', 'r');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KamervragenError);
      expect((error as KamervragenError).code).toBe('release/repository');
      expect((error as Error).message).toContain('github:o/r');
    }
  });
});
