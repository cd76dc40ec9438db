import type { Octokit } from '@octokit/rest';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { AssetFile } from '../publish-types.ts';
import type { RemoteAsset } from './reconcile-assets.ts';

/** The fields of a GitHub release the protocol looks at. */
export interface ReleaseInfo {
  id: number;
  tag_name: string;
  draft: boolean;
  upload_url: string;
  url: string;
}

export const errorStatus = (error: unknown) => (error as { status?: number }).status ?? 0;

/** GitHub's answer to an upload whose name is taken (a finished asset or a starter). */
export function isAlreadyExists(error: unknown): boolean {
  const data = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data;
  return (
    errorStatus(error) === 422 && (data?.errors ?? []).some((e) => e.code === 'already_exists')
  );
}

interface AssetJson {
  id: number;
  name: string;
  state?: string;
  size: number;
  digest?: string | null;
}

// Releases recorded before GitHub had asset states and digests lack both: treat them as
// uploaded, of unknown digest (the protocol then compares content).
export const toRemoteAsset = (a: AssetJson): RemoteAsset => ({
  id: a.id,
  name: a.name,
  state: a.state ?? 'uploaded',
  size: a.size,
  digest: a.digest ?? null,
});

/** The release endpoints the protocol uses, as one small surface over Octokit. */
export function releaseApi(octokit: Octokit, owner: string, repo: string) {
  const ignore404 = (error: unknown) => {
    if (errorStatus(error) !== 404) throw error; // already gone: what we wanted
  };
  return {
    baseUrl: octokit.request.endpoint.DEFAULTS.baseUrl,

    // getReleaseByTag cannot see drafts: only the list does.
    async listReleasesForTag(tag: string): Promise<ReleaseInfo[]> {
      const all = await octokit.paginate(octokit.rest.repos.listReleases, {
        owner,
        repo,
        per_page: 100,
      });
      return all.filter((r) => r.tag_name === tag).sort((a, b) => a.id - b.id);
    },

    async listAssets(releaseId: number): Promise<RemoteAsset[]> {
      const all = await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        owner,
        repo,
        release_id: releaseId,
        per_page: 100,
      });
      return all.map(toRemoteAsset);
    },

    /** sha256 (hex) of an asset's content, hashed as it streams in (assets can be gigabytes). */
    async downloadHash(assetId: number): Promise<string> {
      const response = await octokit.request(
        'GET /repos/{owner}/{repo}/releases/assets/{asset_id}',
        {
          owner,
          repo,
          asset_id: assetId,
          headers: { accept: 'application/octet-stream' },
          request: { parseSuccessResponseBody: false },
        },
      );
      const hash = createHash('sha256');
      const body = response.data as unknown as AsyncIterable<Uint8Array> | null;
      if (body !== null) for await (const chunk of body) hash.update(chunk);
      return hash.digest('hex');
    },

    async deleteAsset(assetId: number): Promise<void> {
      await octokit.rest.repos
        .deleteReleaseAsset({ owner, repo, asset_id: assetId })
        .catch(ignore404);
    },

    async deleteRelease(releaseId: number): Promise<void> {
      await octokit.rest.repos
        .deleteRelease({ owner, repo, release_id: releaseId })
        .catch(ignore404);
    },

    // No automatic retry: a lost response would make a second draft. The caller looks instead.
    // With the data commit as target, a tag that does not exist yet is made there, never on the
    // default branch's head (which may have moved on since the data was committed).
    async createDraft(
      tag: string,
      name: string,
      body: string,
      commit?: string | null,
    ): Promise<ReleaseInfo> {
      const { data } = await octokit.rest.repos.createRelease({
        owner,
        repo,
        tag_name: tag,
        ...(commit && /^[0-9a-f]{40}$/.test(commit) ? { target_commitish: commit } : {}),
        name,
        body,
        draft: true,
        request: { retries: 0 },
      });
      return data;
    },

    // The body streams from the file with its Content-Length known up front (GitHub refuses
    // chunked uploads), so no asset is ever held in memory. A stream cannot be sent twice: no
    // automatic retry; a failed upload is found and redone by the caller's next round.
    async uploadAsset(uploadUrl: string, file: AssetFile, label?: string): Promise<RemoteAsset> {
      const { data } = await octokit.request({
        method: 'POST',
        url: uploadUrl, // "https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}"
        name: file.name,
        ...(label === undefined ? {} : { label }),
        data: createReadStream(file.path, { highWaterMark: 1 << 20 }),
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': file.bytes,
        },
        request: { retries: 0 },
      });
      return toRemoteAsset(data as AssetJson);
    },

    // Also no automatic retry: publishing happens once; after an error the caller reads the state.
    async publish(releaseId: number): Promise<void> {
      await octokit.rest.repos.updateRelease({
        owner,
        repo,
        release_id: releaseId,
        draft: false,
        request: { retries: 0 },
      });
    },

    async isDraft(releaseId: number): Promise<boolean> {
      const { data } = await octokit.rest.repos.getRelease({ owner, repo, release_id: releaseId });
      return data.draft;
    },
  };
}

export type ReleaseApi = ReturnType<typeof releaseApi>;
