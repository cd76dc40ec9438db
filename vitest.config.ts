import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/property-seed.ts'],
    // Tests spawn the CLI, servers and browsers, each a whole process: two files at a time, and
    // timeouts long enough for a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
