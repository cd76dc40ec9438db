// Many publish attempts against the stand-in with random faults and crashes, re-running until each
// version is out. Seeded (KAMERVRAGEN_FUZZ_SEED replays a run) and bounded in count and time.
// After every attempt: never more than one draft per tag, never a published release that lacks an
// asset; at the end: exactly one published release per version, every asset with the right digest.
import { expect, it } from 'vitest';
import { publishToGitHub } from '../../pipeline/publish/github/publish-to-github.ts';
import { clientFor, makeBundle, publishedState, seededRandom } from './support/bundle.ts';
import { FakeGitHub, type Fault } from './support/fake-github.ts';

const SEED = Number(process.env.KAMERVRAGEN_FUZZ_SEED ?? 20261123);
const VERSIONS = 12;
const MAX_ATTEMPTS_PER_VERSION = 25;
const TIME_BUDGET_MS = 60_000;
const TOKEN = 'ghp_fuzzTestToken0000000000000000000000';

it(`publishes every version exactly once under random faults (seed ${SEED})`, async () => {
  const random = seededRandom(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let faultRate = 0.25;
  const injected = new Map<string, number>();
  const fault = (r: { host: string; method: string }): Fault | null => {
    if (random() >= faultRate) return null;
    const upload = r.host === 'uploads';
    const options: Fault[] = [
      { kind: 'error', status: pick([500, 502, 503] as const) },
      { kind: 'lost-response' },
      { kind: 'rate-limit', status: pick([403, 429] as const), retryAfter: pick([0, 1, 2]) },
      { kind: 'reset' },
      ...(upload ? ([{ kind: 'starter' }, { kind: 'already-exists' }] as Fault[]) : []),
    ];
    const f = pick(options);
    const key = f.kind === 'error' || f.kind === 'rate-limit' ? `${f.kind} ${f.status}` : f.kind;
    injected.set(key, (injected.get(key) ?? 0) + 1);
    return f;
  };
  const fake = await new FakeGitHub({ token: TOKEN, fault }).start();
  const started = Date.now();
  let attempts = 0;
  let crashes = 0;
  let failures = 0;
  let versionsDone = 0;
  try {
    for (let v = 1; v <= VERSIONS && Date.now() - started < TIME_BUDGET_MS; v++) {
      const bundle = makeBundle(`1.${v}.0`, SEED + v);
      fake.digests = random() < 0.8; // some servers give no digest: content is compared instead
      let done = false;
      for (let a = 1; a <= MAX_ATTEMPTS_PER_VERSION && !done; a++) {
        attempts++;
        // Sometimes our own process dies between two steps.
        const crashAt = random() < 0.3 ? Math.floor(random() * 14) : -1;
        let step = 0;
        const outcome = await publishToGitHub(clientFor(fake, TOKEN), bundle, {
          owner: fake.owner,
          repo: fake.repo,
          dryRun: false,
          log: () => {},
          onStep: () => {
            if (step++ === crashAt) throw new Error('crash');
          },
        }).then(
          (r) => r.action,
          (e: Error) => (e.message === 'crash' ? 'crash' : 'failed'),
        );
        if (outcome === 'crash') crashes++;
        if (outcome === 'failed') failures++;
        done = outcome === 'created' || outcome === 'exists';

        // Invariants after every attempt, whatever happened.
        for (const tag of new Set(fake.releases.map((r) => r.tag_name))) {
          expect(
            fake.releases.filter((r) => r.tag_name === tag && r.draft).length,
          ).toBeLessThanOrEqual(1);
        }
        for (const event of fake.published) {
          const expected = makeBundle(event.tag.slice(1), SEED + Number(event.tag.split('.')[1]));
          expect(event.assets.map((x) => `${x.name} ${x.state} ${x.sha256}`).sort()).toEqual(
            expected.assets.map((x) => `${x.name} uploaded ${x.sha256}`).sort(),
          );
        }
        expect(fake.changesToPublished).toEqual([]);
      }
      expect(done).toBe(true);
      const state = publishedState(fake, bundle);
      expect(state).toMatchObject({ releases: 1, drafts: 0, published: 1 });
      expect(state.assets).toEqual(state.expected);
      versionsDone++;
    }
    // Re-running any published version changes nothing, even with faults about.
    faultRate = 0;
    const before = fake.published.length;
    const again = await publishToGitHub(clientFor(fake, TOKEN), makeBundle('1.1.0', SEED + 1), {
      owner: fake.owner,
      repo: fake.repo,
      dryRun: false,
      log: () => {},
    });
    expect(again.action).toBe('exists');
    expect(fake.published.length).toBe(before);
    const tags = fake.published.map((e) => e.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(fake.violations).toEqual([]);
    const faults = [...injected].map(([k, n]) => `${k}=${n}`).join(', ');
    console.log(
      `seed ${SEED}: ${fake.published.length} versions, ${attempts} attempts (${crashes} crashes, ${failures} failed runs), ` +
        `${fake.requests.length} requests, faults injected: ${faults}, ${Date.now() - started} ms`,
    );
    // The time budget may cut the run short on a loaded machine; what ran must be complete.
    expect(versionsDone).toBeGreaterThanOrEqual(3);
    expect(fake.published.length).toBe(versionsDone);
  } finally {
    await fake.stop();
  }
});
