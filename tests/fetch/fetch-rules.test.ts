// Small rules of the fetcher, one line per case.
import { describe, expect, it } from 'vitest';
import {
  advanceState,
  modifiedSince,
  parseFetchState,
  serializeFetchState,
  shiftDate,
} from '../../pipeline/fetch/fetch-state.ts';
import { retryAfterMs } from '../../pipeline/fetch/polite-client.ts';
import { isAllowedUrl, isSafeIdentifier } from '../../pipeline/fetch/select-records.ts';
import { buildQuery, buildSearchUrl } from '../../pipeline/fetch/sru-query.ts';
import { parseSruResponse } from '../../pipeline/fetch/sru-response.ts';
import { parseXml } from '../../pipeline/fetch/xml-tree.ts';
import { readFixture } from './sru-stand-in.ts';

describe('identifiers as file names', () => {
  it.each([
    ['ah-tk-20202021-3235', true],
    ['kv-tk-2020Z13248', true],
    ['kv-2989900822', true],
    ['../x', false],
    ['a/b', false],
    ['a\\b', false],
    ['.git', false],
    ['a..b', false],
    ['', false],
    ['x'.repeat(129), false],
    ['ah tk', false],
  ])('%s → %s', (id, safe) => expect(isSafeIdentifier(id)).toBe(safe));
});

describe('hosts the fetcher follows', () => {
  const sru = 'http://127.0.0.1:8080';
  it.each([
    ['https://repository.overheid.nl/frbr/x.xml', true],
    ['https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3235.xml', true],
    ['http://repository.overheid.nl/frbr/x.xml', false],
    ['https://repository.overheid.nl:8443/x', false],
    ['https://repository.overheid.nl.evil.example/x', false],
    ['https://user:pw@repository.overheid.nl/x', false],
    ['http://127.0.0.1:8080/repository.overheid.nl/x', true],
    ['http://127.0.0.1:8081/x', false],
    ['http://localhost:8080/x', false],
  ])('%s → %s', (url, allowed) => expect(isAllowedUrl(new URL(url), sru)).toBe(allowed));
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Mon, 23 Nov 2026 10:00:30 GMT', 30_000],
    ['Mon, 23 Nov 2026 09:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('%s → %s', (header, ms) => expect(retryAfterMs(header, now)).toBe(ms));
});

describe('watermark', () => {
  it('overlaps one day, and --since wins', () => {
    expect(modifiedSince({ watermark: '2021-03-01', seen: {} }, null)).toBe('2021-02-28');
    expect(modifiedSince({ watermark: '2021-03-01', seen: {} }, '2020-01-01')).toBe('2020-01-01');
    expect(modifiedSince({ watermark: null, seen: {} }, null)).toBeNull();
    expect(shiftDate('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('never moves back, and forgets versions older than the overlap', () => {
    const state = advanceState(
      {
        watermark: '2021-07-22',
        seen: { old: '2021-07-01T10:00:00+02:00', recent: '2021-07-21T23:30:00+02:00' },
      },
      [{ identifier: 'backfilled', modified: '2019-01-01', version: '2019-01-01T09:00:00+01:00' }],
    );
    expect(state).toEqual({
      watermark: '2021-07-22',
      seen: { recent: '2021-07-21T23:30:00+02:00' },
    });
  });
  it('round-trips through its file, byte-stable', () => {
    const text = serializeFetchState({ watermark: '2021-07-22', seen: { b: '2', a: '1' } });
    expect(text).toBe(
      '{\n  "watermark": "2021-07-22",\n  "seen": {\n    "a": "1",\n    "b": "2"\n  }\n}\n',
    );
    expect(serializeFetchState(parseFetchState(text, 'state'))).toBe(text);
  });
  it.each([
    'not json',
    '{"watermark": "22-07-2021"}',
    '{"watermark": "2021-02-30"}',
    '{"watermark": null, "seen": {"a": 1}}',
  ])('refuses %s', (text) => {
    expect(() => parseFetchState(text, 'state/fetch-state.json')).toThrow(
      expect.objectContaining({ code: 'fetch/state' }),
    );
  });
});

describe('SRU request', () => {
  it('encodes the CQL query and the SRU 2.0 parameters', () => {
    const query = buildQuery({ modifiedSince: '2026-11-20', chamber: 'ek' });
    expect(query).toBe(
      'c.product-area=="officielepublicaties" and (w.publicatienaam=="Kamervragen (Aanhangsel)" or w.publicatienaam=="Kamervragen zonder antwoord") and dt.creator=="Eerste Kamer der Staten-Generaal" and dt.modified>="2026-11-20"',
    );
    const url = new URL(buildSearchUrl('https://repository.overheid.nl/sru', query, 11, 10));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      operation: 'searchRetrieve',
      version: '2.0',
      recordSchema: 'gzd',
      startRecord: '11',
      maximumRecords: '10',
      query,
    });
    expect(buildQuery({ modifiedSince: null, chamber: 'all' })).not.toMatch(
      /dt\.(creator|modified)/,
    );
  });
});

describe('SRU response', () => {
  it('reads the recorded Aanhangsel record by namespace, whatever the prefixes', () => {
    const recorded = readFixture('sru/sru-response-integration-mock-urls.xml');
    // The same response with other prefixes (srw:, dc:) and the SRU namespace as the default.
    const renamed = recorded
      .replaceAll('<sru:', '<')
      .replaceAll('</sru:', '</')
      .replace('xmlns:sru=', 'xmlns=')
      .replaceAll('dcterms:', 'dc:')
      .replace('xmlns:dcterms=', 'xmlns:dc=');
    expect(renamed).not.toContain('<sru:');
    for (const text of [recorded, renamed]) {
      const page = parseSruResponse(text, 'sru');
      expect(page.ok).toBe(true);
      if (!page.ok) continue;
      const ah = page.records.find((r) => r.identifier === 'ah-tk-20202021-3235');
      expect(ah).toMatchObject({
        publicationName: 'Kamervragen (Aanhangsel)',
        creator: 'Tweede Kamer der Staten-Generaal',
        modified: '2021-07-22',
        version: '2021-07-22T13:03:34.3574627+02:00',
      });
      expect(ah?.manifestations.xml).toMatch(/\/xml\/ah-tk-20202021-3235\.xml$/);
      expect(page.nextRecordPosition).toBeNull();
    }
  });
  it('reports an SRU diagnostic answered with status 200', () => {
    const body =
      '<?xml version="1.0"?><searchRetrieveResponse xmlns="http://docs.oasis-open.org/ns/search-ws/sruResponse"><version>2.0</version><diagnostics><diagnostic xmlns="http://docs.oasis-open.org/ns/search-ws/diagnostic"><uri>info:srw/diagnostic/1/10</uri><message>Query syntax error</message></diagnostic></diagnostics></searchRetrieveResponse>';
    const page = parseSruResponse(body, 'sru');
    expect(page).toMatchObject({
      ok: false,
      diagnostics: [
        {
          code: 'fetch/sru-diagnostic',
          message: expect.stringContaining('info:srw/diagnostic/1/10'),
        },
      ],
    });
  });
  it('refuses entity declarations', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><r>&b;</r>';
    expect(parseXml(bomb)).toMatchObject({
      ok: false,
      message: expect.stringContaining('DOCTYPE'),
    });
    expect(parseXml('<r xmlns:x="urn:x"><x:a>1 &amp; 2 &#233;</x:a></r>')).toMatchObject({
      ok: true,
      root: { children: [{ ns: 'urn:x', name: 'a', text: '1 & 2 é' }] },
    });
  });
});
