import type { ReleaseOutcome } from './run-release.ts';

/** One short paragraph for a person: what changed, what was published where. */
export function describeOutcome(o: ReleaseOutcome, dryRun: boolean): string {
  const lines: string[] = [];
  if (o.status === 'failed') {
    const errors = o.diagnostics.filter((d) => d.severity === 'error').length;
    lines.push(
      `No release: ${errors} error(s) in the documents (listed on stderr); nothing was written. ` +
        'Fix them, or pass --quarantine to release without those files.',
    );
  } else if (o.status === 'unchanged') {
    lines.push(`Nothing changed since ${o.version}: no new release.`);
  } else {
    const what = `${o.added.length} added, ${o.changed.length} changed, ${o.removed.length} removed`;
    const from = o.previousVersion ? `after ${o.previousVersion}` : 'the first release';
    lines.push(
      `${dryRun ? 'Would release' : 'Released'} ${o.version} (${o.bump}; ${from}; ${what}).`,
    );
    for (const id of o.added) lines.push(`  + ${id}`);
    for (const id of o.changed) lines.push(`  ~ ${id}`);
    for (const id of o.removed) lines.push(`  - ${id}`);
  }
  if (o.quarantined.length > 0) lines.push(`Quarantined (left out): ${o.quarantined.join(', ')}`);
  const p = o.publish;
  if (p?.action === 'exists') lines.push(`${p.location} already holds ${o.version}.`);
  if (p?.action === 'created') lines.push(`Published ${o.version} to ${p.location}.`);
  if (p?.action === 'planned') {
    lines.push(`Plan for ${p.location} (dry run, nothing written):`);
    for (const s of p.steps) {
      const asset = s.asset
        ? `  ${s.asset.name}  ${s.asset.bytes} bytes  sha256:${s.asset.sha256}`
        : '';
      lines.push(`  ${s.method} ${s.url}${asset}${s.note ? `  (${s.note})` : ''}`);
    }
  }
  if (!p && !dryRun && o.status !== 'failed')
    lines.push(`Packaged ${o.version} into dist/ (not published: --no-publish).`);
  return `${lines.join('\n')}\n`;
}
