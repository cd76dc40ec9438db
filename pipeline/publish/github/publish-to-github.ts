import type { Octokit } from '@octokit/rest';
import { KamervragenError } from '../../errors.ts';
import type { AssetFile, PlanStep, PublishResult, ReleaseBundle } from '../publish-types.ts';
import {
  digestOf,
  reconcileAssets,
  type AssetAction,
  type RemoteAsset,
} from './reconcile-assets.ts';
import { errorStatus, isAlreadyExists, releaseApi, type ReleaseInfo } from './release-api.ts';

export interface GitHubTarget {
  owner: string;
  repo: string;
  dryRun: boolean;
  /** Progress lines for a person (stderr). */
  log: (line: string) => void;
  /** Called before each upload and once when all are done, for a progress bar. */
  progress?: (done: number, total: number, item: string) => void;
  /** Called before each protocol step; tests use it to stop the run there, as a crash would. */
  onStep?: (step: string) => void;
  /** Reconcile rounds before giving up (each re-lists the draft's assets). */
  maxRounds?: number;
}

function assetStep(method: string, url: string, file: AssetFile): PlanStep {
  return { method, url, asset: { name: file.name, bytes: file.bytes, sha256: file.sha256 } };
}

const describeAction = (a: AssetAction) =>
  a.kind === 'upload' ? `${a.file.name} missing` : `${'asset' in a ? a.asset.name : ''} ${a.kind}`;

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
  const { owner, repo, log, dryRun } = target;
  const gh = releaseApi(octokit, owner, repo);
  const step = (name: string) => target.onStep?.(name);
  const releasesUrl = `${gh.baseUrl}/repos/${owner}/${repo}/releases`;
  const location = `github:${owner}/${repo}@${bundle.tag}`;
  const steps: PlanStep[] = [];

  const deleteAsset = async (asset: RemoteAsset, reason: string) => {
    steps.push({
      method: 'DELETE',
      url: `${releasesUrl}/assets/${asset.id}`,
      note: `${asset.name} (${reason})`,
    });
    if (dryRun) return;
    step(`delete ${asset.name}`);
    log(`deleting ${reason} asset ${asset.name}`);
    await gh.deleteAsset(asset.id);
  };
  const deleteDraft = async (d: ReleaseInfo) => {
    steps.push({
      method: 'DELETE',
      url: `${releasesUrl}/${d.id}`,
      note: `duplicate draft for ${bundle.tag}`,
    });
    if (dryRun) return;
    step('delete draft');
    log(`deleting duplicate draft ${d.id} for ${bundle.tag}`);
    await gh.deleteRelease(d.id);
  };

  // Assets without a digest are downloaded and hashed; any conflict stops everything.
  const reconcile = async (releaseId: number): Promise<AssetAction[]> => {
    const out: AssetAction[] = [];
    for (const a of reconcileAssets(await gh.listAssets(releaseId), bundle.assets)) {
      if (a.kind !== 'check-content') out.push(a);
      else {
        const found = digestOf(await gh.downloadHash(a.asset.id));
        const expected = digestOf(a.file.sha256);
        out.push(
          found === expected
            ? { kind: 'skip', asset: a.asset }
            : { kind: 'conflict', asset: a.asset, expected, found },
        );
      }
    }
    const conflicts = out.flatMap((a) => (a.kind === 'conflict' ? [a] : []));
    if (conflicts.length > 0) {
      const list = conflicts
        .map((c) => `${c.asset.name} (${c.found}, ours ${c.expected})`)
        .join(', ');
      throw new KamervragenError(
        'publish/conflict',
        `${location} already holds ${list}; refusing to replace uploaded assets with different content: a version never changes`,
      );
    }
    return out;
  };

  // 1. The release for this tag: published (done, or refused), or the one draft we continue.
  step('list releases');
  const releases = await gh.listReleasesForTag(bundle.tag);
  const published = releases.find((r) => !r.draft);
  const drafts = releases.filter((r) => r.draft);
  if (published) {
    const differ = (await reconcile(published.id)).filter((a) => a.kind !== 'skip');
    if (differ.length > 0) {
      throw new KamervragenError(
        'publish/immutable',
        `${location} is published with other assets (${differ.map(describeAction).join(', ')}); a published version is never changed`,
      );
    }
    for (const d of drafts) await deleteDraft(d);
    return { action: dryRun && drafts.length > 0 ? 'planned' : 'exists', location, steps };
  }
  for (const d of drafts.slice(1)) await deleteDraft(d);

  let draft = drafts[0];
  if (!draft) {
    steps.push({ method: 'POST', url: releasesUrl, note: `create draft ${bundle.tag}` });
    if (dryRun) {
      const upload = `${releasesUrl}/{new draft}/assets`;
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
    draft = await gh
      .createDraft(bundle.tag, bundle.title, bundle.notes, bundle.commit)
      .catch(async (error: unknown) => {
        // The draft may exist although the answer got lost: look before failing.
        const found = (await gh.listReleasesForTag(bundle.tag)).find((r) => r.draft);
        if (found) return found;
        throw error;
      });
  }

  // 2. Reconcile and upload until the draft holds exactly our assets.
  const uploadBase = draft.upload_url.replace(/\{[^}]*\}$/, '');
  const rounds = target.maxRounds ?? 4;
  for (let round = 1; ; round++) {
    step('list assets');
    const todo = (await reconcile(draft.id)).filter((a) => a.kind !== 'skip');
    if (todo.length === 0) break;
    if (round > rounds) {
      throw new KamervragenError(
        'publish/incomplete',
        `${location}: assets still incomplete after ${rounds} rounds; run again`,
      );
    }
    for (const a of todo) if (a.kind === 'delete') await deleteAsset(a.asset, a.reason);
    const uploads = todo.filter((a) => a.kind === 'upload').length;
    let uploaded = 0;
    for (const a of todo) {
      if (a.kind !== 'upload') continue;
      if (!dryRun) target.progress?.(uploaded++, uploads, a.file.name);
      steps.push(
        assetStep('POST', `${uploadBase}?name=${encodeURIComponent(a.file.name)}`, a.file),
      );
      if (dryRun) continue;
      step(`upload ${a.file.name}`);
      log(`uploading ${a.file.name} (${a.file.bytes} bytes)`);
      try {
        await gh.uploadAsset(draft.upload_url, a.file);
      } catch (error) {
        // A starter left by a failed attempt, or an upload that did land: the next round sorts it out.
        const status = errorStatus(error);
        if (!isAlreadyExists(error) && status !== 0 && status < 500) throw error;
        log(
          `upload of ${a.file.name} failed (${status || 'network'} ${(error as Error).message}); re-checking the draft`,
        );
      }
    }
    if (!dryRun) target.progress?.(uploads, uploads, '');
    if (dryRun) break;
  }
  steps.push({ method: 'PATCH', url: draft.url, note: 'draft: false (publish)' });
  if (dryRun) return { action: 'planned', location, steps };

  // 3. Verify the full set against the manifest, then publish once.
  step('verify');
  const final = await reconcile(draft.id);
  if (final.some((a) => a.kind !== 'skip') || final.length !== bundle.assets.length) {
    throw new KamervragenError(
      'publish/verify',
      `${location}: the draft does not hold exactly the release's assets; run again`,
    );
  }
  step('publish');
  log(`publishing ${bundle.tag}`);
  await gh.publish(draft.id).catch(async (error: unknown) => {
    if (await gh.isDraft(draft.id)) throw error;
  });
  return { action: 'created', location, steps };
}
