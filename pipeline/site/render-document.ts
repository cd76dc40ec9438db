// The one document page, doc.html?id=…: a shell that assets/document.js fills from the data
// file holding the record (a hundred thousand static pages would not fit on GitHub Pages).

export function renderDocumentShell(): string {
  return `<p><a href="index.html#browse">← All documents</a></p>
<article id="document" aria-labelledby="doc-title" aria-busy="true">
<h1 id="doc-title">Loading the document…</h1>
<noscript><p>This page draws the document with JavaScript. Every document is also in the downloads on the <a href="index.html#download">front page</a>.</p></noscript>
</article>`;
}
