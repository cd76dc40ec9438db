// The GitHub publisher against the stand-in server: the happy path, each injected fault, crashes
// between steps, and the refusals. Every response the stand-in sent is checked against GitHub's
// OpenAPI description (fake.violations).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KamervragenError } from '../../pipeline/errors.ts';
import {
  publishToGitHub,
  type GitHubTarget,
} from '../../pipeline/publish/github/publish-to-github.ts';
import type { ReleaseBundle } from '../../pipeline/publish/publish-types.ts';
import {
  assetFiles,
  bytesOf,
  clientFor,
  makeBundle,
  publishedState,
  seededRandom,
} from './support/bundle.ts';
import { FakeGitHub, type Fault } from './support/fake-github.ts';

const TOKEN = 'ghp_protocolTestToken000000000000000000';
let fake: FakeGitHub;

async function start(
  fault?: (r: { n: number; host: string; method: string; path: string }) => Fault | null,
  digests = true,
) {
  fake = await new FakeGitHub({ token: TOKEN, digests, ...(fault ? { fault } : {}) }).start();
  return fake;
}
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  expect(fake.changesToPublished).toEqual([]);
  await fake.stop();
});

function run(bundle: ReleaseBundle, extra: Partial<GitHubTarget> = {}, warnings: string[] = []) {
  const log: string[] = [];
  const promise = publishToGitHub(clientFor(fake, TOKEN, warnings), bundle, {
    owner: fake.owner,
    repo: fake.repo,
    dryRun: false,
    log: (l) => log.push(l),
    ...extra,
  });
  return { promise, log };
}

function expectComplete(bundle: ReleaseBundle) {
  const s = publishedState(fake, bundle);
  expect({ releases: s.releases, drafts: s.drafts, published: s.published }).toEqual({
    releases: 1,
    drafts: 0,
    published: 1,
  });
  expect(s.assets).toEqual(s.expected);
  // Published exactly once, and with every asset in place at that moment.
  const events = fake.published.filter((e) => e.tag === bundle.tag);
  expect(events).toHaveLength(1);
  expect(events[0]!.assets.map((a) => `${a.name} ${a.state} ${a.sha256}`).sort()).toEqual(
    s.expected,
  );
}

const onlyFirst = (
  match: (r: { method: string; host: string; path: string }) => boolean,
  fault: Fault,
) => {
  let used = false;
  return (r: { n: number; method: string; host: string; path: string }) =>
    !used && match(r) ? ((used = true), fault) : null;
};
const isUpload = (r: { method: string; host: string }) =>
  r.host === 'uploads' && r.method === 'POST';

describe('publishing a release to GitHub', () => {
  it('creates a draft, uploads every asset, verifies, then publishes once', async () => {
    await start();
    const bundle = makeBundle('1.0.0');
    const { promise } = run(bundle);
    expect((await promise).action).toBe('created');
    expectComplete(bundle);
    const calls = fake.requests.map((r) => `${r.method} ${r.host}`);
    expect(calls[0]).toBe('GET api'); // list releases: getReleaseByTag cannot see drafts
    expect(calls.filter((c) => c === 'POST uploads')).toHaveLength(bundle.assets.length);
    expect(calls.filter((c) => c === 'PATCH api')).toHaveLength(1);
    expect(calls.at(-1)).toBe('PATCH api');
  });

  it('creates the draft on the data commit, not on the default branch', async () => {
    await start();
    const commit = 'a'.repeat(40);
    const bundle = { ...makeBundle('1.0.0'), commit };
    await run(bundle).promise;
    expectComplete(bundle);
    expect(fake.releases.map((r) => r.target_commitish)).toEqual([commit]);
  });

  it('streams each upload from its file, with the Content-Length known up front', async () => {
    await start();
    const random = seededRandom(7);
    // Large enough that a body read from a file arrives in many pieces.
    const big = bytesOf(5 << 20, random);
    const [asset] = assetFiles([{ name: 'kamervragen-1.0.0.json', bytes: big }]);
    const bundle = { ...makeBundle('1.0.0'), assets: [asset!] };
    // What is uploaded is what the file holds when it is sent, not a copy made beforehand.
    const later = Buffer.from(big);
    later.fill(7, 0, 1024);
    writeFileSync(asset!.path, later);
    const updated = { ...asset!, sha256: createHash('sha256').update(later).digest('hex') };
    expect((await run({ ...bundle, assets: [updated] }).promise).action).toBe('created');
    const uploads = fake.requests.filter(isUpload);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({
      contentLength: String(big.length),
      transferEncoding: undefined,
    });
    expect(uploads[0]!.bodyChunks).toBeGreaterThan(1);
    expectComplete({ ...bundle, assets: [updated] });
  });

  it('a second run finds the published release and writes nothing', async () => {
    await start();
    const bundle = makeBundle('1.0.0');
    await run(bundle).promise;
    const before = fake.requests.length;
    expect((await run(bundle).promise).action).toBe('exists');
    expect(fake.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
    expectComplete(bundle);
  });

  it('refuses to publish other content under a published version', async () => {
    await start();
    await run(makeBundle('1.0.0', 1)).promise;
    const other = makeBundle('1.0.0', 2);
    const error = await run(other).promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KamervragenError);
    expect((error as KamervragenError).code).toMatch(/publish\/(conflict|immutable)/);
    expectComplete(makeBundle('1.0.0', 1));
  });

  it('refuses a draft that holds an uploaded asset with other content', async () => {
    await start();
    const first = makeBundle('2.0.0', 1);
    await run(first, {
      onStep: (s) => {
        if (s === 'verify') throw new Error('crash');
      },
    }).promise.catch(() => undefined);
    const error = await run(makeBundle('2.0.0', 3)).promise.catch((e: unknown) => e);
    expect((error as KamervragenError).code).toBe('publish/conflict');
    expect(fake.published).toHaveLength(0);
  });

  it.each<[string, Fault, (r: { method: string; host: string; path: string }) => boolean]>([
    ['500 on an upload', { kind: 'error', status: 500 }, isUpload],
    ['502 leaving a starter asset', { kind: 'starter' }, isUpload],
    ['403 secondary rate limit', { kind: 'rate-limit', status: 403, retryAfter: 2 }, isUpload],
    [
      '429 secondary rate limit',
      { kind: 'rate-limit', status: 429, retryAfter: 1 },
      (r) => r.method === 'POST',
    ],
    ['connection reset mid-upload', { kind: 'reset' }, isUpload],
    ['422 already_exists on an upload', { kind: 'already-exists' }, isUpload],
    ['a lost response to an upload', { kind: 'lost-response' }, isUpload],
    [
      'a lost response to the draft creation',
      { kind: 'lost-response' },
      (r) => r.method === 'POST' && r.host === 'api',
    ],
    ['a lost response to the publish', { kind: 'lost-response' }, (r) => r.method === 'PATCH'],
    ['500 on listing releases', { kind: 'error', status: 500 }, (r) => r.method === 'GET'],
    ['503 on the publish', { kind: 'error', status: 503 }, (r) => r.method === 'PATCH'],
  ])('recovers from %s (re-running if needed)', async (_name, fault, match) => {
    await start(onlyFirst(match, fault));
    const bundle = makeBundle('1.1.0');
    const warnings: string[] = [];
    let attempts = 0;
    for (;;) {
      attempts++;
      const ok = await run(bundle, {}, warnings).promise.then(
        () => true,
        () => false,
      );
      if (ok || attempts >= 3) break;
    }
    expectComplete(bundle);
    expect(fake.requests.some((r) => r.fault === fault.kind)).toBe(true);
    if (fault.kind === 'starter' || fault.kind === 'already-exists') {
      expect(fake.requests.some((r) => r.method === 'DELETE')).toBe(true); // the leftover went
    }
    if (fault.kind === 'rate-limit') expect(warnings.join('\n')).toMatch(/secondary rate limit/);
  });

  it('finishes the same release after a crash before any step', async () => {
    const steps: string[] = [];
    await start();
    const probe = makeBundle('3.0.0', 9);
    await run(probe, { onStep: (s) => steps.push(s) }).promise;
    await fake.stop();
    expect(steps.length).toBeGreaterThan(5);
    for (let k = 0; k < steps.length; k++) {
      await start();
      const bundle = makeBundle('3.0.0', 9);
      let seen = 0;
      await run(bundle, {
        onStep: () => {
          if (seen++ === k) throw new Error(`crash before step ${k}`);
        },
      }).promise.then(
        () => {
          throw new Error('should have crashed');
        },
        (e: Error) => expect(e.message).toMatch(/crash/),
      );
      expect(fake.published).toHaveLength(0);
      await run(bundle).promise;
      expectComplete(bundle);
      expect(fake.violations).toEqual([]);
      if (k < steps.length - 1) await fake.stop();
    }
  });

  it('keeps one draft when earlier runs left several', async () => {
    await start();
    const bundle = makeBundle('1.2.0');
    const client = clientFor(fake, TOKEN);
    for (let i = 0; i < 3; i++) {
      await client.rest.repos.createRelease({
        owner: fake.owner,
        repo: fake.repo,
        tag_name: bundle.tag,
        draft: true,
      });
    }
    await run(bundle).promise;
    expectComplete(bundle);
  });

  it('verifies assets by content where GitHub gives no digest', async () => {
    await start(undefined, false);
    const bundle = makeBundle('1.3.0');
    await run(bundle, {
      onStep: (s) => {
        if (s === 'publish') throw new Error('crash');
      },
    }).promise.catch(() => undefined);
    const before = fake.requests.length;
    await run(bundle).promise;
    expectComplete(bundle);
    expect(fake.requests.slice(before).some((r) => r.path.startsWith('/download/'))).toBe(true);
  });

  it('--dry-run lists the exact plan and writes nothing', async () => {
    await start();
    const bundle = makeBundle('1.4.0');
    const result = await publishToGitHub(clientFor(fake, TOKEN), bundle, {
      owner: fake.owner,
      repo: fake.repo,
      dryRun: true,
      log: () => {},
    });
    expect(result.action).toBe('planned');
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(fake.releases).toHaveLength(0);
    const uploads = result.steps.filter((s) => s.asset);
    expect(uploads.map((s) => s.asset!.name).sort()).toEqual(
      bundle.assets.map((a) => a.name).sort(),
    );
    expect(result.steps[0]).toMatchObject({
      method: 'POST',
      url: `${fake.apiUrl}/repos/${fake.owner}/${fake.repo}/releases`,
    });
    expect(result.steps.at(-1)!.method).toBe('PATCH');
  });
});
