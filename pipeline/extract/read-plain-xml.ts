import { DomHandler } from 'htmlparser2';
import type { Document as DomDocument } from 'domhandler';

// A one-pass reader for the plain XML the publications are: elements with quoted attributes,
// text with the five XML entities and character references, comments, an XML declaration at the
// start. For such input it builds the same tree htmlparser2 builds (it drives htmlparser2's own
// DomHandler with the same events), and the input is one fast-xml-parser's validator accepts and
// that has no undefined entity reference, so `parseXmlSafely` can skip the validator and the
// tokenizer. Anything outside that subset (CDATA, processing instructions in the body, odd names,
// unquoted or repeated attributes, a "<" in an attribute, bad or undefined references, mismatched
// or unclosed tags, text or a second element beside the root, very deep nesting) returns null,
// and the caller takes the full path, which gives the diagnostics. So the subset only decides
// speed, never an outcome.

/** Open elements beyond this make the reader give up (the full path reports nesting errors). */
const DEPTH_LIMIT = 150;

// Names: the ASCII part of XML names, which both the validator and htmlparser2 accept as is.
// 1: may start a name, 2: may continue one.
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 1;
  else if (/[\d.-]/.test(ch)) NAME[c] = 2;
}

// The names last read, by a hash of their first and last character and length. A publication
// uses a few dozen names thousands of times: the one read before is compared in place, with no
// new string, and it is the engine's own copy of the name (a property key), which objects keyed
// by it (attribs, and every lookup by element name later) need no string-table search for.
const NAME_SLOTS = 1024;
const recentNames: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS);

function nameAt(text: string, from: number, to: number): string {
  const slot =
    (text.charCodeAt(from) * 31 + text.charCodeAt(to - 1) * 7 + (to - from)) & (NAME_SLOTS - 1);
  const recent = recentNames[slot];
  if (recent !== undefined && recent.length === to - from && text.startsWith(recent, from)) {
    return recent;
  }
  const name = text.slice(from, to);
  // A property key is kept in the string table: take that copy.
  const shared = Object.keys({ [name]: 0 })[0] ?? name;
  recentNames[slot] = shared;
  return shared;
}

/** End of the name starting at `from`, or -1 when no name starts there. */
function nameEnd(text: string, from: number): number {
  if (NAME[text.charCodeAt(from)] !== 1) return -1;
  let i = from + 1;
  while (NAME[text.charCodeAt(i)]) i++;
  return i;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (isBlank(text.charCodeAt(i))) i++;
  return i;
}

// What parseXmlSafely refuses anywhere in the file. Outside comments the reader has no place for
// it ("<!" only starts a comment here), so it only looks inside them.
const DTD = /<!(DOCTYPE|ENTITY)\b/i;
// An "&" that does not start one of the references an XML file may hold without a DTD.
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

// As htmlparser2 decodes XML references: NUL, surrogates and values past U+10FFFF become U+FFFD.
function decodeReference(_match: string, name?: string, decimal?: string, hex?: string): string {
  if (name !== undefined) return NAMED[name]!;
  const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
  const invalid = code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff;
  return String.fromCodePoint(invalid ? 0xfffd : code);
}

/** Text with its references decoded, or null when it holds an "&" that is not a reference. */
function decode(raw: string): string | null {
  if (BAD_REFERENCE.test(raw)) return null;
  return raw.replace(REFERENCE, decodeReference);
}

/**
 * Where the next `char` at or after a position is (body.length when none), for positions asked
 * in increasing order: the body is searched once, not once per text or attribute value.
 */
class NextChar {
  private from = 0;
  private at = -1;
  constructor(
    private readonly body: string,
    private readonly char: string,
  ) {}
  after(position: number): number {
    if (position < this.from || position > this.at) {
      const found = this.body.indexOf(this.char, position);
      this.at = found < 0 ? this.body.length : found;
    }
    this.from = position;
    return this.at;
  }
}

/**
 * The document tree of `body` (the file's text from its first non-blank character), or null
 * when the text is not plain XML as described above.
 */
export function readPlainXml(body: string): DomDocument | null {
  const handler = new DomHandler(undefined, { xmlMode: true });
  const open: string[] = [];
  let rootDone = false;
  let pos = 0;
  // The XML declaration, only as the very first thing (a later one is an error elsewhere).
  if (body.startsWith('<?xml') && /^<\?xml[ \t\n\r]/.test(body)) {
    const end = body.indexOf('?>');
    if (end < 0) return null;
    const value = body.slice(2, end);
    if (value.includes('>') || value.includes('<') || value.includes('&')) return null;
    const nameEnd = value.search(/\s|\//);
    handler.onprocessinginstruction(
      `?${nameEnd < 0 ? value : value.slice(0, nameEnd)}`,
      `?${value}`,
    );
    pos = end + 2;
  }
  const length = body.length;
  const nextLt = new NextChar(body, '<');
  const nextAmp = new NextChar(body, '&');
  while (pos < length) {
    const textEnd = nextLt.after(pos);
    if (textEnd > pos) {
      // Outside the root only blanks.
      if (open.length === 0 && skipBlanks(body, pos) < textEnd) return null;
      const raw = body.slice(pos, textEnd);
      const text = nextAmp.after(pos) < textEnd ? decode(raw) : raw;
      if (text === null) return null;
      handler.ontext(text);
    }
    if (textEnd === length) break;
    const lt = textEnd;
    const next = body.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      // "</name>" or "</name  >" closing the innermost open element, nothing else.
      const name = open.pop();
      if (name === undefined || !body.startsWith(name, lt + 2)) return null;
      const end = skipBlanks(body, lt + 2 + name.length);
      if (body.charCodeAt(end) !== 0x3e /* > */) return null;
      handler.onclosetag();
      if (open.length === 0) rootDone = true;
      pos = end + 1;
    } else if (next === 0x21 /* ! */) {
      // Only a comment; a comment holding "--" or ending in "-" is read differently by the two
      // parsers, so it takes the full path.
      if (!body.startsWith('<!--', lt)) return null;
      const end = body.indexOf('-->', lt + 4);
      if (end < 0) return null;
      const data = body.slice(lt + 4, end);
      if (data.includes('--') || data.endsWith('-')) return null;
      // A DTD is refused (by the full path) even when it stands inside a comment.
      if (DTD.test(data)) return null;
      handler.oncomment(data);
      handler.oncommentend();
      pos = end + 3;
    } else {
      if (rootDone || open.length >= DEPTH_LIMIT) return null;
      const tagEnd = nameEnd(body, lt + 1);
      if (tagEnd < 0) return null;
      const name = nameAt(body, lt + 1, tagEnd);
      const attribs: Record<string, string> = {};
      // Attributes: blank(s), name, "=" (blanks allowed around it), a quoted value without "<".
      let i = tagEnd;
      let c = body.charCodeAt(i);
      while (isBlank(c)) {
        i = skipBlanks(body, i);
        c = body.charCodeAt(i);
        if (c === 0x3e /* > */ || c === 0x2f /* / */) break;
        const attributeEnd = nameEnd(body, i);
        if (attributeEnd < 0) return null;
        const attribute = nameAt(body, i, attributeEnd);
        // A repeated attribute is an error; "__proto__" (a setter, not a key) is left to the full path.
        // Looked up in the tag's own attributes (a hash lookup): a tag of 100k attributes stays linear.
        if (attribute === '__proto__' || Object.hasOwn(attribs, attribute)) return null;
        i = skipBlanks(body, attributeEnd);
        if (body.charCodeAt(i) !== 0x3d /* = */) return null;
        i = skipBlanks(body, i + 1);
        const quote = body.charCodeAt(i);
        if (quote !== 0x22 /* " */ && quote !== 0x27 /* ' */) return null;
        const valueEnd = body.indexOf(quote === 0x22 ? '"' : "'", i + 1);
        if (valueEnd < 0) return null;
        if (nextLt.after(i + 1) < valueEnd) return null;
        const raw = body.slice(i + 1, valueEnd);
        const value = nextAmp.after(i + 1) < valueEnd ? decode(raw) : raw;
        if (value === null) return null;
        attribs[attribute] = value;
        i = valueEnd + 1;
        c = body.charCodeAt(i);
      }
      const selfClosing = c === 0x2f; /* / */
      if (selfClosing) c = body.charCodeAt(++i);
      if (c !== 0x3e /* > */) return null;
      handler.onopentag(name, attribs);
      if (selfClosing) {
        handler.onclosetag();
        if (open.length === 0) rootDone = true;
      } else {
        open.push(name);
      }
      pos = i + 1;
    }
  }
  if (!rootDone || open.length > 0) return null;
  handler.onend();
  return handler.root;
}
