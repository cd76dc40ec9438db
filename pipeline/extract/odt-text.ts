import type { Diagnostic } from '../errors.ts';
import {
  childElements,
  parseXmlSafely,
  textOf,
  type ChildNode,
  type Element,
} from './parse-markup.ts';
import type { Extracted } from './pdf-text.ts';
import { ZipError, readZipEntries } from './zip-entries.ts';

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function fail(code: string, message: string, file: string): Extracted {
  return { ok: false, diagnostic: { severity: 'error', code, message, file } };
}

// ODT to text in the layout the PDF-text parser reads: one line per paragraph, a blank line
// before a paragraph whose style puts space above it (that is where the PDF shows a gap: before
// "Vraag 2", not between a heading and its text), footnote citations glued to the text as in the
// PDF, and the footnote bodies at the end as "N text" lines.
export function extractOdtText(bytes: Uint8Array, file: string): Extracted {
  let entries: Record<string, Uint8Array>;
  try {
    entries = readZipEntries(bytes, ['mimetype', 'content.xml', 'styles.xml', 'word/document.xml']);
  } catch (error) {
    if (error instanceof ZipError && error.tooLarge)
      return fail('extract/too-large', error.message, file);
    return fail(
      'extract/zip-unreadable',
      `the ZIP container cannot be read: ${(error as Error).message}`,
      file,
    );
  }
  const mimetype = entries['mimetype']
    ? new TextDecoder().decode(entries['mimetype']).trim()
    : null;
  if (entries['word/document.xml']) {
    return fail(
      'extract/not-odt',
      'the file is a Word document (DOCX), which is not a published rendering of Kamervragen; use the officielebekendmakingen XML or PDF',
      file,
    );
  }
  if (mimetype !== ODT_MIMETYPE) {
    return fail(
      'extract/not-odt',
      `the ZIP file is not an OpenDocument text (mimetype ${mimetype === null ? 'missing' : `"${mimetype}"`})`,
      file,
    );
  }
  const contentBytes = entries['content.xml'];
  if (!contentBytes) return fail('extract/odt-no-content', 'the ODT has no content.xml', file);
  const content = parseXmlSafely(new TextDecoder().decode(contentBytes), `${file}!content.xml`);
  if (!content.ok) return { ok: false, diagnostic: content.diagnostic };
  const styles = entries['styles.xml']
    ? parseXmlSafely(new TextDecoder().decode(entries['styles.xml']), file)
    : null;
  const styleRoots = [content.root, ...(styles?.ok ? [styles.root] : [])];
  const spacedAbove = spacedStyles(styleRoots, 'fo:margin-top');
  const spacedBelow = spacedStyles(styleRoots, 'fo:margin-bottom');

  const body = childElements(content.root, 'office:body')[0];
  const text = body ? childElements(body, 'office:text')[0] : undefined;
  if (!text)
    return fail('extract/odt-no-text', 'the ODT content.xml has no office:text body', file);

  const lines: string[] = [];
  const notes: string[] = [];
  const inline = (node: ChildNode): string => {
    if (node.type === 'text') return node.data.replace(/\s+/g, ' ');
    if (node.type !== 'tag') return '';
    switch (node.name) {
      case 'text:s':
        return ' '.repeat(Number(node.attribs['text:c'] ?? '1') || 1);
      case 'text:tab':
        return '\t';
      case 'text:line-break':
        return '\n';
      case 'text:note': {
        const citation = childElements(node, 'text:note-citation')[0];
        const mark = citation ? textOf(citation).trim() : '';
        const noteBody = childElements(node, 'text:note-body')[0];
        if (noteBody) {
          const bodyText = childElements(noteBody)
            .map((p) => p.children.map(inline).join('').trim())
            .join(' ');
          notes.push(`${mark} ${bodyText}`.trim());
        }
        return mark;
      }
      default:
        return node.children.map(inline).join('');
    }
  };
  let gapAfterPrevious = false;
  const block = (el: Element) => {
    for (const child of childElements(el)) {
      if (child.name === 'text:p' || child.name === 'text:h') {
        const line = child.children
          .map(inline)
          .join('')
          .replace(/[ \t]+$/gm, '')
          .trim();
        if (!line) continue;
        const style = child.attribs['text:style-name'] ?? '';
        if (lines.length > 0 && (gapAfterPrevious || spacedAbove.has(style))) lines.push('');
        lines.push(line);
        gapAfterPrevious = spacedBelow.has(style);
      } else if (child.name !== 'office:forms' && child.name !== 'text:sequence-decls') {
        // Tables, frames, lists and sections hold paragraphs of their own.
        block(child);
      }
    }
  };
  block(text);
  if (notes.length > 0) lines.push('', ...notes);
  if (lines.length === 0) return fail('extract/odt-empty', 'the ODT holds no text', file);
  const diagnostics: Diagnostic[] = [];
  return { ok: true, text: `${lines.join('\n')}\n`, diagnostics };
}

// Names of paragraph styles that put vertical space above or below a paragraph, following the
// parent-style chain ("ifm_p_mt.3.76mm_ifm" has fo:margin-top="3.76mm"; "Basis" has 0mm).
function spacedStyles(roots: Element[], margin: 'fo:margin-top' | 'fo:margin-bottom'): Set<string> {
  const parent = new Map<string, string>();
  const own = new Map<string, boolean>();
  const visit = (el: Element) => {
    for (const child of childElements(el)) {
      if (child.name === 'style:style') {
        const name = child.attribs['style:name'];
        if (!name) continue;
        if (child.attribs['style:parent-style-name'])
          parent.set(name, child.attribs['style:parent-style-name']);
        const props = childElements(child, 'style:paragraph-properties')[0];
        const value = props?.attribs[margin];
        if (value !== undefined) own.set(name, parseFloat(value) > 0);
      } else {
        visit(child);
      }
    }
  };
  roots.forEach(visit);
  const spaced = new Set<string>();
  for (const name of new Set([...parent.keys(), ...own.keys()])) {
    let at: string | undefined = name;
    for (let hops = 0; at !== undefined && hops < 20; hops++) {
      if (own.has(at)) {
        if (own.get(at)) spaced.add(name);
        break;
      }
      at = parent.get(at);
    }
  }
  return spaced;
}
