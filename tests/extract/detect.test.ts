import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectContainer, detectMarkup } from '../../pipeline/extract/detect-format.ts';
import { parseSource } from '../../pipeline/parse/parse-source.ts';

const DIR = 'tests/fixtures/formats/ah-tk-20202021-3235/';
const FILES = {
  xml: readFileSync(`${DIR}ah-tk-20202021-3235.xml`),
  html: readFileSync(`${DIR}ah-tk-20202021-3235.html`),
  pdf: readFileSync(`${DIR}ah-tk-20202021-3235.pdf`),
  odt: readFileSync(`${DIR}ah-tk-20202021-3235.odt`),
};

describe('the rendering comes from the content, not the name', () => {
  it.each([
    ['xml', 'ob-xml'],
    ['html', 'ob-html'],
    ['pdf', 'pdf'],
    ['odt', 'odt'],
  ] as const)('%s saved as download.txt is read as %s', async (kind, format) => {
    const result = await parseSource({
      path: 'documents/ah-tk-20202021-3235.download.txt',
      bytes: FILES[kind],
    });
    expect(result.document?.source.format).toBe(format);
    expect(result.document?.questions).toHaveLength(9);
  });

  it('detects containers and markup', () => {
    expect(detectContainer(FILES.pdf)).toBe('pdf');
    expect(detectContainer(FILES.odt)).toBe('zip');
    expect(detectContainer(FILES.xml)).toBe('text');
    expect(detectMarkup(FILES.xml.toString('utf8'))).toBe('xml');
    // The repository HTML starts with an XML declaration and an XHTML DOCTYPE.
    expect(detectMarkup(FILES.html.toString('utf8'))).toBe('html');
    expect(detectMarkup('\n  <div class="vraag"><p>x</p></div>')).toBe('html');
    expect(detectMarkup('Vraag 1\n<b>Kent u</b>')).toBeNull();
  });
});

describe('--format overrides detection', () => {
  it('ob-xml forces the XML reader on a file of any name', async () => {
    const result = await parseSource(
      { path: 'documents/x.bin', bytes: FILES.xml },
      { format: 'ob-xml' },
    );
    expect(result.document?.source.format).toBe('ob-xml');
  });

  it('a forced format that does not fit the bytes is an error, not a guess', async () => {
    const asPdf = await parseSource(
      { path: 'documents/x.xml', bytes: FILES.xml },
      { format: 'pdf' },
    );
    expect(asPdf.document).toBeNull();
    expect(asPdf.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'extract/not-pdf',
      file: 'documents/x.xml',
    });
    const asOdt = await parseSource(
      { path: 'documents/x.pdf', bytes: FILES.pdf },
      { format: 'odt' },
    );
    expect(asOdt.document).toBeNull();
    expect(asOdt.diagnostics[0]).toMatchObject({ severity: 'error', file: 'documents/x.pdf' });
  });

  it('a text format reads the markup as plain text, not with the structured reader', async () => {
    const result = await parseSource(
      { path: 'documents/x.xml', bytes: FILES.html },
      { format: 'page-text' },
    );
    if (result.document) expect(result.document.source.format).toBe('page-text');
    else expect(result.diagnostics.find((d) => d.severity === 'error')?.code).toMatch(/^parse\//);
  });
});
