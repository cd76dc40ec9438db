// File names are data: one holding a line break and a GitHub workflow command, or a terminal
// escape, must reach stdout and stderr escaped, never as a line or a control sequence of its own.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, printable } from '../../pipeline/errors.ts';
import { formatDiagnosticReport } from '../../pipeline/cli/ui/diagnostics.ts';
import { copyDocuments, removeWorkspaces, runToEnd, workspace } from './support.ts';

afterAll(removeWorkspaces);

const INJECTED = 'ah-tk-20202021-9201.x\n::warning title=injected::y.pdf.txt';
const ESCAPE = 'ah-tk-20202021-9202.\u001b]0;owned\u0007\u202e.pdf.txt';

function expectClean(text: string): void {
  for (const line of text.split('\n')) {
    expect(line.startsWith('::warning title=injected'), line).toBe(false);
    // eslint-disable-next-line no-control-regex -- control characters are what is checked
    expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u0007\u202e]/);
    // Colour codes (ESC [ … m) are ours; an OSC sequence (ESC ]) never is.
    expect(line).not.toContain('\u001b]');
  }
}

describe('file names in report lines', () => {
  it('are escaped in every formatter', () => {
    const d = {
      severity: 'error' as const,
      code: 'parse/x',
      message: `bad ${INJECTED}`,
      file: INJECTED,
    };
    expectClean(formatDiagnostic(d));
    expectClean(formatDiagnosticReport([d], true));
    expect(printable(INJECTED)).toBe('ah-tk-20202021-9201.x\\n::warning title=injected::y.pdf.txt');
    expect(printable(ESCAPE)).toBe('ah-tk-20202021-9202.\\u001b]0;owned\\u0007\\u202e.pdf.txt');
  });

  it('a build under GitHub Actions prints no injected command or escape', async () => {
    const ws = await workspace('report-names');
    await mkdir(join(ws, 'documents'));
    await copyDocuments(join(ws, 'documents'));
    for (const name of [INJECTED, ESCAPE]) await writeFile(join(ws, 'documents', name), 'junk');
    for (const args of [[], ['--quarantine']]) {
      const r = await runToEnd(['build', '--out', 'out', '--no-cache', ...args], ws, {
        GITHUB_ACTIONS: 'true',
        FORCE_COLOR: '1',
      });
      expect(r.code).toBe(args.length === 0 ? 1 : 0);
      expect(r.stderr).toContain('ah-tk-20202021-9201.x\\n::warning title=injected::y.pdf.txt');
      expectClean(r.stdout);
      expectClean(r.stderr);
    }
  }, 120_000);
});
