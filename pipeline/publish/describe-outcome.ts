import { isAbsolute, relative } from 'node:path';
import type { Counts } from '../package/release-types.ts';
import type { ReleaseOutcome } from './run-release.ts';

/** What the CLI knows besides the outcome, to name places the way the user sees them. */
export interface OutcomeContext {
  /** Paths are shown relative to this folder (the user's working directory). */
  cwd: string;
  /** The dataset folder and the counts of the manifest just written there; null when none was. */
  dataset: { dir: string; counts: Counts } | null;
}

function shown(path: string, cwd: string | undefined): string {
  if (cwd === undefined) return path;
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function versionLines(o: ReleaseOutcome, dryRun: boolean): string[] {
  if (o.status === 'failed') {
    const errors = o.diagnostics.filter((d) => d.severity === 'error').length;
    return [
      `No release: ${errors} error(s) in the documents (listed on stderr); nothing was written. ` +
        'Fix them, or pass --quarantine to release without those files.',
    ];
  }
  if (o.status === 'unchanged') return [`Nothing changed since ${o.version}, so no new version.`];
  const what = `${o.added.length} added, ${o.changed.length} changed, ${o.removed.length} removed`;
  const from = o.previousVersion ? `after ${o.previousVersion}` : 'the first release';
  return [
    `${dryRun ? 'Would release' : 'Released'} ${o.version} (${o.bump}; ${from}; ${what}).`,
    ...o.added.map((id) => `  + ${id}`),
    ...o.changed.map((id) => `  ~ ${id}`),
    ...o.removed.map((id) => `  - ${id}`),
  ];
}

function datasetLine({ dir, counts }: NonNullable<OutcomeContext['dataset']>, cwd: string) {
  return (
    `Dataset: ${counts.documents} documents (${counts.questions} questions, ${counts.answers} answers) ` +
    `in ${shown(dir, cwd)}/: one NDJSON file per session year in data/, with datapackage.json and the manifest.`
  );
}

function publishLines(o: ReleaseOutcome, cwd: string | undefined): string[] {
  const p = o.publish;
  if (!p) return [];
  const local = !p.location.startsWith('github:');
  const where = local ? `${shown(p.location, cwd)}/` : p.location;
  if (p.action === 'exists')
    return [
      local
        ? `Release ${o.version} is already in ${where}; left as it is.`
        : `${where} already holds ${o.version}.`,
    ];
  if (p.action === 'created') {
    if (!local) return [`Published ${o.version} to ${where}.`];
    // An unchanged version that the folder lacked (a fresh clone: dist/ is committed, releases not).
    const fresh = o.status === 'unchanged' ? ' (it was not there yet)' : '';
    return [
      `Release ${o.version} written to ${where}${fresh}: ${p.steps.length} file${p.steps.length === 1 ? '' : 's'}; ` +
        'check them there with `sha256sum -c SHA256SUMS`.',
    ];
  }
  return [
    `Plan for ${where} (dry run, nothing written):`,
    ...p.steps.map((s) => {
      const asset = s.asset
        ? `  ${s.asset.name}  ${s.asset.bytes} bytes  sha256:${s.asset.sha256}`
        : '';
      return `  ${s.method} ${s.url}${asset}${s.note ? `  (${s.note})` : ''}`;
    }),
  ];
}

/** One short paragraph for a person: the version, the dataset, what was published where. */
export function describeOutcome(
  o: ReleaseOutcome,
  dryRun: boolean,
  context?: OutcomeContext,
): string {
  const lines = versionLines(o, dryRun);
  if (o.quarantined.length > 0) lines.push(`Quarantined (left out): ${o.quarantined.join(', ')}`);
  if (context?.dataset && o.status !== 'failed')
    lines.push(datasetLine(context.dataset, context.cwd));
  lines.push(...publishLines(o, context?.cwd));
  if (!o.publish && !dryRun && o.status !== 'failed')
    lines.push(`Packaged ${o.version} into dist/ (not published: --no-publish).`);
  return `${lines.join('\n')}\n`;
}
