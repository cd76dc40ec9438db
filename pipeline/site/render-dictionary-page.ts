import type { DataDictionary } from '../dictionary/build-dictionary.ts';
import { esc } from './html.ts';

// The data dictionary as a page of the site: the same content as docs/DATA-DICTIONARY.md.
export function renderDictionaryBody(d: DataDictionary): string {
  const sections = d.tables.map((t) => {
    const id = `table-${t.name}`;
    const rows = t.fields
      .map(
        (f) =>
          `<tr><td><code>${esc(f.name)}</code></td><td>${esc(f.type.replace(/`/g, ''))}</td><td>${esc(f.meaning)}</td><td lang="nl"><i>${esc(f.dutch ?? '')}</i></td><td><code>${esc(f.example ?? '')}</code></td></tr>`,
      )
      .join('\n');
    return `<section aria-labelledby="${id}">
<h2 id="${id}">${esc(t.name === 'record' ? `Records: ${t.files}` : t.files)}</h2>
<p>${esc(t.description)}${t.key ? ` Key: <code>${esc(t.key)}</code>.` : ''}</p>
<div class="scroll"><table class="dictionary">
<thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Meaning</th><th scope="col">Dutch term</th><th scope="col">Example</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
</section>`;
  });
  return `<p><a href="index.html">← Back to the dataset</a></p>
<h1>Data dictionary</h1>
<p class="lead">Every file of the dataset, every column, its type, what it means, the Dutch term used in the documents, and an example (from <code>ah-tk-20182019-3922</code>).
Unknown values are <code>null</code> in JSON and empty in CSV. In CSV, lists in one cell are separated by <code>; </code>.</p>
<nav aria-label="Tables"><ul>${d.tables.map((t) => `<li><a href="#table-${esc(t.name)}">${esc(t.files)}</a></li>`).join('')}</ul></nav>
${sections.join('\n')}`;
}
