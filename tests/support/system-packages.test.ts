import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decide, pythonModule, REQUIRE_ENV } from './system-packages.ts';

describe('tests that need a Debian package', () => {
  const missing = pythonModule('kamervragen_no_such_module', 'python3-nothing');

  it('find a module that is not there missing, and say which package to install', () => {
    expect(missing.missing).toMatch(/python3-nothing is not installed|cannot be run/);
  });

  it('are skipped without the package, fail without it under .ci/run, run with it', () => {
    expect(decide(missing, {})).toBe('skip');
    expect(decide(missing, { [REQUIRE_ENV]: '1' })).toBe('fail');
    const present = { debian: 'python3-x', missing: null };
    expect(decide(present, {})).toBe('run');
    expect(decide(present, { [REQUIRE_ENV]: '1' })).toBe('run');
  });

  it('.ci/run turns the skips into failures and installs what they need', async () => {
    const script = await readFile(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(script).toMatch(new RegExp(`^export ${REQUIRE_ENV}=1$`, 'm'));
    for (const pkg of ['python3-pandas', 'python3-yaml', 'python3-openpyxl']) expect(script).toContain(pkg);
  });
});
