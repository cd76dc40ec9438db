import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import type { Document } from '../../pipeline/types.ts';

// Variants of the real publication ah-tk-20202021-3235, each changed the way other real
// publications differ from it (footnotes, grouped answers, Mededelingen, older element names).
const DIR = 'tests/fixtures/formats/ah-tk-20202021-3235/';
const XML = readFileSync(`${DIR}ah-tk-20202021-3235.xml`, 'utf8');
const METADATA = readFileSync(`${DIR}ah-tk-20202021-3235.metadata.xml`);

async function parseXml(
  xml: string,
  path = 'documents/ah-tk-20202021-3235.xml',
  metadataXml?: Uint8Array,
) {
  const result = await parseSource({
    path,
    bytes: new TextEncoder().encode(xml),
    ...(metadataXml ? { sidecars: { metadataXml } } : {}),
  });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { document: result.document!, diagnostics: result.diagnostics };
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`variant edit did not apply: ${String(from)}`);
  return out;
}

/** Removes the <antwoord> block whose heading is `heading`. */
function dropAnswer(xml: string, heading: string): string {
  return replaceOnce(
    xml,
    new RegExp(`\\s*<antwoord>\\s*<nr status="officieel">${heading}</nr>[\\s\\S]*?</antwoord>`),
    '',
  );
}

const codes = (doc: Document) => doc.warnings.map((w) => w.code);

describe('officielebekendmakingen XML', () => {
  it('takes the id, session year and number from the content when the file name has none', async () => {
    const { document } = await parseXml(XML, 'documents/download (1).xml');
    expect(document).toMatchObject({
      id: 'ah-tk-20202021-3235',
      session_year: '2020-2021',
      number: 3235,
      chamber: 'Tweede Kamer',
    });
  });

  it('reads the chamber from the kop: kameraanduiding, else kamernummer', async () => {
    const ek = replaceOnce(
      XML,
      'Tweede Kamer der Staten-Generaal</tekstregel>',
      'Eerste Kamer der Staten-Generaal</tekstregel>',
    );
    expect((await parseXml(ek)).document.chamber).toBe('Eerste Kamer');
    const bare = replaceOnce(XML, /<tekstregel inhoud="kameraanduiding">[^<]*<\/tekstregel>/, '');
    expect((await parseXml(bare)).document.chamber).toBe('Tweede Kamer');
    const none = replaceOnce(bare, /<tekstregel inhoud="kamernummer">[^<]*<\/tekstregel>/, '');
    expect((await parseXml(none, 'documents/x.xml')).document.chamber).toBeNull();
  });

  it('a name marked <naam> is taken whole, even with a comma, "en" or brackets in it', async () => {
    const xml = replaceOnce(
      XML,
      '<naam><achternaam>Kat</achternaam></naam>',
      '<naam><achternaam>Kat (de jongere), Van Dam en Co</achternaam></naam>',
    ).replace(
      'Antwoord van Minister <naam><achternaam>Koolmees</achternaam></naam>',
      'Antwoord van Minister <naam><achternaam>Koolmees (SZW), senior</achternaam></naam>',
    );
    const { document } = await parseXml(xml);
    expect(document.askers).toEqual([
      { name: 'Van Weyenberg', party: 'D66' },
      { name: 'Romke de Jong', party: 'D66' },
      { name: 'Kat (de jongere), Van Dam en Co', party: 'D66' },
    ]);
    expect(document.answerer).toEqual({
      role: 'Minister',
      name: 'Koolmees (SZW), senior',
      portfolio: 'Sociale Zaken en Werkgelegenheid',
    });
  });

  it('footnotes: markers leave the text, bodies and URLs go to footnotes', async () => {
    const xml = replaceOnce(
      XML,
      'maar beide wel een ander rentepercentage kennen?',
      'maar beide wel een ander rentepercentage kennen?<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>NOS, 3 juni 2021 (<extref doc="https://nos.nl/artikel/2383611" soort="URL" status="actief">https://nos.nl/artikel/2383611</extref>), zie ook www.rijksoverheid.nl/tozo.</noot.al></noot>',
    );
    const { document } = await parseXml(xml);
    expect(document.questions[0]!.text).toMatch(/rentepercentage kennen\?$/);
    expect(document.questions[0]!.footnotes).toEqual([1]);
    expect(document.footnotes).toEqual([
      {
        number: 1,
        text: 'NOS, 3 juni 2021 (https://nos.nl/artikel/2383611), zie ook www.rijksoverheid.nl/tozo.',
        urls: ['https://nos.nl/artikel/2383611', 'www.rijksoverheid.nl/tozo'],
      },
    ]);
  });

  it('a grouped answer ("Antwoord 2 en 3") covers both questions', async () => {
    let xml = dropAnswer(XML, 'Antwoord 3');
    xml = replaceOnce(
      xml,
      '<nr status="officieel">Antwoord 2</nr>',
      '<nr status="officieel">Antwoord 2 en 3</nr>',
    );
    // Move the grouped answer after question 3, where publications print it.
    const block =
      /\s*<antwoord>\s*<nr status="officieel">Antwoord 2 en 3<\/nr>[\s\S]*?<\/antwoord>/.exec(
        xml,
      )![0];
    xml = xml.replace(block, '');
    xml = replaceOnce(xml, /(<nr status="officieel">Vraag 3<\/nr>[\s\S]*?<\/vraag>)/, `$1${block}`);
    const { document } = await parseXml(xml);
    expect(document.answers.map((a) => a.questions)).toEqual([
      [1],
      [2, 3],
      [4],
      [5],
      [6],
      [7],
      [8],
      [9],
    ]);
    expect(codes(document)).not.toContain('parse/unanswered');
  });

  it('a bare "Antwoord" answers the question printed before it', async () => {
    const { document } = await parseXml(
      replaceOnce(
        XML,
        '<nr status="officieel">Antwoord 5</nr>',
        '<nr status="officieel">Antwoord</nr>',
      ),
    );
    expect(document.answers[4]!.questions).toEqual([5]);
  });

  it('a combined question block is split when it has one paragraph per number, else kept whole with a warning', async () => {
    const merge = (xml: string) =>
      replaceOnce(
        xml,
        /<nr status="officieel">Vraag 2<\/nr>\s*(<al>[\s\S]*?<\/al>)\s*<\/vraag>[\s\S]*?<nr status="officieel">Vraag 3<\/nr>\s*(<al>[\s\S]*?<\/al>)/,
        '<nr status="officieel">Vraag 2, 3</nr>$1$2',
      );
    const split = await parseXml(merge(dropAnswer(XML, 'Antwoord 2')));
    expect(split.document.questions.slice(1, 3).map((q) => [q.number, q.numbers])).toEqual([
      [2, [2]],
      [3, [3]],
    ]);
    expect(split.document.questions[2]!.text).toMatch(
      /^Kunt u toelichten waarom het rentepercentage voor BBZ-krediet/,
    );

    const whole = await parseXml(
      merge(dropAnswer(XML, 'Antwoord 2')).replace(
        '</al><al>Kunt u toelichten waarom het rentepercentage voor BBZ',
        ' Kunt u toelichten waarom het rentepercentage voor BBZ',
      ),
    );
    expect(whole.document.questions[1]).toMatchObject({ number: 2, numbers: [2, 3] });
    expect(codes(whole.document)).toContain('parse/combined-question');
  });

  it('a question without an answer is a warning, not an error', async () => {
    const { document, diagnostics } = await parseXml(dropAnswer(XML, 'Antwoord 9'));
    expect(document.questions).toHaveLength(9);
    expect(document.answers).toHaveLength(8);
    expect(document.warnings).toContainEqual(
      expect.objectContaining({ code: 'parse/unanswered', field: '/questions/8' }),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'parse/unanswered' }),
    );
  });

  it('questions without answer (kv-tk) have type "questions" and no reply fields', async () => {
    let xml = XML.replace(/\s*<antwoord>[\s\S]*?<\/antwoord>/g, '');
    xml = replaceOnce(
      xml,
      /\s*<kamervraagomschrijving type="antwoord">[\s\S]*?<\/kamervraagomschrijving>/,
      '',
    );
    const { document } = await parseXml(xml, 'documents/kv-tk-2021Z09739.xml');
    expect(document).toMatchObject({
      type: 'questions',
      answered: null,
      answerer: null,
      response_days: null,
      submitted: '2021-06-03',
    });
    expect(document.questions).toHaveLength(9);
    expect(codes(document)).not.toContain('parse/unanswered');
  });

  it('a Mededeling (uitstel antwoord) is a postponement', async () => {
    let xml = XML.replace(/\s*<antwoord>[\s\S]*?<\/antwoord>/g, '');
    xml = replaceOnce(
      xml,
      /<kamervraagomschrijving type="antwoord">[\s\S]*?<\/kamervraagomschrijving>/,
      '<kamervraagomschrijving type="antwoord">Mededeling van Minister <naam><achternaam>Koolmees</achternaam></naam> (<organisatie>Sociale Zaken en Werkgelegenheid</organisatie>) (ontvangen <datum isodatum="2021-06-24">24 juni 2021</datum>).</kamervraagomschrijving><kamervraagopmerking><al>De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.</al></kamervraagopmerking>',
    );
    const { document } = await parseXml(xml);
    expect(document).toMatchObject({ type: 'postponement', answered: '2021-06-24', answers: [] });
    expect(document.answerer).toMatchObject({ role: 'Minister', name: 'Koolmees' });
  });

  it('a nader antwoord is a supplementary answer; "mede namens" gives co-answerers', async () => {
    const xml = replaceOnce(
      XML,
      /Antwoord van Minister (<naam>[\s\S]*?<\/naam>) \((<organisatie[\s\S]*?<\/organisatie>)\)/,
      'Nader antwoord van Minister $1 ($2), mede namens de Minister van Economische Zaken en Klimaat en de Staatssecretaris van Financiën',
    );
    const { document } = await parseXml(xml);
    expect(document.type).toBe('supplementary_answer');
    expect(document.co_answerers).toEqual([
      'Minister van Economische Zaken en Klimaat',
      'Staatssecretaris van Financiën',
    ]);
  });

  it('older element names (<nummer>, <omschr>) and processing instructions read the same', async () => {
    const old = XML.replace(/<nr status="officieel">([^<]*)<\/nr>/g, '<nummer>$1</nummer>')
      .replace(/<(\/?)kamervraagomschrijving/g, '<$1omschr')
      .replace('Klopt het dat', 'Klopt <?xpp qa?>het dat');
    const a = await parseXml(XML);
    const b = await parseXml(old);
    expect({ ...b.document, source: null }).toEqual({ ...a.document, source: null });
  });

  it('a table in an answer gives one paragraph per row, cells apart', async () => {
    const table =
      '<tabel><tgroup cols="2"><thead><row><entry><al>Regeling</al></entry><entry><al>Rente</al></entry></row></thead>' +
      '<tbody><row><entry><al>Tozo</al></entry><entry><al>2%</al></entry></row><row><entry>Bbz</entry><entry>8%</entry></row></tbody></tgroup></tabel>';
    const xml = replaceOnce(
      XML,
      /(<nr status="officieel">Antwoord 8<\/nr>\s*<al>[^<]*<\/al>)/,
      `$1${table}`,
    );
    const { document } = await parseXml(xml);
    expect(document.answers[7]!.text.split('\n\n').slice(1)).toEqual([
      'Regeling | Rente',
      'Tozo | 2%',
      'Bbz | 8%',
    ]);
  });

  it('references to parliamentary papers in the answers are listed', async () => {
    const xml = replaceOnce(
      XML,
      'Staatsblad 2020, 118</extref>)',
      'Staatsblad 2020, 118</extref>; Kamerstuk 35 420, nr. 9)',
    );
    const { document } = await parseXml(xml);
    expect(document.references).toContainEqual(
      expect.objectContaining({ kind: 'kamerstuk', dossier: '35420', number: 9 }),
    );
  });

  it('metadata.xml fills the zaak number; a disagreement keeps the printed value and warns', async () => {
    const same = await parseXml(XML, undefined, METADATA);
    expect(same.document.case_number).toBe('2021Z09739');
    expect(same.document.warnings).toEqual([]);
    const other = new TextEncoder().encode(
      new TextDecoder().decode(METADATA).replace('content="2020-2021"', 'content="2019-2020"'),
    );
    const conflict = await parseXml(XML, undefined, other);
    expect(conflict.document.session_year).toBe('2020-2021');
    expect(conflict.document.warnings).toContainEqual(
      expect.objectContaining({ code: 'metadata/conflict', field: '/session_year' }),
    );
  });

  it('a broken metadata.xml costs the metadata, not the document', async () => {
    const result = await parseSource({
      path: 'documents/ah-tk-20202021-3235.xml',
      bytes: new TextEncoder().encode(XML),
      sidecars: { metadataXml: new TextEncoder().encode('<metadata_gegevens><metadata name="x"') },
    });
    expect(result.document?.id).toBe('ah-tk-20202021-3235');
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'extract/xml-malformed',
        file: 'documents/ah-tk-20202021-3235.metadata.xml',
      }),
    );
  });
});

describe('older officielebekendmakingen XML', () => {
  // The form AmCAT's Kamervragen scrapers (2012) read: a <vragen> body, <omschr> headers,
  // <nummer> headings, and footnotes as <noot nr="1"> referred to by <nootref nr="1"/>, or as
  // <noot id="n2"> referred to by <nootref refid="n2"/>.
  const older = XML.replace(/<(\/?)kamervragen>/g, '<$1vragen>')
    .replace(/<(\/?)kamervraagomschrijving/g, '<$1omschr')
    .replace(/<nr status="officieel">([^<]*)<\/nr>/g, '<nummer>$1</nummer>')
    .replace('ander rentepercentage kennen?', 'ander rentepercentage kennen?<nootref nr="1"/>')
    .replace('op 2% is gesteld?', 'op 2% is gesteld?<nootref refid="n2"/>')
    .replace(
      '</vragen>',
      '<noot nr="1">NOS, 3 juni 2021, https://nos.nl/artikel/2383611</noot><noot id="n2"><noot.al>Staatsblad 2020, 118</noot.al></noot></vragen>',
    );

  it('reads the same questions and answers, and the footnotes by nr and by refid', async () => {
    const a = await parseXml(XML);
    const b = await parseXml(older);
    expect(b.document.answers).toEqual(a.document.answers);
    expect(b.document.questions.map((q) => [q.number, q.text])).toEqual(
      a.document.questions.map((q) => [q.number, q.text]),
    );
    expect(b.document.questions[0]!.footnotes).toEqual([1]);
    expect(b.document.questions[1]!.footnotes).toEqual([2]);
    expect(b.document.footnotes).toEqual([
      {
        number: 1,
        text: 'NOS, 3 juni 2021, https://nos.nl/artikel/2383611',
        urls: ['https://nos.nl/artikel/2383611'],
      },
      { number: 2, text: 'Staatsblad 2020, 118', urls: [] },
    ]);
    expect({ ...b.document, questions: null, footnotes: null, source: null }).toEqual({
      ...a.document,
      questions: null,
      footnotes: null,
      source: null,
    });
  });
});
