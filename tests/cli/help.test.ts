import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

describe('kamervragen CLI', () => {
  it('prints help listing every command and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: kamervragen <command>/);
    expect(result.stdout).toMatch(/\bparse\b/);
  });

  it('rejects an unknown command with exit 2 and the usage', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('names the file when it cannot be read, without a stack trace', async () => {
    const result = await runCli(['parse', 'no/such/file.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no\/such\/file\.txt/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
