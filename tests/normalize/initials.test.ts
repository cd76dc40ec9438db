import { describe, expect, it } from 'vitest';
import { initialsFor, splitSubmitter } from '../../pipeline/normalize/initials.ts';

// The indiener values of the recorded metadata.xml (tests/fixtures ah-tk-20202021-3235).
const SUBMITTERS = ['S.P.R.A. van Weyenberg', 'R.H. (Romke) de Jong', 'H. Kat'];

describe('initials from metadata.xml', () => {
  it('splits initials, a bracketed given name and the surname', () => {
    expect(splitSubmitter('R.H. (Romke) de Jong')).toEqual({
      initials: 'R.H.',
      surname: 'de Jong',
    });
    expect(splitSubmitter('S.P.R.A. van Weyenberg')).toEqual({
      initials: 'S.P.R.A.',
      surname: 'van Weyenberg',
    });
    expect(splitSubmitter('Kat')).toBeNull();
  });

  it('gives each printed asker the initials of the one indiener with that surname', () => {
    const askers = [{ name: 'Van Weyenberg' }, { name: 'Romke de Jong' }, { name: 'Kat' }];
    expect(initialsFor(askers, SUBMITTERS)).toEqual(['S.P.R.A.', 'R.H.', 'H.']);
  });

  it('gives none where the surname is not there, or is there twice', () => {
    expect(initialsFor([{ name: 'Omtzigt' }], SUBMITTERS)).toEqual([null]);
    expect(initialsFor([{ name: 'Van Dijk' }], ['I. van Dijk', 'J.J. van Dijk'])).toEqual([null]);
  });
});
