// dist/ is switched to a new release as one set. A real release or build process is killed
// right after each rename of the switch in turn (the hook counts them), and what it leaves is
// checked as a set: a folder without the switch journal is wholly the old set or wholly the new
// one (the new one only once its version exists at the target); a folder with the journal is
// refused by readers; and the re-run completes to exactly an uninterrupted run.
import { cp, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyDocuments,
  digests,
  hidden,
  RELEASE_ARGS,
  RELEASE_ENV,
  removeWorkspaces,
  runToEnd,
  workspace,
} from './support.ts';

const HOOK = fileURLToPath(new URL('hooks/kill-after-renames.mjs', import.meta.url));
const JOURNAL = '.switch.json';
// Far more renames than one document's change makes: the loop ends at the first unkilled run.
const MAX_RENAMES = 40;

afterAll(removeWorkspaces);

const killEnv = (dir: string, after: number) => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${HOOK}`.trim(),
  KAMERVRAGEN_TEST_KILL_DIR: dir,
  KAMERVRAGEN_TEST_KILL_AFTER_RENAMES: String(after),
});
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const same = (a: Map<string, string>, b: Map<string, string>) =>
  JSON.stringify([...a]) === JSON.stringify([...b]);

interface Case {
  ws: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Folders restored before every kill, and compared with the reference after each re-run. */
  folders: string[];
  reference: Map<string, Map<string, string>>;
  old: Map<string, Map<string, string>>;
}

/** Two workspaces with the same history; the reference one runs `args` once more, whole. */
async function prepare(name: string, args: string[], env: NodeJS.ProcessEnv, folders: string[]) {
  const setUp = async (prefix: string) => {
    const ws = await workspace(prefix);
    const added = await copyDocuments(join(ws, 'documents'), 1);
    await rm(join(ws, 'documents', added[0]!));
    const first = await runToEnd(args, ws, env);
    expect(first.code, first.stderr).toBe(0);
    for (const f of [...folders, 'CITATION.cff'])
      await cp(join(ws, f), join(ws, `saved-${f}`), { recursive: true }).catch(() => undefined);
    await copyDocuments(join(ws, 'documents'), 1);
    return ws;
  };
  const refWs = await setUp(`${name}-ref`);
  const ws = await setUp(name);
  const old = new Map<string, Map<string, string>>();
  for (const f of folders) old.set(f, await digests(join(ws, f)));
  const done = await runToEnd(args, refWs, env);
  expect(done.code, done.stderr).toBe(0);
  const reference = new Map<string, Map<string, string>>();
  for (const f of folders) reference.set(f, await digests(join(refWs, f)));
  expect(same(reference.get('dist')!, old.get('dist')!)).toBe(false);
  return { ws, args, env, folders, reference, old } satisfies Case;
}

async function restore(c: Case): Promise<void> {
  // The release also rewrites the workspace's CITATION.cff (the repository's root copy).
  for (const f of [...c.folders, 'CITATION.cff']) {
    await rm(join(c.ws, f), { recursive: true, force: true });
    await cp(join(c.ws, `saved-${f}`), join(c.ws, f), { recursive: true }).catch(() => undefined);
  }
}

/** Kills after the 1st, 2nd, … rename into dist/ until a run finishes; returns the kill count. */
async function killEveryRename(c: Case, check: (what: string) => Promise<void>): Promise<number> {
  const dist = join(c.ws, 'dist');
  for (let after = 1; after <= MAX_RENAMES; after++) {
    await restore(c);
    const run = await runToEnd(c.args, c.ws, { ...c.env, ...killEnv(dist, after) });
    if (run.signal !== 'SIGKILL') {
      expect(run.code, run.stderr).toBe(0);
      return after - 1;
    }
    const what = `killed after rename ${after}`;
    const now = await digests(dist);
    if (await exists(join(dist, JOURNAL))) await check(what);
    else if (same(now, c.reference.get('dist')!)) {
      // The new set without the journal: its version is published (the release folder whole).
      for (const f of c.folders)
        expect(await digests(join(c.ws, f)), `${what}: ${f}`).toEqual(c.reference.get(f));
    } else
      expect(
        same(now, c.old.get('dist')!),
        `${what}: dist/ has no switch journal but is neither the old set nor the new one`,
      ).toBe(true);
    const rerun = await runToEnd(c.args, c.ws, c.env);
    expect(rerun.code, `${what}: ${rerun.stderr}`).toBe(0);
    for (const f of c.folders)
      expect(await digests(join(c.ws, f)), `${what}: ${f}`).toEqual(c.reference.get(f));
    expect(await hidden(dist)).toEqual([]);
  }
  throw new Error(`more than ${MAX_RENAMES} renames into dist/`);
}

describe('dist/ switched as one set', () => {
  it('by a release killed after any rename: never a mixed set without the journal, and never a manifest of an unpublished version', async () => {
    const [args, env] = [RELEASE_ARGS, RELEASE_ENV];
    const c = await prepare('switch-release', args, env, ['dist', 'releases']);
    let refusals = 0;
    const kills = await killEveryRename(c, async (what) => {
      // Readers refuse a half-switched folder instead of showing a mix of two releases.
      const site = await runToEnd(['site', '--data', 'dist', '--out', 'site'], c.ws);
      expect(site.code, `${what}: ${site.stderr}`).toBe(1);
      expect(site.stderr).toMatch(/half switched/);
      expect(await exists(join(c.ws, 'site'))).toBe(false);
      refusals++;
    });
    // The data, the describing files, SHA256SUMS and manifest.json: several renames.
    expect(kills).toBeGreaterThanOrEqual(4);
    expect(refusals).toBe(kills);
  }, 600_000);

  it('by a build killed after any rename', async () => {
    const args = ['build', '--documents', 'documents', '--out', 'dist', '--quarantine'];
    const c = await prepare('switch-build', args, {}, ['dist']);
    const kills = await killEveryRename(c, async (what) => {
      const merge = await runToEnd(['merge', '--out', 'merged', 'dist'], c.ws);
      expect(merge.code, `${what}: ${merge.stderr}`).toBe(1);
      expect(merge.stderr).toMatch(/half switched/);
    });
    expect(kills).toBeGreaterThanOrEqual(2);
  }, 600_000);
});
