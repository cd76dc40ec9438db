import { describe, expect, it } from 'vitest';
import { parseAnswerer } from '../../pipeline/parse/common/answerer.ts';
import { parseAskers } from '../../pipeline/parse/common/askers.ts';
import { parseHeader } from '../../pipeline/parse/common/header.ts';
import { expandOffices } from '../../pipeline/parse/common/offices.ts';

describe('parseAskers', () => {
  it.each([
    ['Sjoerdsma (D66)', [['Sjoerdsma', 'D66']]],
    [
      'Omtzigt (CDA), Gesthuizen (SP) en Schouw (D66)',
      [
        ['Omtzigt', 'CDA'],
        ['Gesthuizen', 'SP'],
        ['Schouw', 'D66'],
      ],
    ],
    [
      'Minhas en Rudmer Heerema (beiden VVD)',
      [
        ['Minhas', 'VVD'],
        ['Rudmer Heerema', 'VVD'],
      ],
    ],
    [
      'Rajkowski, Brekelmans en Michon-Derkzen (allen VVD)',
      [
        ['Rajkowski', 'VVD'],
        ['Brekelmans', 'VVD'],
        ['Michon-Derkzen', 'VVD'],
      ],
    ],
    [
      'Kops, Dijk en Klaver (allen GroenLinks-PvdA)',
      [
        ['Kops', 'GroenLinks-PvdA'],
        ['Dijk', 'GroenLinks-PvdA'],
        ['Klaver', 'GroenLinks-PvdA'],
      ],
    ],
    ['Van den Nieuwenhuijzen (GroenLinks)', [['Van den Nieuwenhuijzen', 'GroenLinks']]],
    [
      'Van der Wal-Zeggelink (VVD) en Van Haga (Groep Van Haga)',
      [
        ['Van der Wal-Zeggelink', 'VVD'],
        ['Van Haga', 'Groep Van Haga'],
      ],
    ],
    ['Faber-van de Klashorst(PVV)', [['Faber-van de Klashorst', 'PVV']]],
    [
      'Lisa van Ginneken (D66), Hind Dekker-Abdulaziz (D66)',
      [
        ['Lisa van Ginneken', 'D66'],
        ['Hind Dekker-Abdulaziz', 'D66'],
      ],
    ],
    ['Sjoerdsma', [['Sjoerdsma', null]]],
  ])('%s', (phrase, expected) => {
    expect(parseAskers(phrase)).toEqual(expected.map(([name, party]) => ({ name, party })));
  });
});

describe('expandOffices', () => {
  it.each([
    [
      'de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
      ['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking'],
    ],
    [
      'de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Binnenlandse Zaken en Koninkrijksrelaties',
      [
        'Staatssecretaris van Volksgezondheid, Welzijn en Sport',
        'Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties',
      ],
    ],
    [
      'de Ministers van Landbouw, Natuur en Voedselkwaliteit en voor Natuur en Stikstof',
      ['Minister van Landbouw, Natuur en Voedselkwaliteit', 'Minister voor Natuur en Stikstof'],
    ],
    [
      'de Minister van Binnenlandse Zaken en Koninkrijksrelaties en de Staatssecretaris van Veiligheid en Justitie',
      [
        'Minister van Binnenlandse Zaken en Koninkrijksrelaties',
        'Staatssecretaris van Veiligheid en Justitie',
      ],
    ],
    [
      'de Minister-President en de ministers van Buitenlandse Zaken, van Binnenlandse Zaken en Koninkrijksrelaties en van Onderwijs, Cultuur en Wetenschap',
      [
        'Minister-President',
        'minister van Buitenlandse Zaken',
        'minister van Binnenlandse Zaken en Koninkrijksrelaties',
        'minister van Onderwijs, Cultuur en Wetenschap',
      ],
    ],
    ['de Minister Justitie en Veiligheid', ['Minister Justitie en Veiligheid']],
  ])('%s', (phrase, offices) => {
    expect(expandOffices(phrase)).toEqual(offices);
  });
});

describe('parseAnswerer', () => {
  it('reads role, name, portfolio and "mede namens"', () => {
    expect(
      parseAnswerer(
        'Minister Kaag (Buitenlandse Handel en Ontwikkelingssamenwerking), mede namens de Minister van Buitenlandse Zaken',
      ),
    ).toEqual({
      answerer: {
        role: 'Minister',
        name: 'Kaag',
        portfolio: 'Buitenlandse Handel en Ontwikkelingssamenwerking',
      },
      coAnswerers: ['Minister van Buitenlandse Zaken'],
      problems: [],
    });
  });

  it('capitalises a lower-case role and gives [] without "mede namens"', () => {
    expect(parseAnswerer('minister Blok (Buitenlandse Zaken)')).toEqual({
      answerer: { role: 'Minister', name: 'Blok', portfolio: 'Buitenlandse Zaken' },
      coAnswerers: [],
      problems: [],
    });
  });

  it('keeps names with tussenvoegsels and reads "mede namens" without a comma', () => {
    const r = parseAnswerer(
      'Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties) mede namens de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Justitie en Veiligheid',
    );
    expect(r.answerer).toEqual({
      role: 'Staatssecretaris',
      name: 'Van Huffelen',
      portfolio: 'Binnenlandse Zaken en Koninkrijksrelaties',
    });
    expect(r.coAnswerers).toEqual([
      'Staatssecretaris van Volksgezondheid, Welzijn en Sport',
      'Staatssecretaris van Justitie en Veiligheid',
    ]);
  });

  it('gives null co-answerers and a problem when a second minister is named without "mede namens"', () => {
    const r = parseAnswerer(
      'Minister Bruins Slot (BZ) van Minister Schreinemacher (Buitenlandse Handel en Ontwikkelingssamenwerking)',
    );
    expect(r.answerer).toEqual({ role: 'Minister', name: 'Bruins Slot', portfolio: 'BZ' });
    expect(r.coAnswerers).toBeNull();
    expect(r.problems[0]).toMatch(/more than one answerer/);
  });
});

describe('parseHeader', () => {
  it('reads the whole header of an answer', () => {
    const h = parseHeader(
      'Vragen van het lid Sjoerdsma (D66) aan de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking over het bericht «Berucht Chinees veiligheidsministerie gebruikt Nederlandse software die emoties leest» (ingezonden 18 juli 2019). Antwoord van Minister Kaag (Buitenlandse Handel en Ontwikkelingssamenwerking), mede namens de Minister van Buitenlandse Zaken (ontvangen 10 september 2019).',
    );
    expect(h).toMatchObject({
      askers: [{ name: 'Sjoerdsma', party: 'D66' }],
      addressees: ['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking'],
      title:
        'het bericht «Berucht Chinees veiligheidsministerie gebruikt Nederlandse software die emoties leest»',
      submitted: '2019-07-18',
      answered: '2019-09-10',
      reply: 'answer',
      coAnswerers: ['Minister van Buitenlandse Zaken'],
      problems: [],
    });
  });

  it('keeps the first "over" as the start of the title and reads glued dates', () => {
    const h = parseHeader(
      'Vragen van het lid X (SP) aan de Minister van Justitie en Veiligheid over het rapport over de zorg dat werd ontdekt(ingezonden 2 augustus 2023) Antwoord van Minister Y (Justitie en Veiligheid) (ontvangen13 augustus 2023)',
    );
    expect(h.title).toBe('het rapport over de zorg dat werd ontdekt');
    expect(h.submitted).toBe('2023-08-02');
    expect(h.answered).toBe('2023-08-13');
  });

  it('leaves what the text does not state null', () => {
    const h = parseHeader(
      'Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 13 april 2021)',
    );
    expect(h).toMatchObject({
      askers: null,
      addressees: null,
      title: null,
      submitted: null,
      answered: '2021-04-13',
    });
  });

  it('reports an impossible date and leaves it null', () => {
    const h = parseHeader(
      'Vragen van het lid X (SP) aan de Minister van Financiën over iets (ingezonden 31 februari 2021).',
    );
    expect(h.submitted).toBeNull();
    expect(h.problems).toEqual([
      { field: '/submitted', message: expect.stringMatching(/not a calendar date/) },
    ]);
  });

  it('recognises a postponement notice', () => {
    const h = parseHeader(
      'Vragen van het lid X (SP) aan de Minister van Financiën over iets (ingezonden 3 maart 2021). Mededeling van Minister Hoekstra (Financiën) (ontvangen 24 maart 2021)',
    );
    expect(h.reply).toBe('postponement');
    expect(h.answered).toBe('2021-03-24');
  });

  it('recognises a supplementary answer', () => {
    const h = parseHeader(
      'Nader antwoord van Minister Hoekstra (Financiën) (ontvangen 24 maart 2021)',
    );
    expect(h.reply).toBe('supplementary_answer');
    expect(h.answerer).toEqual({ role: 'Minister', name: 'Hoekstra', portfolio: 'Financiën' });
  });
});
