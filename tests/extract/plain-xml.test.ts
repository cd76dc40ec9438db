import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../pipeline/extract/decode-text.ts';
import { readPlainXml } from '../../pipeline/extract/read-plain-xml.ts';

// The one-pass reader must only ever be a shortcut: whatever it accepts, the full path
// (validator, reference check, htmlparser2) accepts too and reads into the same tree.

interface Plain {
  type: string;
  name?: string | undefined;
  attribs?: Record<string, string> | undefined;
  data?: string | undefined;
  children?: Plain[] | undefined;
}
type Node = Plain & { children?: Node[] };

function plain(node: Node): Plain {
  return {
    type: node.type,
    name: node.name,
    attribs: node.attribs,
    data: node.data,
    children: node.children?.map(plain),
  };
}

function fullPathAccepts(text: string): boolean {
  if (/<!(DOCTYPE|ENTITY)\b/i.test(text)) return false;
  if (XMLValidator.validate(text.trimStart(), { allowBooleanAttributes: false }) !== true)
    return false;
  const visible = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (m) =>
    m.replace(/[^\n]/g, ' '),
  );
  return !/&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/.test(visible);
}

/** True when the reader declined; else checks it agrees with the full path. */
function agrees(text: string): boolean {
  const body = text.trimStart();
  const fast = readPlainXml(body);
  if (fast === null) return true;
  expect(fullPathAccepts(text), text).toBe(true);
  expect(plain(fast as Node)).toEqual(
    plain(parseDocument(body, { xmlMode: true, decodeEntities: true }) as Node),
  );
  return false;
}

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xml'))
    .map((f) => join(dir, f));
}

describe('readPlainXml', () => {
  it('reads every well-formed XML of the tests as htmlparser2 does', () => {
    let read = 0;
    for (const file of xmlFiles('tests')) {
      const decoded = decodeText(readFileSync(file), file);
      if (decoded.ok && !agrees(decoded.text)) read++;
    }
    // The publications themselves all take the one-pass reader.
    expect(read).toBeGreaterThan(20);
  });

  it('declines what it does not know', () => {
    for (const text of [
      '<a><![CDATA[x]]></a>',
      '<a><?pi x?></a>',
      '<!DOCTYPE a><a/>',
      '<a>&foo;</a>',
      '<a>&#X41;</a>',
      '<a x="1" x="2"/>',
      '<a x=1/>',
      '<a x/>',
      '<a x="<"/>',
      '<a><b></a></b>',
      '<a>',
      '<a/><b/>',
      '<a/>x',
      'x<a/>',
      '<a><!-- a -- b --></a>',
      '<a __proto__="x"/>',
      '<a><!-- <!DOCTYPE a> --></a>',
      '<?xml version="1.0" <!ENTITY x?><a/>',
      '<a>' + '<b>'.repeat(300) + '</b>'.repeat(300) + '</a>',
    ]) {
      expect(readPlainXml(text), text).toBeNull();
    }
  });

  it('agrees with the full path on generated XML', () => {
    const name = fc.constantFrom('a', 'b', 'al', 'noot.nr', 'x:y', '_n', 'vraag', 'constructor');
    const text = fc.constantFrom(
      'tekst',
      ' ',
      '\n  ',
      '&amp;',
      '&lt;b&gt;',
      '&quot;&apos;',
      '&#65;',
      '&#x20AC;',
      '&#0;',
      '&#xD800;',
      '&#1114112;',
      '&#128;',
      'é’',
      '>',
      ']]>',
      '&',
      '&foo;',
      '<',
      '<!-- c -->',
      '<!-- <!ENTITY e "x"> -->',
      '<!---->',
      '<!-- - -->',
      '<![CDATA[ x ]]>',
      '<?pi?>',
    );
    const attribute = fc
      .tuple(
        fc.constantFrom(' ', '\n', '  '),
        name,
        fc.constantFrom('=', ' = '),
        fc.constantFrom('"v"', "'v'", '"a &amp; b"', '"it\'s"', '"x>y"', '""', 'v', '"&#10;"'),
      )
      .map((parts) => parts.join(''));
    const element: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
      el: fc
        .tuple(
          name,
          fc.array(attribute, { maxLength: 3 }),
          fc.constantFrom('', ' ', '\n'),
          fc.array(fc.oneof(text, tie('el')), { maxLength: 4 }),
          fc.boolean(),
        )
        .map(([n, attrs, space, content, selfClosing]) =>
          selfClosing && content.length === 0
            ? `<${n}${attrs.join('')}${space}/>`
            : `<${n}${attrs.join('')}${space}>${content.join('')}</${n}${space}>`,
        ),
    })).el;
    const documents = fc
      .tuple(
        fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0"?>'),
        fc.constantFrom('', '<!-- kop -->\n', '\n'),
        element,
        fc.constantFrom('', '\n', '<!-- eind -->', 'x', '<b/>'),
      )
      .map((parts) => parts.join(''));
    let read = 0;
    fc.assert(
      fc.property(documents, (doc) => {
        if (!agrees(doc)) read++;
      }),
      { numRuns: 3000 },
    );
    // Enough of the generated documents take the reader for the comparison to mean something.
    expect(read).toBeGreaterThan(300);
  });
});
