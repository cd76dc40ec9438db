// Tests that need a Debian package (pandas) run where it is installed and are skipped, saying
// so, where it is not, so `npm test` passes on a machine with Node and npm only. .ci/run
// installs the packages and sets REQUIRE_ENV, and there a missing package fails the test.
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

export const REQUIRE_ENV = 'KAMERVRAGEN_REQUIRE_SYSTEM_PACKAGES';
/** Debian's Python, where python3-* packages install (not a python3 earlier on PATH). */
export const PYTHON = '/usr/bin/python3';

export interface SystemPackage {
  /** The Debian package name, for `apt-get install`. */
  debian: string;
  /** Why it is missing, or null when it is there. */
  missing: string | null;
}

/** Whether Debian's Python can import `module` (from the package `debian`). */
export function pythonModule(module: string, debian: string): SystemPackage {
  const run = spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8' });
  if (run.error) return { debian, missing: `${PYTHON} cannot be run (${run.error.message})` };
  if (run.status === 0) return { debian, missing: null };
  return { debian, missing: `${PYTHON} cannot import ${module}: ${debian} is not installed` };
}

export type Decision = 'run' | 'skip' | 'fail';

export function decide(pkg: SystemPackage, env: NodeJS.ProcessEnv): Decision {
  if (pkg.missing === null) return 'run';
  return env[REQUIRE_ENV] === '1' ? 'fail' : 'skip';
}

const warned = new Set<string>();

/** `it`, for a test that needs `pkg`: runs it, skips it with the reason, or fails (REQUIRE_ENV). */
export function itWith(
  pkg: SystemPackage,
  title: string,
  test: () => unknown,
  timeout?: number,
): void {
  const decision = decide(pkg, process.env);
  if (decision === 'run') {
    it(title, test, timeout);
    return;
  }
  if (decision === 'fail') {
    it(title, () => {
      throw new Error(
        `${REQUIRE_ENV}=1 but ${pkg.missing}; install it: apt-get install ${pkg.debian}`,
      );
    });
    return;
  }
  const reason = `${pkg.missing} (apt-get install ${pkg.debian} to run it; .ci/run does)`;
  if (!warned.has(pkg.debian)) {
    warned.add(pkg.debian);
    console.warn(`Skipping the tests that need ${pkg.debian}: ${reason}`);
  }
  it.skip(`${title} [skipped: ${reason}]`, test);
}
