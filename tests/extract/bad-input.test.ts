import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSource, type ParseResult } from '../../pipeline/parse/parse-source.ts';
import { runCli } from '../support/run-cli.ts';

const DIR = 'tests/fixtures/formats/';
const XML = readFileSync(`${DIR}ah-tk-20202021-3235/ah-tk-20202021-3235.xml`);
const PDF = readFileSync(`${DIR}ah-tk-20202021-3235/ah-tk-20202021-3235.pdf`);
const ODT = readFileSync(`${DIR}ah-tk-20202021-3235/ah-tk-20202021-3235.odt`);
const utf8 = (s: string) => new TextEncoder().encode(s);

// Every bad input gives document null and an error diagnostic that names the file; nothing throws.
function expectRefused(result: ParseResult, path: string, code: string | RegExp, line?: number) {
  expect(result.document).toBeNull();
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  const error = errors[0]!;
  expect(error.file).toBe(path);
  expect(error.code).toMatch(code);
  expect(error.message.length).toBeGreaterThan(10);
  if (line !== undefined) expect(error.line).toBe(line);
}

const xmlText = new TextDecoder().decode(XML);
const cases: {
  name: string;
  path: string;
  bytes: Uint8Array;
  code: string | RegExp;
  line?: number;
}[] = [
  {
    name: 'empty file',
    path: 'documents/empty.xml',
    bytes: new Uint8Array(0),
    code: 'extract/empty',
  },
  {
    name: 'binary junk',
    path: 'documents/junk.txt',
    // Deterministic junk: bytes 0..255 repeated, as a corrupted download would hold.
    bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256),
    code: 'extract/binary',
  },
  {
    name: '".pdf" that is text',
    path: 'documents/fake.pdf',
    bytes: utf8('Vraag 1\nIs dit een PDF?\n'),
    code: 'extract/not-pdf',
  },
  {
    name: 'truncated PDF',
    path: 'documents/truncated.pdf',
    bytes: PDF.subarray(0, 20_000),
    code: /extract\/pdf-/,
  },
  {
    name: 'PDF magic followed by junk',
    path: 'documents/junk.pdf',
    bytes: utf8('%PDF-1.7\n' + 'x'.repeat(500)),
    code: /extract\/pdf-/,
  },
  {
    name: '".odt" that is not a zip',
    path: 'documents/fake.odt',
    bytes: utf8('<office:document/>'),
    code: 'extract/not-odt',
  },
  {
    name: 'truncated ODT',
    path: 'documents/truncated.odt',
    bytes: ODT.subarray(0, 3000),
    code: /extract\/(zip-unreadable|odt-no-content)/,
  },
  {
    name: 'zip that is no ODT',
    path: 'documents/archive.zip',
    bytes: zipSync({ mimetype: strToU8('application/epub+zip'), 'content.xml': strToU8('<x/>') }),
    code: 'extract/not-odt',
  },
  {
    name: 'Word document (DOCX)',
    path: 'documents/antwoord.docx',
    bytes: zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(
        '<w:document><w:body><w:p><w:r><w:t>Vraag 1</w:t></w:r></w:p></w:body></w:document>',
      ),
    }),
    code: 'extract/not-odt',
  },
  {
    name: 'truncated XML (line of the unclosed element)',
    path: 'documents/truncated.xml',
    bytes: XML.subarray(0, 3000),
    code: 'extract/xml-malformed',
    line: xmlText.slice(0, 3000).split('\n').length,
  },
  {
    name: 'XML that stops mid-element (the last line, naming the open element)',
    path: 'documents/stops.xml',
    bytes: XML.subarray(0, xmlText.indexOf('Antwoord 4</nr>') + 4),
    code: 'extract/xml-malformed',
    line: xmlText.slice(0, xmlText.indexOf('Antwoord 4</nr>') + 4).split('\n').length,
  },
  {
    name: 'XML with an empty <kamervragen/>',
    path: 'documents/empty-root.xml',
    bytes: utf8('<officiele-publicatie><kamervragen/></officiele-publicatie>'),
    code: 'parse/no-questions',
  },
  {
    name: 'XML with an external entity (XXE)',
    path: 'documents/xxe.xml',
    bytes: utf8(
      '<?xml version="1.0"?>\n<!DOCTYPE kamervragen [\n<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<kamervragen>&x;</kamervragen>\n',
    ),
    code: 'extract/xml-doctype',
    line: 2,
  },
  {
    name: 'XML entity expansion bomb',
    path: 'documents/laughs.xml',
    bytes: utf8(
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<kamervragen>&lol2;</kamervragen>',
    ),
    code: 'extract/xml-doctype',
  },
  {
    name: 'XML referring to an undefined entity (no DOCTYPE keyword)',
    path: 'documents/entity.xml',
    bytes: utf8(xmlText.replace('<al>Klopt het dat', '<al>&passwd; Klopt het dat')),
    code: 'extract/xml-entity',
    line: xmlText.slice(0, xmlText.indexOf('<al>Klopt het dat')).split('\n').length,
  },
  {
    name: 'XML nested absurdly deep',
    path: 'documents/deep.xml',
    bytes: utf8(`<kamervragen>${'<al>'.repeat(5000)}x${'</al>'.repeat(5000)}</kamervragen>`),
    code: 'extract/too-deep',
  },
];

describe('bad input is refused with a diagnostic, never a crash', () => {
  for (const c of cases) {
    it(c.name, async () => {
      expectRefused(await parseSource({ path: c.path, bytes: c.bytes }), c.path, c.code, c.line);
    });
  }

  it('the real truncated XML is reported where it breaks off, not as a partial record', async () => {
    // Cut inside the answers: a parser reading what is there would return 2 of 9 answers.
    const cut = xmlText.indexOf('<nr status="officieel">Vraag 3</nr>');
    const result = await parseSource({
      path: 'documents/cut.xml',
      bytes: utf8(xmlText.slice(0, cut)),
    });
    expectRefused(result, 'documents/cut.xml', 'extract/xml-malformed');
    expect(result.diagnostics[0]!.message).toMatch(/ends before <vraag> is closed/);
    expect(result.diagnostics[0]!.line).toBe(xmlText.slice(0, cut).split('\n').length);
  });
});

describe('invisible characters in structured renderings', () => {
  it('zero-width and bidi controls are dropped from names, titles and text', async () => {
    const xml = xmlText
      .replace('<achternaam>Kat</achternaam>', '<achternaam>K\u200bat\u200d</achternaam>')
      .replace('(allen D66)', '(allen D\u200c66)')
      .replace('<kamervraagonderwerp>de TOZO', '<kamervraagonderwerp>de \u202eTOZO\u202c')
      .replace('Klopt het dat', 'Klopt\u2066 het dat');
    const result = await parseSource({ path: 'documents/x.xml', bytes: utf8(xml) });
    const doc = result.document!;
    expect(doc.askers).toContainEqual({ name: 'Kat', party: 'D66' });
    expect(doc.askers!.every((a) => a.party === 'D66')).toBe(true);
    expect(doc.title).toBe('de TOZO');
    expect(doc.questions[0]!.text).toMatch(/^Klopt het dat/);
  });
});

describe('publications that are not Kamervragen', () => {
  const files = [
    ['not-kamervragen/kst-32545-143.xml', /kamerstuk/],
    ['not-kamervragen/kst-32545-143.html', /Kamerstuk/],
    // UTF-8 BOM + CRLF, as published
    ['not-kamervragen/stcrt.xml', /staatscourant/],
    ['not-kamervragen/stb.xml', /staatsblad/],
    ['not-kamervragen/stcrt.html', /Staatscourant/],
    ['not-kamervragen/opmeta1.xml', /metadata file/],
    ['not-kamervragen/opmeta2.xml', /metadata file/],
  ] as const;
  for (const [name, what] of files) {
    it(name, async () => {
      const path = `${DIR}${name}`;
      const result = await parseSource({ path, bytes: readFileSync(path) });
      expectRefused(result, path, 'extract/not-kamervragen');
      expect(result.diagnostics[0]!.message).toMatch(/not a Kamervragen document|metadata file/);
      expect(result.diagnostics[0]!.message).toMatch(what);
    });
  }
});

describe('kamervragen parse on bad files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kv-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file on stderr and exits non-zero, without a stack trace', async () => {
    const file = join(dir, 'broken.pdf');
    writeFileSync(file, PDF.subarray(0, 5000));
    const result = await runCli(['parse', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/error extract\/pdf-/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
