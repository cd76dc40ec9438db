import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNames, loadCommands } from '../../pipeline/cli/commands/index.ts';
import { readSection } from '../../pipeline/dictionary/readme-section.ts';
import { ROOT, runCli } from '../support/run-cli.ts';

const commands = await loadCommands();

describe('help', () => {
  it('loads every command it names, under its own name', () => {
    expect(commands.map((c) => c.name)).toEqual([...commandNames]);
  });

  it('kamervragen --help lists every command, the global options and the exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const c of commands)
      expect(result.stdout).toMatch(
        new RegExp(`^  ${c.name} +${c.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
      );
    expect(result.stdout).toMatch(/--quiet/);
    expect(result.stdout).toMatch(/--json/);
    expect(result.stdout).toMatch(/^ {2}70 +internal error/m);
  });

  it.each(commands.map((c) => c.name))('%s has usage, examples and exit codes', (name) => {
    const help = commands.find((c) => c.name === name)?.help ?? '';
    expect(help).toMatch(new RegExp(`^Usage: kamervragen ${name}\\b`));
    expect(help).toMatch(/\nExamples?:\n {2}\S/);
    expect(help).toMatch(/Exit codes?:?/i);
  });

  it('`kamervragen help site` and `kamervragen site --help` print the same page', async () => {
    const a = await runCli(['help', 'site']);
    const b = await runCli(['site', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^Usage: kamervragen site/);
  });

  it('help for an unknown command is wrong usage', async () => {
    const result = await runCli(['help', 'frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no help for unknown command "frobnicate"/);
  });

  it('the README "cli" section lists every command and the exit codes', async () => {
    const section = readSection(await readFile(join(ROOT, 'README.md'), 'utf8'), 'cli') ?? '';
    for (const c of commands)
      expect(section, c.name).toMatch(new RegExp(`^\\| \`${c.name}\` +\\|`, 'm'));
    for (const code of ['0', '1', '2', '70']) expect(section).toContain(`\`${code}\``);
  });

  it('--version names the program version and the record schema version', async () => {
    const result = await runCli(['--version']);
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const schema = JSON.parse(
      await readFile(join(ROOT, 'schema/document.schema.json'), 'utf8'),
    ) as { $id: string };
    const schemaVersion = schema.$id.split(':').pop();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`kamervragen ${pkg.version} (record schema ${schemaVersion})\n`);
  });
});
