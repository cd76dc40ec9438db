import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractOdtText } from '../../pipeline/extract/odt-text.ts';
import { parseSource } from '../../pipeline/parse/parse-source.ts';

// Variants of the real ODT of ah-tk-20202021-3235, rebuilt with fflate the way an office suite
// writes them (mimetype first and stored).
const DIR = 'tests/fixtures/formats/ah-tk-20202021-3235/';
const ODT = readFileSync(`${DIR}ah-tk-20202021-3235.odt`);
const XML = readFileSync(`${DIR}ah-tk-20202021-3235.xml`, 'utf8');

function withContent(edit: (content: string) => string): Uint8Array {
  const { mimetype, ...files } = unzipSync(ODT);
  const before = strFromU8(files['content.xml']!);
  const after = edit(before);
  if (after === before) throw new Error('variant edit did not apply');
  files['content.xml'] = strToU8(after);
  return zipSync({ mimetype: [mimetype!, { level: 0 }], ...files });
}

describe('ODT', () => {
  it('keeps paragraphs, drops nothing, and gaps only where the style has space above', () => {
    const extracted = extractOdtText(ODT, 'x.odt');
    expect(extracted.ok).toBe(true);
    if (!extracted.ok) return;
    // "Vraag 2" has fo:margin-top 3.76 mm; the question text under it has none.
    expect(extracted.text).toMatch(
      /\n\nVraag 2\nKunt u toelichten waarom het rentepercentage voor de TOZO-lening op 2% is gesteld\?\n\nAntwoord 2\n/,
    );
    expect(extracted.text).toContain('Aanhangsel van de Handelingen');
  });

  it('a footnote (text:note) gives the same footnote and marker as the XML <noot>', async () => {
    const note = 'NOS, 3 juni 2021 (https://nos.nl/artikel/2383611).';
    const odt = withContent((c) =>
      c.replace(
        'ander rentepercentage kennen?</text:p>',
        `ander rentepercentage kennen?<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">${note}</text:p></text:note-body></text:note></text:p>`,
      ),
    );
    const xml = XML.replace(
      'ander rentepercentage kennen?',
      `ander rentepercentage kennen?<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>${note}</noot.al></noot>`,
    );
    const fromOdt = (await parseSource({ path: 'documents/ah-tk-20202021-3235.odt', bytes: odt }))
      .document!;
    const fromXml = (
      await parseSource({
        path: 'documents/ah-tk-20202021-3235.xml',
        bytes: new TextEncoder().encode(xml),
      })
    ).document!;
    expect(fromOdt.footnotes).toEqual([
      { number: 1, text: note, urls: ['https://nos.nl/artikel/2383611'] },
    ]);
    expect(fromOdt.footnotes).toEqual(fromXml.footnotes);
    expect(fromOdt.questions[0]).toEqual(fromXml.questions[0]);
  });

  it('an ODT without content.xml is an error naming the file', async () => {
    const { mimetype } = unzipSync(ODT);
    const bytes = zipSync({ mimetype: [mimetype!, { level: 0 }], 'styles.xml': strToU8('<x/>') });
    const result = await parseSource({ path: 'documents/empty.odt', bytes });
    expect(result.document).toBeNull();
    expect(result.diagnostics).toMatchObject([
      { severity: 'error', code: 'extract/odt-no-content', file: 'documents/empty.odt' },
    ]);
  });
});
