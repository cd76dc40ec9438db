import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';

// Variants of the real repository HTML of ah-tk-20202021-3235, changed to the layout of the
// zoek.officielebekendmakingen.nl pages (div.stuk, p.nummer headings, footnote pop-ups
// <div class="voet noot …"> with <span class="nootnum"> and markers <sup><a class="nootnum">).
const DIR = 'tests/fixtures/formats/ah-tk-20202021-3235/';
const HTML = readFileSync(`${DIR}ah-tk-20202021-3235.html`, 'utf8');
const XML = readFileSync(`${DIR}ah-tk-20202021-3235.xml`, 'utf8');

async function parse(text: string, path: string) {
  const result = await parseSource({ path, bytes: new TextEncoder().encode(text) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.document!;
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`variant edit did not apply: ${String(from)}`);
  return out;
}

describe('officielebekendmakingen HTML', () => {
  it('footnotes read the same from the HTML pop-ups as from the XML <noot>', async () => {
    let html = replaceOnce(
      HTML,
      /ander rentepercentage kennen\?\s*<\/p>/,
      'ander rentepercentage kennen?<sup><a class="nootnum supernote-click-ID-d1" href="#ID-d1">1</a></sup></p>',
    );
    html = replaceOnce(
      html,
      '</body>',
      `<div id="noten"><hr /><div class="voet noot snp-mouseoffset snb-pinned notedefault" id="supernote-note-ID-d1">
         <h5 class="note-close"><a class="note-close" href="#close-ID-d1">X</a> Noot</h5><sup><span class="nootnum"><a id="ID-d1" name="ID-d1"></a>1</span></sup>
         <p>NOS, 3 juni 2021 (<a href="https://nos.nl/artikel/2383611" title="link naar https://nos.nl/artikel/2383611" class="externe_link">https://nos.nl/artikel/2383611</a>).</p>
       </div></div></body>`,
    );
    const xml = replaceOnce(
      XML,
      'maar beide wel een ander rentepercentage kennen?',
      'maar beide wel een ander rentepercentage kennen?<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>NOS, 3 juni 2021 (<extref doc="https://nos.nl/artikel/2383611" soort="URL">https://nos.nl/artikel/2383611</extref>).</noot.al></noot>',
    );
    const fromHtml = await parse(html, 'documents/ah-tk-20202021-3235.html');
    const fromXml = await parse(xml, 'documents/ah-tk-20202021-3235.xml');
    expect(fromHtml.footnotes).toEqual([
      {
        number: 1,
        text: 'NOS, 3 juni 2021 (https://nos.nl/artikel/2383611).',
        urls: ['https://nos.nl/artikel/2383611'],
      },
    ]);
    expect(fromHtml.questions[0]!.footnotes).toEqual([1]);
    expect(fromHtml.questions[0]!.text).toMatch(/kennen\?$/);
    expect(fromHtml.footnotes).toEqual(fromXml.footnotes);
    expect(fromHtml.questions[0]!.text.replace(/\s+/g, ' ')).toBe(fromXml.questions[0]!.text);
  });

  it('the site layout (div.stuk, p.nummer headings) gives the same questions and answers', async () => {
    const site = HTML.replace(
      /<h2 class="stuktitel no-toc">(?:<a [^>]*><\/a>)?([^<]*)<\/h2>/g,
      '<p class="nummer">$1</p>',
    ).replace('<div id="broodtekst">', '<div id="broodtekst"><div class="stuk">');
    expect(site).not.toBe(HTML);
    const a = await parse(HTML, 'documents/ah-tk-20202021-3235.html');
    const b = await parse(site, 'documents/ah-tk-20202021-3235.html');
    expect(b.questions).toEqual(a.questions);
    expect(b.answers).toEqual(a.answers);
  });

  it('a table in an answer gives one paragraph per row, cells apart', async () => {
    const table =
      '<table><thead><tr><th>Regeling</th><th>Rente</th></tr></thead><tbody><tr><td><p>Tozo</p></td><td>2%</td></tr><tr><td>Bbz</td><td>8%</td></tr></tbody></table>';
    const html = replaceOnce(HTML, /(in alle gevallen 8%\.\s*<\/p>)/, `$1${table}`);
    const doc = await parse(html, 'documents/ah-tk-20202021-3235.html');
    expect(doc.answers[7]!.text.split('\n\n').slice(1)).toEqual([
      'Regeling | Rente',
      'Tozo | 2%',
      'Bbz | 8%',
    ]);
  });

  it('takes the id and zaak number from the <meta> head, whatever the file is called', async () => {
    const doc = await parse(HTML, 'documents/page.html');
    expect(doc).toMatchObject({
      id: 'ah-tk-20202021-3235',
      case_number: '2021Z09739',
      session_year: '2020-2021',
      number: 3235,
    });
  });

  it('an HTML page without the Kamervragen blocks is read as page text', async () => {
    // The text of the official page, put into plain paragraphs (another site's layout).
    const text = readFileSync('tests/corpus/kv-tk-2022Z04403.ob-html-text.txt', 'utf8');
    const paragraphs = text.split(/\n\s*\n|\n/).filter((p) => p.trim());
    const page = `<!DOCTYPE html><html><head><title>x</title><script>var a = "<p>Vraag 99</p>";</script></head><body><main>${paragraphs
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n')}</main></body></html>`;
    const doc = await parse(page, 'documents/kv-tk-2022Z04403.html');
    expect(doc.source.format).toBe('page-text');
    expect(doc.type).toBe('questions');
    expect(doc.questions.length).toBeGreaterThan(0);
    expect(doc.questions.map((q) => q.number)).not.toContain(99);
  });
});

describe('headings of the site layout', () => {
  it('reads bare numbers (<p class="nummer">3</p>) and answers headed "Vraag 2, 3"', async () => {
    // openkamer's reader of zoek.officielebekendmakingen.nl pages handles both forms.
    let html = HTML.replace(
      /<h2 class="stuktitel no-toc">(?:<a [^>]*><\/a>)?(?:Vraag|Antwoord) (\d+)\s*<\/h2>/g,
      '<p class="nummer">$1</p>',
    );
    // Answer 2 answers questions 2 and 3 in this variant, and says so the site's way.
    html = replaceOnce(
      html,
      /(<div class="antwoord">\s*)<p class="nummer">2<\/p>/,
      '$1<h2>Vraag 2, 3</h2>',
    );
    html = replaceOnce(
      html,
      /<div class="antwoord">\s*<p class="nummer">3<\/p>[\s\S]*?<\/div>/,
      '',
    );
    const doc = await parse(html, 'documents/ah-tk-20202021-3235.html');
    expect(doc.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doc.answers.map((a) => a.questions)).toEqual([
      [1],
      [2, 3],
      [4],
      [5],
      [6],
      [7],
      [8],
      [9],
    ]);
    expect(doc.answers[1]!.text).toMatch(/^Bij de invoering van de Tozo/);
  });
});
