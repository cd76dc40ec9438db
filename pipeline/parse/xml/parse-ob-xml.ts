import type { Diagnostic } from '../../errors.ts';
import type { Document, Footnote } from '../../types.ts';
import {
  childElements,
  findElement,
  findElements,
  squash,
  textOf,
  type ChildNode,
  type Element,
} from '../../extract/parse-markup.ts';
import { extractUrls } from '../common/urls.ts';
import { nameMark } from './mark-names.ts';
import {
  assembleDocument,
  type AssembleContext,
  type Block,
  type Publication,
} from './assemble-document.ts';
import { pushAll } from '../common/lists.ts';
import { readKop } from './read-kop.ts';

// officielebekendmakingen XML (fixture ah-tk-20202021-3235):
//   <officiele-publicatie><metadata><meta name="OVERHEIDop.externMetadataRecord" content=".../ah-tk-…/metadata.xml"/>
//   <kamervragen><kamervraagkop><tekstregel inhoud="vergaderjaar">Vergaderjaar 2020-2021</tekstregel>…
//   <kamervraagnummer>3235</kamervraagnummer>
//   <kamervraagomschrijving type="vraag">Vragen van de leden <naam>…</naam> … (ingezonden <datum isodatum="2021-06-03">…)
//   <kamervraagomschrijving type="antwoord">Antwoord van Minister <naam>…</naam> …
//   <vraag><nr>Vraag 1</nr><al>…</al></vraag><antwoord><nr>Antwoord 1</nr><al>…</al></antwoord>
// Older publications use <nummer> for <nr> and <omschr> for the header; footnotes are
// <noot type="voet"><noot.nr>1</noot.nr><noot.al>…</noot.al></noot> at the marker, or <nootref>.
// The older layout (session year 2009-2010 among others) has no <kamervragen>: the questions are
// in body/vragen/vraag and the answers beside them in body/reactie/antwoord, each container with
// its own <omschr>, and the <kop> outside the body.

const BLOCKS: Readonly<Record<string, Block['kind']>> = {
  vraag: 'question',
  antwoord: 'answer',
  kamervraagopmerking: 'remark',
};
const HEADINGS = new Set(['nr', 'nummer', 'kop', 'titel']);
const HEADER = new Set(['kamervraagomschrijving', 'omschr']);

const isParagraph = (el: Element): boolean =>
  el.name === 'al' || el.name === 'li' || el.name === 'row';
const isQuestion = (el: Element): boolean => el.name === 'vraag';

/** Where the publication body is, or why this XML is not Kamervragen. */
export function findKamervragen(
  root: Element,
): { ok: true; body: Element } | { ok: false; message: string } {
  if (root.name === 'kamervragen' || root.name === 'vragen') return { ok: true, body: root };
  if (root.name === 'metadata_gegevens' || root.name === 'owms-metadata') {
    return {
      ok: false,
      message: `this is a publication's metadata file (<${root.name}>), not the publication; keep it beside the document as <id>.metadata.xml`,
    };
  }
  // Older publications wrap the questions in <vragen>, with the answers in a sibling <reactie>:
  // the body is then their common parent, or the answers would be lost.
  const hasChild = (el: Element, name: string) => childElements(el).some((c) => c.name === name);
  const body =
    findElement(root, (el) => el.name === 'kamervragen') ??
    findElement(root, (el) => hasChild(el, 'vragen') && hasChild(el, 'reactie')) ??
    findElement(root, (el) => el.name === 'vragen' && findElement(el, isQuestion) !== undefined);
  if (body) return { ok: true, body };
  const kind =
    childElements(root).find((el) => el.name !== 'metadata' && el.name !== 'kop')?.name ??
    root.name;
  return {
    ok: false,
    message: `not a Kamervragen document: the XML is a <${root.name}> holding <${kind}>, expected <kamervragen> (Aanhangsel van de Handelingen or Kamervragen zonder antwoord)`,
  };
}

// The footnotes of one publication as they are read: its <noot> elements by id, and those read.
interface Notes {
  byId: Map<string, Element>;
  unnamed: Element[];
  read: Footnote[];
}

// The number is <noot.nr>1</noot.nr>, or (older publications) the attribute nr="1" or the
// id "n1"; the text is the <noot.al> paragraphs, or the element's own text.
// (Helpers here are module functions, not closures per document: the loader names every closure
// it creates, which cost more than the work of most of them.)
function footnoteOf(notes: Notes, noot: Element): number | null {
  const nr = childElements(noot).find((el) => el.name === 'noot.nr' || el.name === 'nr');
  const printed = nr
    ? squash(textOf(nr))
    : (noot.attribs['nr'] ?? /^n?(\d+)$/.exec(noot.attribs['id'] ?? '')?.[1] ?? '');
  const number = Number(printed.replace(/\D+/g, ''));
  if (!printed || !Number.isInteger(number) || number <= 0) return null;
  if (!notes.read.some((f) => f.number === number)) {
    const text = squash(
      noot.children
        .filter((c) => c !== nr)
        .map((c) => inline(notes, c, null))
        .join(' '),
    );
    const linked = findElements(
      noot,
      (el) => el.name === 'extref' && /^https?:/i.test(el.attribs['doc'] ?? ''),
    ).map((el) => el.attribs['doc'] ?? '');
    notes.read.push({ number, text, urls: [...new Set([...linked, ...extractUrls(text)])] });
  }
  return number;
}

// Text of an element with footnote markers left out and their numbers collected in `marks`.
function inline(notes: Notes, node: ChildNode, marks: number[] | null): string {
  if (node.type === 'text' || node.type === 'cdata') return textOf(node);
  if (node.type !== 'tag') return '';
  if (node.name === 'noot') {
    const n = footnoteOf(notes, node);
    if (n !== null && marks && !marks.includes(n)) marks.push(n);
    return '';
  }
  if (node.name === 'nootref') {
    const byNr = node.attribs['nr'];
    const target =
      notes.byId.get(node.attribs['refid'] ?? node.attribs['ref'] ?? '') ??
      (byNr
        ? [...notes.byId.values(), ...notes.unnamed].find((n) => n.attribs['nr'] === byNr)
        : undefined);
    const n = target ? footnoteOf(notes, target) : byNr && /^\d+$/.test(byNr) ? Number(byNr) : null;
    if (n !== null && marks && !marks.includes(n)) marks.push(n);
    return '';
  }
  if (node.name === 'br') return ' ';
  let text = '';
  for (const child of node.children) text += inline(notes, child, marks);
  return text;
}

function pushParagraph(out: string[], text: string): void {
  const clean = squash(text);
  if (clean) out.push(clean);
}

// Paragraphs of a block: each <al> and each list item (also inside lists and groups) is one.
function paragraphs(notes: Notes, el: Element, marks: number[]): string[] {
  const out: string[] = [];
  for (const child of childElements(el)) {
    if (HEADINGS.has(child.name)) continue;
    if (child.name === 'li') {
      pushParagraph(out, child.children.map((c) => inline(notes, c, marks)).join(' '));
    } else if (child.name === 'row') {
      // A table row (CALS <row><entry>…) is one paragraph, its cells apart.
      pushParagraph(
        out,
        childElements(child)
          .map((cell) => squash(inline(notes, cell, marks)))
          .join(' | '),
      );
    } else if (child.name === 'al' || !findElement(child, isParagraph)) {
      pushParagraph(out, inline(notes, child, marks));
    } else {
      pushAll(out, paragraphs(notes, child, marks));
    }
  }
  return out;
}

// Header text with each <naam> as a placeholder, so a name is never split at a comma or "(".
function headerText(notes: Notes, node: ChildNode, names: string[]): string {
  if (node.type === 'tag' && node.name === 'naam') {
    const name = squash(inline(notes, node, null));
    if (!name) return '';
    names.push(name);
    return nameMark(names.length - 1);
  }
  if (node.type === 'tag' && node.name !== 'noot' && node.name !== 'nootref') {
    let text = '';
    for (const child of node.children) text += headerText(notes, child, names);
    return text;
  }
  return inline(notes, node, null);
}

// A header's type is its attribute, or (older layout) the container it is in.
function headerType(header: Element, containers: ReadonlyMap<Element, string>): string | null {
  return header.attribs['type'] ?? containers.get(header) ?? null;
}

function isoOf(
  headers: Element[],
  type: string,
  containers: ReadonlyMap<Element, string>,
): string | null {
  const el = headers.find((h) => headerType(h, containers) === type);
  const datum = el ? findElement(el, (d) => d.name === 'datum') : undefined;
  const iso = datum?.attribs['isodatum'];
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : null;
}

// In the older layout a header's container (body/vragen, body/reactie) says whose date it is.
function headerContainers(body: Element): Map<Element, string> {
  const containers = new Map<Element, string>();
  for (const [container, type] of [
    ['vragen', 'vraag'],
    ['reactie', 'antwoord'],
  ] as const)
    for (const el of findElements(body, (c) => c.name === container))
      for (const h of childElements(el)) if (HEADER.has(h.name)) containers.set(h, type);
  return containers;
}

export function parseObXml(
  root: Element,
  ctx: AssembleContext,
): { document: Document | null; diagnostics: Diagnostic[] } {
  const found = findKamervragen(root);
  if (!found.ok) {
    return {
      document: null,
      diagnostics: [
        {
          severity: 'error',
          code: 'extract/not-kamervragen',
          message: found.message,
          file: ctx.path,
        },
      ],
    };
  }
  const body = found.body;
  const notes: Notes = { byId: new Map(), unnamed: [], read: [] };
  for (const noot of findElements(root, (el) => el.name === 'noot')) {
    if (noot.attribs['id']) notes.byId.set(noot.attribs['id'], noot);
    else notes.unnamed.push(noot);
  }

  const { chamber, sessionYear } = readKop(root, body);
  const numberEl = findElement(body, (el) => el.name === 'kamervraagnummer');
  const numberText = numberEl ? squash(textOf(numberEl)) : '';

  const headers = findElements(body, (el) => HEADER.has(el.name));
  const containers = headerContainers(body);
  const names: string[] = [];
  const blocks: Block[] = findElements(body, (el) => el.name in BLOCKS).map((el) => {
    const heading = childElements(el).find((c) => c.name === 'nr' || c.name === 'nummer');
    const marks: number[] = [];
    const paras = paragraphs(notes, el, marks);
    return {
      kind: BLOCKS[el.name] ?? 'remark',
      heading: heading ? squash(textOf(heading)) : null,
      paragraphs: paras,
      footnotes: marks,
    };
  });
  // Footnotes outside any block (in the header) still belong to the document.
  for (const noot of [...notes.byId.values(), ...notes.unnamed]) footnoteOf(notes, noot);
  notes.read.sort((a, b) => a.number - b.number);

  const record = findElement(
    root,
    (el) => el.name === 'meta' && el.attribs['name'] === 'OVERHEIDop.externMetadataRecord',
  );
  const idFromRecord =
    /\/((?:ah|kv)-(?:tk|ek)-[0-9A-Za-z-]+)\/metadata\.xml$/.exec(
      record?.attribs['content'] ?? '',
    )?.[1] ?? null;
  const pub: Publication = {
    id: idFromRecord,
    chamber,
    sessionYear,
    number: /^\d+$/.test(numberText) ? Number(numberText) : null,
    header: squash(headers.map((h) => headerText(notes, h, names)).join(' ')),
    names,
    submitted: isoOf(headers, 'vraag', containers),
    answered: isoOf(headers, 'antwoord', containers),
    blocks,
    footnotes: notes.read,
  };
  return assembleDocument(pub, ctx);
}
