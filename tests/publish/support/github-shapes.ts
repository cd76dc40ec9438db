// The stand-in's state and the JSON GitHub sends for it (release, asset, user), with every field
// the OpenAPI description requires.
import { createHash } from 'node:crypto';

export interface FakeAsset {
  id: number;
  name: string;
  label: string | null;
  /** "open": an upload that never finished (GitHub's UI calls these starter assets). */
  state: 'uploaded' | 'open';
  bytes: Buffer;
  contentType: string;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  published_at: string | null;
  assets: FakeAsset[];
}

export interface Shapes {
  apiUrl: string;
  uploadUrl: string;
  owner: string;
  repo: string;
  /** GitHub computes asset digests; older servers leave them null. */
  digests: boolean;
}

export const TIME = '2026-01-01T00:00:00Z';

function userJson(apiUrl: string) {
  const u = `${apiUrl}/users/kamervragen-bot`;
  return {
    login: 'kamervragen-bot',
    id: 1,
    node_id: 'MDQ6VXNlcjE=',
    avatar_url: 'https://avatars.githubusercontent.com/u/1?v=4',
    gravatar_id: '',
    url: u,
    html_url: 'https://github.com/kamervragen-bot',
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: 'Bot',
    site_admin: false,
  };
}

export function assetJson(c: Shapes, a: FakeAsset, release: FakeRelease) {
  const digest =
    c.digests && a.state === 'uploaded'
      ? `sha256:${createHash('sha256').update(a.bytes).digest('hex')}`
      : null;
  return {
    url: `${c.apiUrl}/repos/${c.owner}/${c.repo}/releases/assets/${a.id}`,
    browser_download_url: `${c.apiUrl}/download/${release.tag_name}/${encodeURIComponent(a.name)}?asset=${a.id}`,
    id: a.id,
    node_id: `RA_${a.id}`,
    name: a.name,
    label: a.label,
    state: a.state,
    content_type: a.contentType,
    size: a.bytes.length,
    digest,
    download_count: 0,
    created_at: TIME,
    updated_at: TIME,
    uploader: userJson(c.apiUrl),
  };
}

export function releaseJson(c: Shapes, r: FakeRelease) {
  const base = `${c.apiUrl}/repos/${c.owner}/${c.repo}`;
  const page = r.draft ? `untagged-${r.id}` : `tag/${r.tag_name}`;
  return {
    url: `${base}/releases/${r.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/releases/${page}`,
    assets_url: `${base}/releases/${r.id}/assets`,
    upload_url: `${c.uploadUrl}/repos/${c.owner}/${c.repo}/releases/${r.id}/assets{?name,label}`,
    tarball_url: r.draft ? null : `${base}/tarball/${r.tag_name}`,
    zipball_url: r.draft ? null : `${base}/zipball/${r.tag_name}`,
    id: r.id,
    node_id: `RE_${r.id}`,
    tag_name: r.tag_name,
    target_commitish: r.target_commitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: TIME,
    published_at: r.published_at,
    updated_at: TIME,
    author: userJson(c.apiUrl),
    assets: r.assets.map((a) => assetJson(c, a, r)),
  };
}
