import { describe, expect, it } from 'vitest';
import { buildVocabulary, decideHyphen } from '../../pipeline/parse/common/dehyphenate.ts';
import { assembleText, type TextState } from '../../pipeline/parse/text/assemble.ts';

const emptyVocabulary = buildVocabulary([]);

describe('decideHyphen (a word broken at a line end)', () => {
  it.each([
    // left, right, document lines, decision
    ['emotieherkenningssoft', 'ware', ['leveren zij emotieherkenningssoftware aan'], 'join'],
    ['dual', 'useverordening', ['de Europese dual-useverordening is'], 'keep'],
    ['verantwoorde', 'lijk', [], 'join'],
    ['mensenrechten', 'schendingen', [], 'join'],
    ['interceptie', 'en', [], 'suspended'],
    ['Noord', 'Holland', [], 'keep'],
    ['motie', 'Simons', [], 'keep'],
    ['COVID', '19', [], 'keep'],
    ['EU', 'landen', [], 'keep'],
    ['politie', 'inzet', [], 'keep'],
    ['zee', 'egel', [], 'keep'],
    ['oud', 'minister', [], 'keep'],
    ['niet', 'ambtenaren', [], 'keep'],
    ['wense', 'lijk', [], 'join'],
  ])('%s- + %s → %s', (left, right, lines, decision) => {
    expect(decideHyphen(left, right, lines.length ? buildVocabulary(lines) : emptyVocabulary)).toBe(
      decision,
    );
  });
});

describe('assembleText', () => {
  const state = (lines: string[], footnotes: number[] = []): TextState => ({
    vocab: buildVocabulary(lines),
    footnoteNumbers: new Set(footnotes),
    seen: new Set(),
    width: 80,
  });

  it('joins hyphenated line ends, keeps compounds the document spells with a hyphen, keeps paragraphs', () => {
    const lines = [
      'Klopt het dat twee Nederlandse technologiebedrijven emotieherkenningssoft-',
      'ware hebben geleverd? Klopt het dat zij emotieherkenningssoftware leveren',
      'via de Europese dual-useverordening en de dual-',
      'useverordening van 2021?',
      'Tweede alinea.',
    ];
    const { text } = assembleText(lines, state(lines));
    expect(text).toBe(
      'Klopt het dat twee Nederlandse technologiebedrijven emotieherkenningssoftware hebben geleverd? Klopt het dat zij emotieherkenningssoftware leveren via de Europese dual-useverordening en de dual-useverordening van 2021?\n\nTweede alinea.',
    );
  });

  it('removes glued footnote markers and records them', () => {
    const lines = [
      'Bent u bekend met het bericht «Berucht»?1',
      'En met de berichten van organisaties2 die',
      'waarschuwen (in juli 20233)?',
    ];
    const result = assembleText(lines, state(lines, [1, 2, 3]));
    expect(result.footnotes).toEqual([1, 2, 3]);
    expect(result.text).toBe(
      'Bent u bekend met het bericht «Berucht»?\n\nEn met de berichten van organisaties die waarschuwen (in juli 2023)?',
    );
  });

  it('takes a marker pushed to the next line (pypdf) and leaves numbers in running text alone', () => {
    const lines = [
      'Kent u de berichten «A» en «B»?',
      '1, 2 ',
      'Er zijn 7 oktober 554 diensten geteld.',
    ];
    const result = assembleText(lines, state(lines, [1, 2]));
    expect(result.footnotes).toEqual([1, 2]);
    expect(result.text).toBe(
      'Kent u de berichten «A» en «B»?\n\nEr zijn 7 oktober 554 diensten geteld.',
    );
  });
});
