import { describe, expect, it } from 'vitest';
import { extractUrls, joinLines } from '../../pipeline/parse/common/urls.ts';
import { findReferences } from '../../pipeline/parse/common/references.ts';
import { splitFootnotes } from '../../pipeline/parse/text/footnotes.ts';
import { PAGE } from '../../pipeline/parse/text/lines.ts';

describe('splitFootnotes', () => {
  it('takes "N text" lines at a page bottom and joins a URL broken over two lines', () => {
    const lines = [
      'Vraag 1',
      'Bent u bekend met het bericht?1',
      '1 https://www.rtlnieuws.nl/tech/artikel/5202012/huawei-testte-software-voor-herkenning-',
      'gezichten-oeigoeren',
      PAGE,
      'Antwoord',
      'Ja.',
    ];
    const { body, footnotes } = splitFootnotes(lines, 0);
    expect(body).toEqual(['Vraag 1', 'Bent u bekend met het bericht?1', PAGE, 'Antwoord', 'Ja.']);
    expect(footnotes).toHaveLength(1);
    expect(joinLines(footnotes[0]?.lines ?? [])).toBe(
      'https://www.rtlnieuws.nl/tech/artikel/5202012/huawei-testte-software-voor-herkenning-gezichten-oeigoeren',
    );
  });

  it('pairs poppler number lines with the texts printed after them', () => {
    const lines = [
      'Antwoord 3',
      'Zie de brief.2 En de nota.3',
      '',
      '2',
      '3',
      '',
      'Kamerstukken II 2023/24, 36 410 IV, nr. 15',
      'Kamerstukken II 2023/24, 36 410 IV, nr. 49',
      PAGE,
    ];
    const { footnotes } = splitFootnotes(lines, 0);
    expect(footnotes.map((f) => [f.number, f.lines.join(' ')])).toEqual([
      [2, 'Kamerstukken II 2023/24, 36 410 IV, nr. 15'],
      [3, 'Kamerstukken II 2023/24, 36 410 IV, nr. 49'],
    ]);
  });

  it('leaves running text that starts with a number in the body (a heading follows on the page)', () => {
    const lines = [
      'Antwoord 2',
      'Op',
      '1 juli is het besluit genomen.',
      'Vraag 3',
      'Waarom?',
      PAGE,
    ];
    const { body, footnotes } = splitFootnotes(lines, 0);
    expect(footnotes).toEqual([]);
    expect(body).toEqual([...lines]);
  });

  it('rejects a pushed marker line when the real footnote with that number follows', () => {
    const lines = [
      'Antwoord 1',
      'is vastgelegd.',
      '1 De wetgever heeft beoogd',
      'dat het zo is.',
      '1Kamerstukken II 1985/86, 19 495, nr. 3.',
      PAGE,
    ];
    const { body, footnotes } = splitFootnotes(lines, 0);
    expect(footnotes.map((f) => f.number)).toEqual([1]);
    expect(footnotes[0]?.lines).toEqual(['Kamerstukken II 1985/86, 19 495, nr. 3.']);
    expect(body).toContain('1 De wetgever heeft beoogd');
  });
});

describe('joinLines', () => {
  it.each([
    [
      ['(https://', 'www.utwente.nl/nieuws/2023/12/rapport#kamermotie).'],
      '(https://www.utwente.nl/nieuws/2023/12/rapport#kamermotie).',
    ],
    [
      [
        'https://www.hrw.org/news/2017/11/19/china-police-big-data-systems-violate-privacy-target-',
        'dissent',
      ],
      'https://www.hrw.org/news/2017/11/19/china-police-big-data-systems-violate-privacy-target-dissent',
    ],
    [
      ['NOS, 10 januari 2024 (https://nos.nl/artikel/', '2504446-ambtenaren).'],
      'NOS, 10 januari 2024 (https://nos.nl/artikel/2504446-ambtenaren).',
    ],
    [['Kamerstuk 36 200 IV,', 'nr. 25.'], 'Kamerstuk 36 200 IV, nr. 25.'],
    [
      ['zie https://www.rijksoverheid.nl.', 'Daarna meer.'],
      'zie https://www.rijksoverheid.nl. Daarna meer.',
    ],
  ])('%j', (lines, joined) => {
    expect(joinLines(lines)).toBe(joined);
  });
});

describe('extractUrls', () => {
  it.each([
    [
      'Binnenlands Bestuur (https://www.binnenlandsbestuur.nl/ruimte-en-milieu/friese-ambtenaren).',
      ['https://www.binnenlandsbestuur.nl/ruimte-en-milieu/friese-ambtenaren'],
    ],
    [
      'NOS (nos.nl/nieuwsuur/artikel/2504446-ambtenaren).',
      ['nos.nl/nieuwsuur/artikel/2504446-ambtenaren'],
    ],
    [
      'zie https://en.wikipedia.org/wiki/Foo_(bar) en www.rijksoverheid.nl.',
      ['https://en.wikipedia.org/wiki/Foo_(bar)', 'www.rijksoverheid.nl'],
    ],
    ['Kamerstuk 21 501-20, nr. 1596', []],
  ])('%s', (text, urls) => {
    expect(extractUrls(text)).toEqual(urls);
  });
});

describe('findReferences', () => {
  it('reads Kamerstukken, Aanhangsels and case numbers', () => {
    expect(
      findReferences(
        'Kamerstuk 21 501-20, nr. 1596; Kamerstukken II 2023/24, 36 410 IV, nr. 15; Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137; Aanhangsel Handelingen II 2019/20, nr. 123; kenmerk 2019Z12806',
      ),
    ).toEqual([
      {
        kind: 'kamerstuk',
        text: 'Kamerstuk 21 501-20, nr. 1596',
        dossier: '21501-20',
        number: 1596,
        identifier: 'kst-21501-20-1596',
      },
      {
        kind: 'kamerstuk',
        text: 'Kamerstukken II 2023/24, 36 410 IV, nr. 15',
        dossier: '36410-IV',
        number: 15,
        identifier: 'kst-36410-IV-15',
      },
      {
        kind: 'aanhangsel',
        text: 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137',
        dossier: null,
        number: 1137,
        identifier: 'ah-tk-20232024-1137',
      },
      {
        kind: 'aanhangsel',
        text: 'Aanhangsel Handelingen II 2019/20, nr. 123',
        dossier: null,
        number: 123,
        identifier: 'ah-tk-20192020-123',
      },
      { kind: 'case', text: '2019Z12806', dossier: null, number: null, identifier: '2019Z12806' },
    ]);
  });
});
