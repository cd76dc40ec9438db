import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import type { Document, SourceFormat } from '../../pipeline/types.ts';
import { runCli } from '../support/run-cli.ts';

// One publication, ah-tk-20202021-3235, in the four manifestations officielebekendmakingen
// serves (XML, HTML, PDF, ODT): the record must come out the same from each.
const DIR = 'tests/fixtures/formats/ah-tk-20202021-3235/';
const ID = 'ah-tk-20202021-3235';
const metadataXml = readFileSync(`${DIR}${ID}.metadata.xml`);

const RENDERINGS: [string, SourceFormat][] = [
  [`${ID}.xml`, 'ob-xml'],
  [`${ID}.html`, 'ob-html'],
  [`${ID}.pdf`, 'pdf'],
  [`${ID}.odt`, 'odt'],
];

async function parse(name: string, withMetadata: boolean): Promise<Document> {
  const path = `${DIR}${name}`;
  const bytes = readFileSync(path);
  const result = await parseSource({
    path,
    bytes,
    ...(withMetadata ? { sidecars: { metadataXml } } : {}),
  });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.document).not.toBeNull();
  return result.document!;
}

// Fields that legitimately differ between renderings:
// - source (path, format, sha256): it is a different file;
// - whitespace inside question/answer text: XML and HTML mark every paragraph (<al>, <p>) and
//   give "\n\n" between them, while the PDF and ODT layouts show no gap between the two
//   paragraphs of answer 9, so their text joins them with a space. Texts are compared with
//   whitespace collapsed;
// - warnings: each rendering reports its own oddities (none expected here).
function comparable(doc: Document) {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  return {
    ...doc,
    source: null,
    warnings: null,
    questions: doc.questions.map((q) => ({ ...q, text: flat(q.text) })),
    answers: doc.answers.map((a) => ({ ...a, text: flat(a.text) })),
    footnotes: doc.footnotes.map((f) => ({ ...f, text: flat(f.text) })),
  };
}

describe('cross-format agreement on ah-tk-20202021-3235', () => {
  it('gives the same record from XML, HTML, PDF and ODT (with metadata.xml beside each)', async () => {
    const docs = await Promise.all(RENDERINGS.map(([name]) => parse(name, true)));
    docs.forEach((doc, i) => expect(doc.source.format).toBe(RENDERINGS[i]![1]));
    const [xml, ...others] = docs.map(comparable);
    for (const other of others) expect(other).toEqual(xml);
  });

  it('reads every field the publication states from the XML', async () => {
    const doc = await parse(`${ID}.xml`, true);
    // Values checked by hand against the printed publication (PDF page 1).
    expect(doc).toMatchObject({
      id: ID,
      type: 'answer',
      chamber: 'Tweede Kamer',
      session_year: '2020-2021',
      number: 3235,
      case_number: '2021Z09739',
      title: 'de TOZO',
      askers: [
        { name: 'Van Weyenberg', party: 'D66' },
        { name: 'Romke de Jong', party: 'D66' },
        { name: 'Kat', party: 'D66' },
      ],
      addressees: ['Minister van Sociale Zaken en Werkgelegenheid'],
      submitted: '2021-06-03',
      answered: '2021-06-21',
      response_days: 18,
      answerer: {
        role: 'Minister',
        name: 'Koolmees',
        portfolio: 'Sociale Zaken en Werkgelegenheid',
      },
      co_answerers: [],
      warnings: [],
    });
    expect(doc.questions.map((q) => q.numbers)).toEqual([
      [1],
      [2],
      [3],
      [4],
      [5],
      [6],
      [7],
      [8],
      [9],
    ]);
    expect(doc.answers.map((a) => a.questions)).toEqual([
      [1],
      [2],
      [3],
      [4],
      [5],
      [6],
      [7],
      [8],
      [9],
    ]);
    expect(doc.questions[0]!.text).toMatch(
      /^Klopt het dat de Tijdelijke overbruggingsregeling .* rentepercentage kennen\?$/,
    );
    expect(doc.answers[8]!.text.split('\n\n')).toHaveLength(2);
    // The PDF hyphenates "beperk-/tere"; the record must not.
    const pdf = await parse(`${ID}.pdf`, true);
    expect(pdf.answers[0]!.text).toContain('beperktere looptijd');
  });

  it('without metadata.xml, only what the content cannot state differs', async () => {
    const bare = await Promise.all(RENDERINGS.map(([name]) => parse(name, false)));
    const full = await Promise.all(RENDERINGS.map(([name]) => parse(name, true)));
    bare.forEach((doc, i) => {
      const format = RENDERINGS[i]![1];
      // The zaak number is only in the metadata (the HTML carries it in its <meta> head).
      expect(doc.case_number).toBe(format === 'ob-html' ? '2021Z09739' : null);
      expect({ ...comparable(doc), case_number: null }).toEqual({
        ...comparable(full[i]!),
        case_number: null,
      });
    });
  });

  it('prints the record through `kamervragen parse` (binary and markup rendering)', async () => {
    for (const [name, format] of RENDERINGS.filter(([, f]) => f === 'pdf' || f === 'ob-xml')) {
      const result = await runCli(['parse', `${DIR}${name}`]);
      expect(result.code, result.stderr).toBe(0);
      const doc = JSON.parse(result.stdout) as Document;
      expect(doc.source.format).toBe(format);
      expect(doc.questions).toHaveLength(9);
      expect(doc.answerer?.name).toBe('Koolmees');
      // The CLI reads the metadata.xml beside the file, as the build does.
      expect(doc.case_number).toBe('2021Z09739');
    }
  });
});
