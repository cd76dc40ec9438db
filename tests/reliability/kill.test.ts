// A crash at any point of build, fetch or release leaves documents/, dist/, the watermark and
// the last release intact and readable, and a re-run completes to exactly what an uninterrupted
// run gives. Each command runs as a real child process and gets SIGKILL at seeded random points
// (plus one point chosen to land mid-write); KAMERVRAGEN_KILL_POINTS raises the count.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  AH_RECORD,
  KV_RECORD,
  rewriteUrls,
  sruPage,
  startStandIn,
  type StandIn,
} from '../fetch/sru-stand-in.ts';
import {
  assertReadable,
  copyDocuments,
  digests,
  hidden,
  killAt,
  random,
  RELEASE_ARGS,
  RELEASE_ENV,
  removeWorkspaces,
  runToEnd,
  start,
  workspace,
} from './support.ts';

const SEED = Number(process.env.KAMERVRAGEN_KILL_SEED ?? '') || 6;
const POINTS = Number(process.env.KAMERVRAGEN_KILL_POINTS ?? '') || 1;
// Each point is a killed run and a full re-run: a minute each on a busy two-core machine.
const TIMEOUT = 60_000 + (POINTS + 1) * 60_000;
const tally = { build: 0, fetch: 0, release: 0, killed: 0 };

afterAll(async () => {
  await removeWorkspaces();
  console.log(
    `kill points tried: build ${tally.build}, fetch ${tally.fetch}, release ${tally.release} (${tally.killed} killed mid-run, seed ${SEED})`,
  );
});

/** Each file present is the old or the new version of itself, whole. */
function expectOldOrNew(
  now: Map<string, string>,
  old: Map<string, string>,
  fresh: Map<string, string>,
  what: string,
): void {
  for (const [name, hash] of now) {
    expect(
      [old.get(name), fresh.get(name)],
      `${what}: ${name} is neither the old nor the new file`,
    ).toContain(hash);
  }
}

const anyEntry = async (dir: string, re: RegExp) =>
  (await readdir(dir).catch(() => [] as string[])).some((n) => re.test(n));

describe('build killed at random points', () => {
  it(
    `leaves dist/ whole and the re-run equals an uninterrupted build (${POINTS} + 1 points)`,
    async () => {
      const ws = await workspace('kill-build');
      const documents = join(ws, 'documents');
      const extra = await copyDocuments(documents, 10);
      const args = (out: string) => [
        'build',
        '--documents',
        'documents',
        '--out',
        out,
        '--quarantine',
      ];
      // The last release's data: the documents without one of them.
      const held = join(ws, 'held-back');
      await mkdir(held);
      await cp(join(documents, extra[0]!), join(held, extra[0]!));
      await rm(join(documents, extra[0]!));
      expect((await runToEnd(args('old-dist'), ws)).code).toBe(0);
      await cp(join(held, extra[0]!), join(documents, extra[0]!));
      const reference = await runToEnd(args('new-dist'), ws);
      expect(reference.code, reference.stderr).toBe(0);
      const old = await digests(join(ws, 'old-dist'));
      const fresh = await digests(join(ws, 'new-dist'));
      expect(fresh).not.toEqual(old);
      const documentsBefore = await digests(documents, { hidden: true });

      const rnd = random(SEED);
      const dist = join(ws, 'dist');
      for (let i = 0; i <= POINTS; i++) {
        await rm(dist, { recursive: true, force: true });
        await cp(join(ws, 'old-dist'), dist, { recursive: true });
        const midWrite = i === POINTS;
        // Random points over the whole run; the last one as soon as the staging folder appears.
        const delay = midWrite ? reference.ms * 3 : 150 + rnd() * reference.ms;
        const ended = await killAt(
          start(args('dist'), ws),
          delay,
          midWrite ? () => anyEntry(dist, /^\.staging-/) : undefined,
        );
        tally.build++;
        if (ended.killed) tally.killed++;
        expectOldOrNew(
          await digests(dist),
          old,
          fresh,
          `build killed after ${delay.toFixed(0)} ms`,
        );
        await assertReadable(dist);
        expect(await digests(documents, { hidden: true })).toEqual(documentsBefore);

        const rerun = await runToEnd(args('dist'), ws);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(await digests(dist)).toEqual(fresh);
        expect(await hidden(dist)).toEqual([]);
      }
    },
    TIMEOUT,
  );
});

describe('fetch killed at random points', () => {
  const KV_ID = 'kv-2989900822';
  const KV_DIR = `/repository.overheid.nl/frbr/officielepublicaties/kv/onopgemaakt/${KV_ID}/1`;
  const KV_FILES = {
    [`${KV_DIR}/xml/${KV_ID}.xml`]: {
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie><kamervragen><vraag><nr>Vraag 1</nr><al>…</al></vraag></kamervragen></officiele-publicatie>\n',
    },
    [`${KV_DIR}/metadata/metadata.xml`]: {
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<metadata_gegevens><metadata name="DC.identifier" scheme="OVERHEIDop.ParlID" content="${KV_ID}"/></metadata_gegevens>\n`,
    },
  };
  const INITIAL_STATE = '{\n  "watermark": "2014-07-01",\n  "seen": {}\n}\n';
  let standIn: StandIn | undefined;
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });

  it(
    `leaves documents/ and the watermark whole and the re-run completes (${POINTS} + 1 points)`,
    async () => {
      standIn = await startStandIn({
        sru: (_start, base) =>
          rewriteUrls(sruPage([AH_RECORD, KV_RECORD], { numberOfRecords: 2 }), base),
        files: KV_FILES,
      });
      const sruUrl = standIn.sruUrl;
      const args = [
        'fetch',
        '--documents',
        'documents',
        '--state',
        'state/fetch-state.json',
        '--sru-url',
        sruUrl,
        '--delay-ms',
        '120',
        '--backoff-ms',
        '1',
        '--json',
      ];
      const reset = async (ws: string) => {
        await rm(join(ws, 'documents'), { recursive: true, force: true });
        await mkdir(join(ws, 'state'), { recursive: true });
        await writeFile(join(ws, 'state', 'fetch-state.json'), INITIAL_STATE);
      };
      const refWs = await workspace('kill-fetch-ref');
      await reset(refWs);
      const reference = await runToEnd(args, refWs);
      expect(reference.code, reference.stderr).toBe(0);
      const refDocs = await digests(join(refWs, 'documents'));
      const refState = await readFile(join(refWs, 'state', 'fetch-state.json'), 'utf8');
      expect(refDocs.size).toBe(4);
      expect(refState).not.toBe(INITIAL_STATE);

      const ws = await workspace('kill-fetch');
      const rnd = random(SEED + 1);
      for (let i = 0; i <= POINTS; i++) {
        await reset(ws);
        const midWrite = i === POINTS;
        const delay = midWrite ? reference.ms * 3 : 150 + rnd() * reference.ms;
        const documents = join(ws, 'documents');
        const ended = await killAt(
          start(args, ws),
          delay,
          midWrite ? () => anyEntry(documents, /\.partial-/) : undefined,
        );
        tally.fetch++;
        if (ended.killed) tally.killed++;
        // Documents on disk are whole; the watermark is the old one or the final one.
        expectOldOrNew(
          await digests(documents),
          new Map(),
          refDocs,
          `fetch killed after ${delay.toFixed(0)} ms`,
        );
        const state = await readFile(join(ws, 'state', 'fetch-state.json'), 'utf8');
        expect([INITIAL_STATE, refState]).toContain(state);
        JSON.parse(state);

        const rerun = await runToEnd(args, ws);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(await digests(documents)).toEqual(refDocs);
        expect(await readFile(join(ws, 'state', 'fetch-state.json'), 'utf8')).toBe(refState);
        expect(await hidden(documents)).toEqual([]);
      }
    },
    TIMEOUT,
  );
});

describe('release (dir: target) killed at random points', () => {
  const leftovers: string[] = [];
  it(
    `keeps the last release, dist/ whole, and the re-run equals an uninterrupted release (${POINTS} + 1 points)`,
    async () => {
      const [args, env] = [RELEASE_ARGS, RELEASE_ENV];
      // Two workspaces with the same history: release 1.0.0 of the real documents, then one more document.
      const prepare = async (prefix: string) => {
        const ws = await workspace(prefix);
        const added = await copyDocuments(join(ws, 'documents'), 1);
        await rm(join(ws, 'documents', added[0]!));
        const first = await runToEnd(args, ws, env);
        expect(first.code, first.stderr).toBe(0);
        return { ws, added: added[0]! };
      };
      const ref = await prepare('kill-release-ref');
      await copyDocuments(join(ref.ws, 'documents'), 1);
      const reference = await runToEnd(args, ref.ws, env);
      expect(reference.code, reference.stderr).toBe(0);
      const refDist = await digests(join(ref.ws, 'dist'));
      const refReleases = await digests(join(ref.ws, 'releases'));
      const refCitation = await readFile(join(ref.ws, 'CITATION.cff'), 'utf8');
      const versions = [...new Set([...refReleases.keys()].map((k) => k.split('/')[0]!))].sort();
      expect(versions.length).toBe(2);

      const { ws } = await prepare('kill-release');
      // The state after the first release, restored before every kill.
      for (const d of ['dist', 'releases'])
        await cp(join(ws, d), join(ws, `saved-${d}`), { recursive: true });
      const savedCitation = await readFile(join(ws, 'CITATION.cff'));
      await copyDocuments(join(ws, 'documents'), 1);
      const oldDist = await digests(join(ws, 'saved-dist'));
      const oldReleases = await digests(join(ws, 'saved-releases'));

      const rnd = random(SEED + 2);
      for (let i = 0; i <= POINTS; i++) {
        for (const d of ['dist', 'releases']) {
          await rm(join(ws, d), { recursive: true, force: true });
          await cp(join(ws, `saved-${d}`), join(ws, d), { recursive: true });
        }
        await writeFile(join(ws, 'CITATION.cff'), savedCitation);
        const midWrite = i === POINTS;
        const delay = midWrite ? reference.ms * 3 : 150 + rnd() * reference.ms;
        const ended = await killAt(
          start(args, ws, env),
          delay,
          midWrite ? () => anyEntry(join(ws, 'releases'), /\.partial-/) : undefined,
        );
        tally.release++;
        if (ended.killed) tally.killed++;
        const what = `release killed after ${delay.toFixed(0)} ms`;
        // The last release is untouched; a new version folder, if there, is complete.
        const releases = await digests(join(ws, 'releases'));
        for (const [name, hash] of oldReleases)
          expect(releases.get(name), `${what}: ${name}`).toBe(hash);
        for (const [name, hash] of releases)
          expect([oldReleases.get(name), refReleases.get(name)], `${what}: ${name}`).toContain(
            hash,
          );
        const newVersion = [...releases.keys()].filter((k) => !oldReleases.has(k));
        if (newVersion.length > 0)
          expect(newVersion.length).toBe(refReleases.size - oldReleases.size);
        expectOldOrNew(await digests(join(ws, 'dist')), oldDist, refDist, what);
        await assertReadable(join(ws, 'dist'));

        const rerun = await runToEnd(args, ws, env);
        expect(rerun.code, `${what}: ${rerun.stderr}`).toBe(0);
        expect(await digests(join(ws, 'dist')), what).toEqual(refDist);
        expect(await digests(join(ws, 'releases')), what).toEqual(refReleases);
        expect(await readFile(join(ws, 'CITATION.cff'), 'utf8')).toBe(refCitation);
        expect(await hidden(join(ws, 'dist'))).toEqual([]);
        leftovers.push(...(await hidden(join(ws, 'releases'))));
      }
    },
    TIMEOUT,
  );

  it('leaves no temp folder of a killed run in the target after the re-run', () => {
    expect(leftovers).toEqual([]);
  });
});
