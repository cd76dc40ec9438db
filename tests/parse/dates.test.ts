import { describe, expect, it } from 'vitest';
import { daysBetween, parseAnyDate, parseDutchDate } from '../../pipeline/parse/common/dates.ts';

describe('parseDutchDate', () => {
  it.each([
    ['13 april 2021', '2021-04-13'],
    ['ontvangen 10 september 2019', '2019-09-10'],
    ['(ontvangen13 augustus 2024)', '2024-08-13'],
    ['ingezonden 1 oktober 2021).', '2021-10-01'],
    ['29 februari 2024', '2024-02-29'],
    ['3 Maart 2015', '2015-03-03'],
    ['4 feb. 2025', '2025-02-04'],
    ['31 december 2023', '2023-12-31'],
  ])('%s → %s', (text, iso) => {
    expect(parseDutchDate(text)).toEqual({ date: iso, problem: null });
  });

  it.each([
    ['31 februari 2021', /not a calendar date/],
    ['29 februari 2023', /not a calendar date/],
    ['31 april 2021', /not a calendar date/],
    ['12 brumaire 2021', /not a Dutch month name/],
    ['ontvangen', /no date/],
  ])('%s → null with a reason', (text, reason) => {
    const result = parseDutchDate(text);
    expect(result.date).toBeNull();
    expect(result.problem).toMatch(reason);
  });

  it('reads ISO dates from metadata too', () => {
    expect(parseAnyDate('2019-09-10')).toEqual({ date: '2019-09-10', problem: null });
    expect(parseAnyDate('2021-02-31').date).toBeNull();
  });
});

describe('daysBetween', () => {
  it.each([
    ['2019-07-18', '2019-09-10', 54],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-12-31', '2024-01-01', 1],
    ['2024-01-01', '2024-01-01', 0],
  ])('%s → %s = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('is null when a date is unknown or the order reversed', () => {
    expect(daysBetween(null, '2024-01-01')).toBeNull();
    expect(daysBetween('2024-01-02', '2024-01-01')).toBeNull();
  });
});
