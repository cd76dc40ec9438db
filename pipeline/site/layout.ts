import { esc } from './html.ts';

// The shell every page shares: one stylesheet, no external resources, no tracking.

export interface PageSpec {
  title: string;
  description: string;
  /** Path from the page back to the site root: '' for index.html, '../' for doc/x.html. */
  root: string;
  body: string;
  scripts?: string[];
  /** The page's own path from the site root, for its link-preview URL. */
  path?: string;
  /** Where the site is published (ending in /), when known: link previews want absolute URLs. */
  siteUrl?: string | null;
}

/** OpenGraph and Twitter tags, so a shared link shows a title and a summary. */
function preview(spec: PageSpec): string {
  const tags: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', 'Kamervragen open data'],
    ['og:title', spec.title],
    ['og:description', spec.description],
    ['og:locale', 'en_GB'],
  ];
  if (spec.siteUrl)
    tags.push(['og:url', spec.siteUrl + (spec.path === 'index.html' ? '' : (spec.path ?? ''))]);
  return [
    ...tags.map(([k, v]) => `<meta property="${k}" content="${esc(v)}">`),
    '<meta name="twitter:card" content="summary">',
  ].join('\n');
}

export function page(spec: PageSpec): string {
  const scripts = (spec.scripts ?? [])
    .map((src) => `<script src="${esc(spec.root + src)}" defer></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(spec.description)}">
<meta name="referrer" content="no-referrer">
${preview(spec)}
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'none'">
<title>${esc(spec.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(spec.root)}assets/site.css">
${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="${esc(spec.root)}index.html">Kamervragen <span>open data</span></a>
    <nav aria-label="Site">
      <ul>
        <li><a href="${esc(spec.root)}index.html#download">Download</a></li>
        <li><a href="${esc(spec.root)}index.html#cite">Cite</a></li>
        <li><a href="${esc(spec.root)}index.html#charts">Charts</a></li>
        <li><a href="${esc(spec.root)}index.html#browse">Browse</a></li>
        <li><a href="${esc(spec.root)}cases.html">Response times</a></li>
        <li><a href="${esc(spec.root)}dictionary.html">Data dictionary</a></li>
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="wrap">
${spec.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>Our work on the data is dedicated to the public domain (<a href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</a>).
    The source documents are publications of the Dutch government and parliament (<i>Aanhangsel van de Handelingen</i>, officielebekendmakingen.nl).</p>
    <p>This site sets no cookies, loads nothing from other servers and tracks no one.</p>
  </div>
</footer>
</body>
</html>
`;
}
