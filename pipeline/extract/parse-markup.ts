import { createRequire } from 'node:module';
import type { XMLValidator as Validator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Document as DomDocument, Element } from 'domhandler';
import type { Diagnostic } from '../errors.ts';
import { readPlainXml } from './read-plain-xml.ts';

export type { Element, ChildNode };

export type ParsedMarkup = { ok: true; root: Element } | { ok: false; diagnostic: Diagnostic };

/** Deeper nesting than this is refused: real publications nest about 12 levels. */
export const MAX_DEPTH = 200;

// The validator is loaded on the first XML the one-pass reader declines (its CommonJS build, so
// synchronously): loading it is a start-up cost for every worker thread, and plain publications
// never need it.
const require = createRequire(import.meta.url);
let validator: typeof Validator | undefined;
function xmlValidator(): typeof Validator {
  validator ??= (require('fast-xml-parser') as { XMLValidator: typeof Validator }).XMLValidator;
  return validator;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// XML from outside is parsed without a DTD: the one-pass reader has no place for one, and the
// full path refuses a DOCTYPE before any parser sees it, so no entity is ever defined, expanded
// or fetched (no XXE, no "billion laughs"). On the full path well-formedness is checked first,
// so that a truncated file is an error with a line number, not a half-read record.
export function parseXmlSafely(text: string, file: string): ParsedMarkup {
  const body = text.trimStart();
  // Plain, well-formed XML (every publication and metadata file) is read in one pass; it never
  // holds a DTD. Anything else goes through the checks below, which say what is wrong.
  const plain = readPlainXml(body);
  if (plain) {
    const root = plain.children.find((n): n is Element => n.type === 'tag');
    if (root) return { ok: true, root };
  }
  const doctype = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (doctype) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'extract/xml-doctype',
        message: `the XML declares a ${doctype[1]!.toUpperCase()}; DTDs and entity declarations are refused (publications never carry one)`,
        file,
        line: lineAt(text, doctype.index),
      },
    };
  }
  const offsetLines = lineAt(text, text.length - body.length) - 1;
  const valid = xmlValidator().validate(body, { allowBooleanAttributes: false });
  if (valid !== true) {
    // The validator places "Unclosed tag" at the opening tag; for a file that simply stops, the
    // useful place is where it stops: its last line.
    // fast-xml-parser says "Unclosed tag 'x'" or, at end of input, "Invalid '["a", "b"]' found".
    const open = /^Invalid '\[([\s\S]*)\]' found/.exec(valid.err.msg)?.[1]?.match(/"([^"]+)"/g);
    const unclosed =
      /^Unclosed tag '([^']+)'/.exec(valid.err.msg) ??
      (open ? [null, open[open.length - 1]!.slice(1, -1)] : null);
    const line = unclosed ? lineAt(text, text.length) : valid.err.line + offsetLines;
    const message = unclosed
      ? `the XML ends before <${unclosed[1]}> is closed (truncated?)`
      : `the XML is not well-formed (truncated or damaged?): ${valid.err.msg}`;
    return {
      ok: false,
      diagnostic: { severity: 'error', code: 'extract/xml-malformed', message, file, line },
    };
  }
  // An entity reference other than the five XML ones (or a character reference) cannot be
  // resolved without a DTD: "&passwd;" is an error, not text. CDATA and comments may hold anything.
  const visible = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (m) =>
    m.replace(/[^\n]/g, ' '),
  );
  const badRef =
    /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)([A-Za-z_][\w.-]*;)?/.exec(visible);
  if (badRef) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'extract/xml-entity',
        message: badRef[1]
          ? `the XML refers to the undefined entity &${badRef[1]} (no DTD is read, so only &amp; &lt; &gt; &quot; &apos; exist)`
          : 'the XML has a bare "&" (it must be written &amp;)',
        file,
        line: lineAt(text, badRef.index),
      },
    };
  }
  return rootOf(parseDocument(body, { xmlMode: true, decodeEntities: true }), file, 'XML');
}

// HTML is parsed by a forgiving tokenizer that knows only the fixed HTML entities; a DOCTYPE in
// HTML is a plain marker (XHTML pages carry one) and nothing is loaded from it.
export function parseHtmlSafely(text: string, file: string): ParsedMarkup {
  return rootOf(parseDocument(text, { decodeEntities: true, lowerCaseTags: true }), file, 'HTML');
}

function rootOf(doc: DomDocument, file: string, kind: string): ParsedMarkup {
  const root = doc.children.find((n): n is Element => n.type === 'tag');
  if (!root) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'extract/no-root',
        message: `the ${kind} holds no element`,
        file,
      },
    };
  }
  // Iterative depth check, so the recursive walkers later can never run out of stack.
  const stack: [ChildNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) {
      return {
        ok: false,
        diagnostic: {
          severity: 'error',
          code: 'extract/too-deep',
          message: `the ${kind} nests elements more than ${MAX_DEPTH} deep`,
          file,
        },
      };
    }
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return { ok: true, root };
}

/** Child elements, optionally only those with the given tag name. */
export function childElements(node: Element, name?: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type === 'tag' && (name === undefined || child.name === name)) found.push(child);
  }
  return found;
}

/** Every descendant element (document order) that matches. */
export function findElements(node: Element, match: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  collect(node, match, found);
  return found;
}

function collect(el: Element, match: (el: Element) => boolean, found: Element[]): void {
  for (const child of el.children) {
    if (child.type !== 'tag') continue;
    if (match(child)) found.push(child);
    collect(child, match, found);
  }
}

/** The first descendant element (document order) that matches: findElements(...)[0], sooner. */
export function findElement(node: Element, match: (el: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'tag') continue;
    if (match(child)) return child;
    const inner = findElement(child, match);
    if (inner) return inner;
  }
  return undefined;
}

export function hasClass(el: Element, cls: string): boolean {
  const classes = el.attribs['class'];
  // Most elements have no class, or not this one anywhere in it: no split for those.
  if (cls !== '' && (classes === undefined || !classes.includes(cls))) return false;
  return (classes ?? '').split(/\s+/).includes(cls);
}

/** Concatenated text of a node (no whitespace normalisation). */
export function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type === 'cdata' || node.type === 'tag' || node.type === 'root') {
    let text = '';
    for (const child of node.children) text += textOf(child);
    return text;
  }
  return '';
}

// Any whitespace other than a lone space: only then does squash have a run to collapse.
const COLLAPSIBLE = /\s\s|[^\S ]/;

/** Collapse whitespace runs (incl. tabs and newlines inside elements) to one space. */
export function squash(text: string): string {
  // \s already holds U+00A0; text with lone spaces only needs no new string, just the trim.
  if (!COLLAPSIBLE.test(text)) return text.trim();
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
