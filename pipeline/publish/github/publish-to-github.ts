import type { Octokit } from '@octokit/rest';
import { KamervragenError } from '../../errors.ts';
import { sha256Hex } from '../../package/hash-record.ts';
import type { NamedFile } from '../../package/release-types.ts';
import type { PlanStep, PublishResult, ReleaseBundle } from '../publish-types.ts';
import {
  digestOf,
  reconcileAssets,
  type AssetAction,
  type RemoteAsset,
} from './reconcile-assets.ts';

export interface GitHubTarget {
  owner: string;
  repo: string;
  dryRun: boolean;
  /** Progress lines for a person (stderr). */
  log: (line: string) => void;
  /** Called before each protocol step; tests use it to stop the run there, as a crash would. */
  onStep?: (step: string) => void;
  /** Reconcile rounds before giving up (each re-lists the draft's assets). */
  maxRounds?: number;
}

interface ReleaseInfo {
  id: number;
  tag_name: string;
  draft: boolean;
  upload_url: string;
  url: string;
}

const status = (error: unknown) => (error as { status?: number }).status ?? 0;
const errorText = (error: unknown) => `${status(error) || 'network'} ${(error as Error).message}`;
const alreadyExists = (error: unknown) =>
  status(error) === 422 &&
  JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? '').includes(
    'already_exists',
  );

function assetStep(method: string, url: string, file: NamedFile, note?: string): PlanStep {
  return {
    method,
    url,
    asset: { name: file.name, bytes: file.bytes.byteLength, sha256: sha256Hex(file.bytes) },
    ...(note ? { note } : {}),
  };
}

/**
 * Publish one version as a GitHub release: find or create exactly one draft for the tag, reconcile
 * its assets with ours, upload what is missing, verify the whole set, then publish it once.
 * Every step can fail or be interrupted; running again continues from what GitHub holds.
 */
export async function publishToGitHub(
  octokit: Octokit,
  bundle: ReleaseBundle,
  target: GitHubTarget,
): Promise<PublishResult> {
  const { owner, repo, log } = target;
  const step = (name: string) => target.onStep?.(name);
  const api = octokit.request.endpoint.DEFAULTS.baseUrl;
  const releasesUrl = `${api}/repos/${owner}/${repo}/releases`;
  const location = `github:${owner}/${repo}@${bundle.tag}`;
  const steps: PlanStep[] = [];

  const listReleases = async (): Promise<ReleaseInfo[]> => {
    // getReleaseByTag cannot see drafts: only the list does.
    const all = await octokit.paginate(octokit.rest.repos.listReleases, {
      owner,
      repo,
      per_page: 100,
    });
    return all.filter((r) => r.tag_name === bundle.tag).sort((a, b) => a.id - b.id);
  };
  const listAssets = async (releaseId: number): Promise<RemoteAsset[]> => {
    const all = await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
      owner,
      repo,
      release_id: releaseId,
      per_page: 100,
    });
    return all.map((a) => ({
      id: a.id,
      name: a.name,
      state: a.state,
      size: a.size,
      digest: a.digest ?? null,
    }));
  };
  const download = async (assetId: number): Promise<Uint8Array> => {
    const response = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: assetId,
      headers: { accept: 'application/octet-stream' },
    });
    return new Uint8Array(response.data as unknown as ArrayBuffer);
  };
  const deleteAsset = async (asset: RemoteAsset, reason: string) => {
    steps.push({
      method: 'DELETE',
      url: `${releasesUrl}/assets/${asset.id}`,
      note: `${asset.name} (${reason})`,
    });
    if (target.dryRun) return;
    step(`delete ${asset.name}`);
    log(`deleting ${reason} asset ${asset.name}`);
    await octokit.rest.repos
      .deleteReleaseAsset({ owner, repo, asset_id: asset.id })
      .catch((error: unknown) => {
        if (status(error) !== 404) throw error; // already gone: what we wanted
      });
  };

  // Resolve the content of assets without a digest, then look for conflicts: they stop everything.
  const resolve = async (actions: AssetAction[]): Promise<AssetAction[]> => {
    const out: AssetAction[] = [];
    for (const a of actions) {
      if (a.kind !== 'check-content') out.push(a);
      else {
        const found = digestOf(await download(a.asset.id));
        const expected = digestOf(a.file.bytes);
        out.push(
          found === expected
            ? { kind: 'skip', asset: a.asset }
            : { kind: 'conflict', asset: a.asset, expected, found },
        );
      }
    }
    const conflicts = out.filter((a) => a.kind === 'conflict');
    if (conflicts.length > 0) {
      throw new KamervragenError(
        'publish/conflict',
        `${location} already holds ${conflicts.map((c) => `${c.asset.name} (${c.found}, ours ${c.expected})`).join(', ')}; ` +
          'refusing to replace uploaded assets with different content: a version never changes',
      );
    }
    return out;
  };

  // 1. The release for this tag: published (done or refused), or the one draft we continue.
  step('list releases');
  const releases = await listReleases();
  const published = releases.find((r) => !r.draft);
  const drafts = releases.filter((r) => r.draft);
  if (published) {
    const actions = await resolve(reconcileAssets(await listAssets(published.id), bundle.assets));
    const missing = actions.filter((a) => a.kind !== 'skip');
    if (missing.length > 0) {
      throw new KamervragenError(
        'publish/immutable',
        `${location} is published with other assets (${missing.map((a) => (a.kind === 'upload' ? `${a.file.name} missing` : a.kind === 'delete' ? `${a.asset.name} extra` : a.kind)).join(', ')}); a published version is never changed`,
      );
    }
    for (const d of drafts) await deleteDraft(d);
    return { action: target.dryRun && drafts.length > 0 ? 'planned' : 'exists', location, steps };
  }
  async function deleteDraft(d: ReleaseInfo) {
    steps.push({
      method: 'DELETE',
      url: `${releasesUrl}/${d.id}`,
      note: `duplicate draft for ${bundle.tag}`,
    });
    if (target.dryRun) return;
    step('delete draft');
    log(`deleting duplicate draft ${d.id} for ${bundle.tag}`);
    await octokit.rest.repos
      .deleteRelease({ owner, repo, release_id: d.id })
      .catch((error: unknown) => {
        if (status(error) !== 404) throw error;
      });
  }
  for (const d of drafts.slice(1)) await deleteDraft(d);

  let draft = drafts[0];
  if (!draft) {
    steps.push({ method: 'POST', url: releasesUrl, note: `create draft ${bundle.tag}` });
    if (target.dryRun) {
      const upload = `${api}/repos/${owner}/${repo}/releases/{new draft}/assets`;
      for (const f of bundle.assets)
        steps.push(assetStep('POST', `${upload}?name=${encodeURIComponent(f.name)}`, f));
      steps.push({
        method: 'PATCH',
        url: `${releasesUrl}/{new draft}`,
        note: 'draft: false (publish)',
      });
      return { action: 'planned', location, steps };
    }
    step('create draft');
    log(`creating draft release ${bundle.tag}`);
    draft = await createDraft();
  }

  // No automatic retry for the create: a lost response would leave a second draft. We look instead.
  async function createDraft(): Promise<ReleaseInfo> {
    try {
      const { data } = await octokit.rest.repos.createRelease({
        owner,
        repo,
        tag_name: bundle.tag,
        name: bundle.title,
        body: bundle.notes,
        draft: true,
        request: { retries: 0 },
      });
      return data;
    } catch (error) {
      const found = (await listReleases()).find((r) => r.draft);
      if (found) return found;
      throw error;
    }
  }

  // 2. Reconcile and upload until the draft holds exactly our assets.
  const rounds = target.maxRounds ?? 4;
  for (let round = 1; ; round++) {
    step('list assets');
    const actions = await resolve(reconcileAssets(await listAssets(draft.id), bundle.assets));
    const todo = actions.filter((a) => a.kind !== 'skip');
    if (todo.length === 0) break;
    if (round > rounds || (target.dryRun && round > 1)) {
      if (target.dryRun) break;
      throw new KamervragenError(
        'publish/incomplete',
        `${location}: assets still incomplete after ${rounds} rounds; run again`,
      );
    }
    for (const a of todo) {
      if (a.kind === 'delete') await deleteAsset(a.asset, a.reason);
    }
    for (const a of todo) {
      if (a.kind !== 'upload') continue;
      const url = draft.upload_url.replace(/\{[^}]*\}$/, '');
      steps.push(assetStep('POST', `${url}?name=${encodeURIComponent(a.file.name)}`, a.file));
      if (target.dryRun) continue;
      step(`upload ${a.file.name}`);
      log(`uploading ${a.file.name} (${a.file.bytes.byteLength} bytes)`);
      try {
        await octokit.request({
          method: 'POST',
          url: draft.upload_url,
          name: a.file.name,
          // A fresh copy per attempt: a body consumed by a failed attempt is never resent.
          data: Buffer.from(a.file.bytes),
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': a.file.bytes.byteLength,
          },
        });
      } catch (error) {
        // A starter asset left by an earlier failure, or an upload that did land: the next round sorts it out.
        if (alreadyExists(error) || status(error) >= 500 || status(error) === 0) {
          log(`upload of ${a.file.name} failed (${errorText(error)}); re-checking the draft`);
          continue;
        }
        throw error;
      }
    }
    if (target.dryRun) break;
  }
  if (target.dryRun) {
    steps.push({ method: 'PATCH', url: draft.url, note: 'draft: false (publish)' });
    return { action: 'planned', location, steps };
  }

  // 3. Verify the full set against the manifest, then publish once.
  step('verify');
  const final = await resolve(reconcileAssets(await listAssets(draft.id), bundle.assets));
  if (final.some((a) => a.kind !== 'skip') || final.length !== bundle.assets.length) {
    throw new KamervragenError(
      'publish/verify',
      `${location}: the draft does not hold exactly the release's assets; run again`,
    );
  }
  step('publish');
  log(`publishing ${bundle.tag}`);
  steps.push({ method: 'PATCH', url: draft.url, note: 'draft: false (publish)' });
  try {
    await octokit.rest.repos.updateRelease({
      owner,
      repo,
      release_id: draft.id,
      draft: false,
      request: { retries: 0 },
    });
  } catch (error) {
    const { data } = await octokit.rest.repos.getRelease({ owner, repo, release_id: draft.id });
    if (data.draft) throw error;
  }
  return { action: 'created', location, steps };
}
