import type { Diagnostic } from '../../errors.ts';
import type { Document, Footnote } from '../../types.ts';
import {
  childElements,
  findElement,
  findElements,
  hasClass,
  squash,
  textOf,
  type ChildNode,
  type Element,
} from '../../extract/parse-markup.ts';
import { extractUrls } from '../common/urls.ts';
import {
  assembleDocument,
  type AssembleContext,
  type Block,
  type Publication,
} from '../xml/assemble-document.ts';
import {
  metadataFromPairs,
  pairsFromNameContent,
  type PublicationMetadata,
} from '../xml/read-metadata.ts';

// officielebekendmakingen HTML. The repository manifestation (fixture ah-tk-20202021-3235):
//   <meta name="DC.identifier" content="ah-tk-20202021-3235"/> … in the head,
//   <h1 class="kamervraagomschrijving_kop">Vragen van …</h1><h1 class="kamervraagomschrijving_kop">Antwoord van …</h1>
//   <div class="vraag"><h2 class="stuktitel">Vraag 1</h2><p>…</p></div><div class="antwoord">…</div>
// The zoek.officielebekendmakingen.nl page has the same blocks inside div.stuk, numbers also as
// p.nummer, footnotes as div.voet.noot with span.nootnum, and Mededelingen as div.kamervraagopmerking.

const SKIP = new Set(['script', 'style', 'noscript', 'head', 'title']);

export interface HtmlResult {
  /** null when the page has no Kamervragen structure (then the caller reads it as page text). */
  document: Document | null;
  diagnostics: Diagnostic[];
  metadata: PublicationMetadata | null;
}

function blockKind(el: Element): Block['kind'] | null {
  if (hasClass(el, 'vraag')) return 'question';
  if (hasClass(el, 'antwoord')) return 'answer';
  if (hasClass(el, 'kamervraagopmerking')) return 'remark';
  return null;
}

function isFootnoteMarker(el: Element): boolean {
  const cls = el.attribs['class'] ?? '';
  if (/\b(noot(num|ref)?|supernote\S*)\b/.test(cls) && /^\s*\d{1,3}\s*$/.test(textOf(el)))
    return true;
  return el.name === 'sup' && /^\s*\d{1,3}\s*$/.test(textOf(el));
}

export function parseObHtml(root: Element, ctx: AssembleContext): HtmlResult {
  const metas = findElements(root, (el) => el.name === 'meta');
  const pairs = pairsFromNameContent(metas);
  const metadata = pairs.some((p) =>
    ['identifier', 'vraagnummer', 'publicationname', 'type'].includes(p.key),
  )
    ? metadataFromPairs(pairs)
    : null;

  const footnoteEls = findElements(root, (el) => hasClass(el, 'voet') && hasClass(el, 'noot'));
  const footnotes: Footnote[] = [];
  for (const el of footnoteEls) {
    const numEl = findElement(el, (c) => hasClass(c, 'nootnum'));
    const number = Number(squash(numEl ? textOf(numEl) : '').replace(/\D+/g, ''));
    if (!Number.isInteger(number) || number <= 0 || footnotes.some((f) => f.number === number))
      continue;
    const text = squash(visibleText(el, numEl ?? null, null));
    const hrefs = findElements(
      el,
      (c) => c.name === 'a' && /^https?:/i.test(c.attribs['href'] ?? ''),
    ).map((a) => a.attribs['href'] ?? '');
    footnotes.push({ number, text, urls: [...new Set([...hrefs, ...extractUrls(text)])] });
  }
  footnotes.sort((a, b) => a.number - b.number);

  const blockEls = findElements(root, (el) => blockKind(el) !== null && !footnoteEls.includes(el));
  // A block nested in another block (a div.vraag inside a div.vraag wrapper) counts once.
  const outer = outermost(blockEls);
  if (outer.length === 0) return { document: null, diagnostics: [], metadata };

  const blocks: Block[] = outer.map((el) => {
    const kind = blockKind(el) ?? 'remark';
    const headingEl = findElement(el, (c) => /^h[1-6]$/.test(c.name) || hasClass(c, 'nummer'));
    const marks: number[] = [];
    const paragraphs: string[] = [];
    const collect = (node: Element) => {
      for (const child of childElements(node)) {
        if (child === headingEl || SKIP.has(child.name)) continue;
        if (child.name === 'p' || child.name === 'li' || /^h[1-6]$/.test(child.name)) {
          const text = squash(visibleText(child, null, marks));
          if (text) paragraphs.push(text);
        } else if (child.name === 'tr') {
          // A table row is one paragraph, its cells apart.
          const cells = childElements(child).map((cell) => squash(visibleText(cell, null, marks)));
          const text = cells.filter(Boolean).join(' | ');
          if (text) paragraphs.push(text);
        } else if (
          findElement(child, (c) => c.name === 'p' || c.name === 'li' || c.name === 'tr')
        ) {
          collect(child);
        } else {
          const text = squash(visibleText(child, null, marks));
          if (text) paragraphs.push(text);
        }
      }
    };
    collect(el);
    return {
      kind,
      heading: headingEl ? squash(textOf(headingEl)) : null,
      paragraphs,
      footnotes: marks,
    };
  });

  const headerEls = outermost(
    findElements(root, (el) => /kamervraagomschrijving/.test(el.attribs['class'] ?? '')),
  );
  const idFromMeta = metadata?.id && /^(ah|kv)-/.test(metadata.id) ? metadata.id : null;
  const pub: Publication = {
    id: idFromMeta,
    chamber: metadata?.chamber ?? null,
    sessionYear: metadata?.sessionYear ?? null,
    number: metadata?.number ?? null,
    header: squash(headerEls.map((el) => visibleText(el, null, null)).join(' ')),
    submitted: null,
    answered: null,
    blocks,
    footnotes,
  };
  const result = assembleDocument(pub, ctx);
  return { ...result, metadata };
}

// Text a reader sees, without footnote markers (their numbers go to `marks`) and scripts.
function visibleText(node: ChildNode, skip: Element | null, marks: number[] | null): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag' || node === skip || SKIP.has(node.name)) return '';
  // The footnote pop-up's close button: <h5 class="note-close"><a>X</a> Noot</h5>.
  if (hasClass(node, 'note-close')) return '';
  // Footnote bodies printed inside a block belong to the footnotes, not to the running text.
  if (marks && hasClass(node, 'voet') && hasClass(node, 'noot')) return '';
  if (isFootnoteMarker(node)) {
    const n = Number(textOf(node).trim());
    if (marks && !marks.includes(n)) marks.push(n);
    return '';
  }
  if (node.name === 'br') return ' ';
  let text = '';
  for (const child of node.children) text += visibleText(child, skip, marks);
  return text;
}

/** The readable text of any HTML page, one block element per line, for the page-text parser. */
export function htmlToText(root: Element): string {
  const lines: string[] = [];
  let current = '';
  const BLOCK =
    /^(p|div|li|h[1-6]|tr|br|section|article|header|footer|table|ul|ol|dd|dt|blockquote|main)$/;
  const walk = (node: ChildNode) => {
    if (node.type === 'text') {
      current += node.data;
      return;
    }
    if (node.type !== 'tag' || SKIP.has(node.name)) return;
    const block = BLOCK.test(node.name);
    if (block) flush();
    node.children.forEach(walk);
    if (block) flush();
  };
  const flush = () => {
    const text = squash(current);
    if (text) lines.push(text);
    current = '';
  };
  walk(root);
  flush();
  return lines.join('\n\n');
}

/** The elements not nested inside another element of the list (each counted once). */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let up = el.parent; up; up = up.parent) if (set.has(up as Element)) return false;
    return true;
  });
}
