import type { AssetFile } from '../publish-types.ts';

/** The fields of a GitHub release asset the protocol looks at. */
export interface RemoteAsset {
  id: number;
  name: string;
  /** "uploaded", or "open"/"starter" for an upload that never finished. */
  state: string;
  size: number;
  /** "sha256:<hex>", or null where GitHub has not computed it. */
  digest: string | null;
}

export type AssetAction =
  | { kind: 'delete'; asset: RemoteAsset; reason: 'starter' | 'extra' }
  | { kind: 'skip'; asset: RemoteAsset }
  | { kind: 'upload'; file: AssetFile }
  | { kind: 'check-content'; asset: RemoteAsset; file: AssetFile }
  | { kind: 'conflict'; asset: RemoteAsset; expected: string; found: string };

export const digestOf = (sha256: string) => `sha256:${sha256}`;

/**
 * Match the assets a draft holds against the ones we publish, by name: leftovers of failed uploads
 * and strangers go, matching uploads stay, missing ones are uploaded, and an uploaded asset with
 * other content is a conflict nobody may paper over. An asset without a digest is downloaded and
 * hashed by the caller (check-content).
 */
export function reconcileAssets(
  remote: readonly RemoteAsset[],
  files: readonly AssetFile[],
): AssetAction[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  const actions: AssetAction[] = [];
  const kept = new Set<string>();
  for (const asset of [...remote].sort((a, b) => a.id - b.id)) {
    const file = byName.get(asset.name);
    if (!file) actions.push({ kind: 'delete', asset, reason: 'extra' });
    else if (asset.state !== 'uploaded') actions.push({ kind: 'delete', asset, reason: 'starter' });
    else {
      kept.add(asset.name);
      const expected = digestOf(file.sha256);
      if (asset.size !== file.bytes) {
        actions.push({
          kind: 'conflict',
          asset,
          expected: `${file.bytes} bytes`,
          found: `${asset.size} bytes`,
        });
      } else if (asset.digest === null) actions.push({ kind: 'check-content', asset, file });
      else if (asset.digest === expected) actions.push({ kind: 'skip', asset });
      else actions.push({ kind: 'conflict', asset, expected, found: asset.digest });
    }
  }
  for (const file of files) if (!kept.has(file.name)) actions.push({ kind: 'upload', file });
  return actions;
}
