import type { Manifest, RecordRef } from './release-types.ts';

export const NOTES_NAME = 'RELEASE_NOTES.md';

// Markdown, not HTML: titles come from parliamentary documents and may hold any character.
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ');
}

function section(heading: string, refs: readonly RecordRef[]): string {
  if (refs.length === 0) return '';
  const lines = refs.map(
    (r) =>
      `- \`${r.id}\`${r.title ? ` — ${escapeMarkdown(r.title)}` : ''}${
        r.fields && r.fields.length > 0
          ? ` (changed: ${r.fields.map((f) => `\`${f}\``).join(', ')})`
          : ''
      }`,
  );
  return `\n## ${heading} (${refs.length})\n\n${lines.join('\n')}\n`;
}

/** Release notes derive from the manifest alone, so a rebuild of a tag reproduces them byte for byte. */
export function renderReleaseNotes(m: Manifest): string {
  const { added, changed, removed } = m.changes;
  const c = m.counts;
  const quarantined =
    m.quarantined.length === 0
      ? ''
      : `\n## Quarantined (${m.quarantined.length})\n\nThese source files could not be parsed or validated and are not in this release:\n\n${m.quarantined
          .map((f) => `- \`${f}\``)
          .join('\n')}\n`;
  return `# ${m.name} ${m.version}

Released ${m.date}${m.previous_version ? `; follows ${m.previous_version}` : '; the first release'}. Record schema ${m.schema_version}.

${c.documents} documents, ${c.questions} questions, ${c.answers} answers, ${c.askers} askers, ${c.footnotes} footnotes, ${c.references} references.
Added ${added.length}, changed ${changed.length}, removed ${removed.length} documents.${
    added.length + changed.length + removed.length === 0 && m.previous_version
      ? ' No record changed; the data files were exported anew.'
      : ''
  }
${section('Added', added)}${section('Changed', changed)}${section('Removed', removed)}${quarantined}
## Verify

\`\`\`sh
sha256sum -c SHA256SUMS
\`\`\`
`;
}
