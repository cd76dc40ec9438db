// A small namespace-aware XML tree for the fetcher. The SRU service and the repository are parsed
// by namespace URI, never by prefix: recordings use `sru:`, `srw:` or a default namespace for the
// same elements (FORMATS.md §1.8). Entities and DOCTYPEs are refused outright, so no response can
// make the parser read files or expand entities.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  /** Local name, without prefix. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), entities decoded. */
  text: string;
}

export type XmlParseResult =
  { ok: true; root: XmlElement } | { ok: false; message: string; line?: number };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return PREDEFINED[ref] ?? whole;
  });
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function build(node: OrderedNode, scope: Map<string, string>): XmlElement | null {
  const key = Object.keys(node).find((k) => k !== ':@');
  if (key === undefined || key === '#text' || key === '#comment' || key.startsWith('?'))
    return null;
  const rawAttrs = node[':@'] ?? {};
  const local = new Map(scope);
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === 'xmlns') local.set('', value);
    else if (name.startsWith('xmlns:')) local.set(name.slice(6), value);
    else
      attrs[name.includes(':') ? name.slice(name.indexOf(':') + 1) : name] = decodeEntities(value);
  }
  const colon = key.indexOf(':');
  const prefix = colon === -1 ? '' : key.slice(0, colon);
  const element: XmlElement = {
    ns: local.get(prefix) ?? '',
    name: colon === -1 ? key : key.slice(colon + 1),
    attrs,
    children: [],
    text: '',
  };
  const content = node[key];
  if (Array.isArray(content)) {
    for (const child of content as OrderedNode[]) {
      if (typeof child['#text'] === 'string') element.text += decodeEntities(child['#text']);
      const built = build(child, local);
      if (built) element.children.push(built);
    }
  }
  return element;
}

/** Parses well-formed XML without a DOCTYPE; anything else is reported, never thrown. */
export function parseXml(text: string): XmlParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(body);
  if (doctype) {
    const line = body.slice(0, doctype.index).split('\n').length;
    return { ok: false, message: 'DOCTYPE and entity declarations are not accepted', line };
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) return { ok: false, message: valid.err.msg, line: valid.err.line };
  const nodes = parser.parse(body) as OrderedNode[];
  for (const node of nodes) {
    const root = build(node, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
    if (root) return { ok: true, root };
  }
  return { ok: false, message: 'no root element' };
}

export function child(element: XmlElement, ns: string, name: string): XmlElement | undefined {
  return element.children.find((c) => c.ns === ns && c.name === name);
}

export function childrenNamed(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((c) => c.ns === ns && c.name === name);
}

/** The first descendant (depth first) with this name, at any depth. */
export function descendant(element: XmlElement, ns: string, name: string): XmlElement | undefined {
  for (const c of element.children) {
    if (c.ns === ns && c.name === name) return c;
    const found = descendant(c, ns, name);
    if (found) return found;
  }
  return undefined;
}

/** All text below an element, in document order. */
export function textContent(element: XmlElement): string {
  return element.text + element.children.map(textContent).join('');
}
