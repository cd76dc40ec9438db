import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFields } from '../../pipeline/package/changed-fields.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import { emotionRecognition } from '../export/fixtures/sample-documents.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the fields a changed record changed', () => {
  it('are the top-level fields that differ, and the parts of source and answerer', () => {
    const before = emotionRecognition();
    expect(changedFields(before, before)).toEqual([]);
    const after = {
      ...before,
      title: 'another title',
      source: { ...before.source, path: 'elsewhere.txt' },
      answers: before.answers.slice(1),
    };
    expect(changedFields(before, after)).toEqual(['title', 'answers', 'source.path']);
    expect(changedFields({ id: 'x', extra: 1 }, { id: 'x' })).toEqual(['extra']);
  });

  it('are named in the release notes of a release that changed them', async () => {
    const project = mkdtempSync(join(tmpdir(), 'kv-fields-'));
    scratch.push(project);
    cpSync(join(ROOT, 'documents'), join(project, 'documents'), { recursive: true });
    const env = { SOURCE_DATE_EPOCH: '', GITHUB_REPOSITORY: '', GITHUB_SERVER_URL: '' };
    const args = ['release', '--target', 'dir:releases', '--source-commit', '2'.repeat(40)];
    expect((await runCli(args, { cwd: project, env })).code).toBe(0);
    const name = 'ah-tk-20182019-3922.kaag-sjoerdsma-emotieherkenningssoftware.pdf.txt';
    renameSync(
      join(project, 'documents', name),
      join(project, 'documents', name.replace('kaag', 'moved')),
    );
    const second = await runCli(args, { cwd: project, env });
    expect(second.code, second.stderr).toBe(0);
    const notes = readFileSync(join(project, 'dist', 'RELEASE_NOTES.md'), 'utf8');
    expect(notes).toMatch(/`ah-tk-20182019-3922`.*\(changed: `source\.path`\)/);
  }, 120_000);
});
