import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetadataXml } from '../../pipeline/parse/xml/read-metadata.ts';

const DIR = 'tests/fixtures/formats/';
const read = (name: string) => readMetadataXml(readFileSync(`${DIR}${name}`, 'utf8'), name);

describe('readMetadataXml', () => {
  it('metadata.xml of an answer (flat name/content pairs)', () => {
    expect(read('ah-tk-20202021-3235/ah-tk-20202021-3235.metadata.xml')).toEqual({
      diagnostics: [],
      metadata: {
        id: 'ah-tk-20202021-3235',
        title: 'Antwoord op vragen van de leden Van Weyenberg, Romke de Jong en Kat over de Tozo',
        chamber: 'Tweede Kamer',
        sessionYear: '2020-2021',
        number: 3235,
        caseNumber: '2021Z09739',
        submitted: null,
        received: '2021-06-21',
        type: 'answer',
        isKamervragen: true,
        publication: 'Aanhangsel van de Handelingen',
        url: null,
        submitters: ['S.P.R.A. van Weyenberg', 'R.H. (Romke) de Jong', 'H. Kat'],
      },
    });
  });

  it('metadata_owms.xml of the same answer gives the same fields', () => {
    const flat = read('ah-tk-20202021-3235/ah-tk-20202021-3235.metadata.xml').metadata;
    const owms = read('ah-tk-20202021-3235/ah-tk-20202021-3235.metadata_owms.xml').metadata;
    expect(owms).toMatchObject({
      id: flat?.id,
      caseNumber: flat?.caseNumber,
      sessionYear: flat?.sessionYear,
      chamber: flat?.chamber,
      isKamervragen: true,
    });
  });

  it('metadata_owms.xml of questions without answer (kv-tk)', () => {
    expect(read('kv-tk-2020Z13248.metadata_owms.xml').metadata).toMatchObject({
      id: 'kv-tk-2020Z13248',
      type: 'questions',
      caseNumber: '2020Z13248',
      sessionYear: '2019-2020',
      submitted: '2020-07-02',
      chamber: 'Tweede Kamer',
      isKamervragen: true,
    });
  });

  it('says when the metadata is of another publication', () => {
    expect(read('not-kamervragen/kst-32545-143.metadata.xml').metadata).toMatchObject({
      id: 'kst-32545-143',
      isKamervragen: false,
      type: null,
    });
    expect(read('not-kamervragen/opmeta1.xml').metadata).toMatchObject({
      isKamervragen: false,
      publication: 'Gemeenteblad',
    });
  });

  it('refuses a file that is not metadata', () => {
    const { metadata, diagnostics } = read('ah-tk-20202021-3235/ah-tk-20202021-3235.xml');
    expect(metadata).toBeNull();
    expect(diagnostics).toMatchObject([{ code: 'extract/metadata-unknown' }]);
  });
});
