// One small stylesheet: system fonts, readable measure, colours that pass WCAG AA contrast,
// visible keyboard focus, and a layout that folds to one column on a phone.
export const SITE_CSS = `:root {
  --ink: #1c2430; --muted: #4a5563; --line: #d9dde3; --bg: #ffffff; --panel: #f4f6f9;
  --accent: #24579b; --accent-ink: #ffffff; --warn: #b3261e; --ok: #1d6b3a; --focus: #f2a900;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
/* The hidden attribute must win over display rules such as the one for buttons below. */
[hidden] { display: none !important; }
body { margin: 0; overflow-wrap: break-word; }
img, svg, table, pre { max-width: 100%; }
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-ink); padding: .5rem 1rem; }
.skip:focus { left: 0; z-index: 10; }
.site-header { background: var(--accent); color: var(--accent-ink); }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem; padding-top: .75rem; padding-bottom: .75rem; }
.site-header a { color: var(--accent-ink); text-decoration: none; }
.site-header a:hover { text-decoration: underline; }
.brand { font-weight: 700; font-size: 1.25rem; }
.brand span { font-weight: 400; opacity: .9; }
.site-header ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
.site-footer { border-top: 1px solid var(--line); margin-top: 3rem; color: var(--muted); font-size: .9rem; }
h1 { font-size: clamp(1.6rem, 4vw, 2.3rem); line-height: 1.2; margin: 1.5rem 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.lead { font-size: 1.15rem; max-width: 48rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: .75rem; padding: 0; margin: 1.25rem 0; list-style: none; }
.facts li { background: var(--panel); border-radius: .5rem; padding: .75rem 1rem; }
.facts strong { display: block; font-size: 1.5rem; }
.facts span { color: var(--muted); font-size: .9rem; }
.badge { display: inline-block; background: var(--panel); border: 1px solid var(--line); border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; }
.cta { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.button, button { font: inherit; cursor: pointer; border-radius: .4rem; border: 1px solid var(--accent); padding: .45rem .9rem; background: var(--accent); color: var(--accent-ink); text-decoration: none; display: inline-block; }
.button.secondary, button.secondary { background: var(--bg); color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
code, pre, .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
.hash { word-break: break-all; color: var(--muted); }
pre { background: var(--panel); padding: .75rem 1rem; border-radius: .4rem; overflow-x: auto; white-space: pre-wrap; }
.cite-block { display: grid; grid-template-columns: minmax(0, 1fr); gap: .5rem; margin-bottom: 1rem; }
.cite-block p.citation { overflow-wrap: anywhere; }
.cite-block p.citation { background: var(--panel); padding: .75rem 1rem; border-radius: .4rem; margin: 0; }
.status { min-height: 1.5em; color: var(--ok); font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1.5rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
figcaption small { display: block; font-weight: 400; color: var(--muted); }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart .axis-label { fill: var(--muted); }
details { margin: .25rem 0 0; }
summary { cursor: pointer; color: var(--accent); }
.filters { display: grid; grid-template-columns: minmax(0, 2fr) repeat(3, minmax(0, 1fr)); gap: .75rem; align-items: end; margin-bottom: .75rem; }
.filters .search { grid-column: 1 / -1; }
.filters label { display: grid; gap: .2rem; font-weight: 600; font-size: .9rem; }
input[type=search], select { font: inherit; padding: .4rem .5rem; border: 1px solid #7a8594; border-radius: .35rem; background: var(--bg); color: var(--ink); width: 100%; }
#result-count { color: var(--muted); margin: .25rem 0 .5rem; }
th button.sort { background: none; border: 0; color: var(--ink); padding: 0; font-weight: 700; }
th button.sort::after { content: " ↕"; color: var(--muted); }
th[aria-sort=ascending] button.sort::after { content: " ↑"; }
th[aria-sort=descending] button.sort::after { content: " ↓"; }
.late { color: var(--warn); font-weight: 600; }
.meta { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .25rem 1rem; margin: 1rem 0; }
.meta dt { font-weight: 600; color: var(--muted); }
.meta dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.notice { background: #fff4d6; border-left: 4px solid var(--focus); padding: .5rem .9rem; }
.filters button[type=reset] { justify-self: start; }
#documents td.num { white-space: nowrap; }
.filters .check { display: flex; gap: .4rem; align-items: center; font-weight: 600; }
.snippet { margin: .35rem 0 0; font-size: .9rem; color: var(--ink); }
.snippet .where { color: var(--muted); font-weight: 600; }
mark { background: #fff0a8; color: inherit; }
#documents td.subject small { display: block; }
.case { background: var(--panel); border-radius: .5rem; padding: 0 1rem .5rem; }
.case h2 { border-top: 0; }
a.badge { text-decoration: none; }
.qa { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; border-top: 1px solid var(--line); padding: .75rem 0; }
.qa h3 { margin: 0 0 .25rem; font-size: 1rem; }
.qa .answer { background: var(--panel); border-radius: .4rem; padding: .5rem .9rem; }
.qa p { margin: .25rem 0 .75rem; }
.qa-head { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; font-weight: 700; color: var(--muted); }
sup a { text-decoration: none; }
.footnotes li { margin-bottom: .4rem; overflow-wrap: anywhere; }
.dictionary { table-layout: fixed; min-width: 44rem; }
.dictionary td { overflow-wrap: anywhere; }
.dictionary th:nth-child(1) { width: 16%; } .dictionary th:nth-child(2) { width: 15%; }
.dictionary th:nth-child(3) { width: 33%; } .dictionary th:nth-child(4) { width: 18%; }
@media (max-width: 44rem) {
  .filters { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  .qa, .qa-head { grid-template-columns: minmax(0, 1fr); }
  .qa-head { display: none; }
  .qa .answer { margin-top: .5rem; }
  .meta { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .meta dd { margin-bottom: .5rem; }
  .site-header ul { gap: .25rem .9rem; }
  /* Result tables become stacked cards: one block per document, each value under its label. */
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards tr { border: 1px solid var(--line); border-radius: .5rem; margin-bottom: .75rem; padding: .5rem .75rem; }
  table.cards td { border: 0; padding: .15rem 0; text-align: left; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  table.cards td:empty { display: none; }
  .hash { font-size: .8rem; }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
`;
