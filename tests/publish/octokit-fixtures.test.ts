// Conformance: the two @octokit/fixtures scenarios about release assets are real GitHub traffic.
// Replaying them against the client and release API our publisher uses shows that we send what
// GitHub accepted and read what GitHub answered (including the 422 already_exists of an upload
// whose name is taken, and asset records from before GitHub added state and digest).
import { afterEach, describe, expect, it } from 'vitest';
import type { AssetFile } from '../../pipeline/publish/publish-types.ts';
import { createGitHubClient } from '../../pipeline/publish/github/create-client.ts';
import { reconcileAssets } from '../../pipeline/publish/github/reconcile-assets.ts';
import { isAlreadyExists, releaseApi } from '../../pipeline/publish/github/release-api.ts';
import { assetFiles } from './support/bundle.ts';
import { loadScenario, ReplayServer } from './support/replay-server.ts';

const TOKEN = '0000000000000000000000000000000000000001';
const OWNER = 'octokit-fixture-org';
const [file] = assetFiles([
  { name: 'test-upload.txt', bytes: new TextEncoder().encode('Hello, world!\n') },
]) as [AssetFile];
let server: ReplayServer;

async function replay(scenario: string) {
  server = await new ReplayServer(loadScenario(scenario)).start();
  const warnings: string[] = [];
  const octokit = createGitHubClient({
    token: TOKEN,
    baseUrl: server.apiUrl,
    delayUnitMs: 1,
    writeIntervalMs: 0,
    retries: 0,
    warn: (m) => warnings.push(m),
  });
  return { octokit, gh: releaseApi(octokit, OWNER, scenario) };
}

afterEach(async () => {
  await server.stop();
});

describe('recorded GitHub traffic (@octokit/fixtures 23.1.2)', () => {
  it('release-assets: upload, list, get, rename and delete an asset', async () => {
    const { octokit, gh } = await replay('release-assets');
    const { data: release } = await octokit.rest.repos.getReleaseByTag({
      owner: OWNER,
      repo: 'release-assets',
      tag: 'v1.0.0',
    });
    expect(release.upload_url.startsWith(server.uploadUrl)).toBe(true);

    const uploaded = await gh.uploadAsset(release.upload_url, file, 'test');
    expect(uploaded).toMatchObject({
      id: 1000,
      name: 'test-upload.txt',
      size: 14,
      state: 'uploaded',
    });

    const listed = await gh.listAssets(release.id);
    expect(listed).toEqual([
      { id: 1000, name: 'test-upload.txt', state: 'uploaded', size: 14, digest: null },
    ]);
    // No digest in a 2017 record: the protocol compares content instead of trusting the name.
    expect(reconcileAssets(listed, [file]).map((a) => a.kind)).toEqual(['check-content']);

    await octokit.rest.repos.getReleaseAsset({
      owner: OWNER,
      repo: 'release-assets',
      asset_id: 1000,
    });
    await octokit.rest.repos.updateReleaseAsset({
      owner: OWNER,
      repo: 'release-assets',
      asset_id: 1000,
      name: 'new-filename.txt',
      label: 'new label',
    });
    await gh.deleteAsset(1000);
    expect(server.mismatches).toEqual([]);
    expect(server.remaining).toBe(0);
  });

  it('release-assets-conflict: 422 already_exists, then delete and upload again', async () => {
    const { octokit, gh } = await replay('release-assets-conflict');
    const { data: release } = await octokit.rest.repos.getReleaseByTag({
      owner: OWNER,
      repo: 'release-assets-conflict',
      tag: 'v1.0.0',
    });
    const error = await gh.uploadAsset(release.upload_url, file, 'test').catch((e: unknown) => e);
    expect(isAlreadyExists(error)).toBe(true);

    const listed = await gh.listAssets(release.id);
    expect(listed.map((a) => a.name)).toEqual(['test-upload.txt']);
    await gh.deleteAsset(listed[0]!.id);
    const again = await gh.uploadAsset(release.upload_url, file, 'test');
    expect(again).toMatchObject({ id: 1001, name: 'test-upload.txt', state: 'uploaded' });
    expect(server.mismatches).toEqual([]);
    expect(server.remaining).toBe(0);
  });
});
