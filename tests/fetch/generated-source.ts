// A generated SRU source of many Aanhangsels for the stand-in: each record is the recorded
// ah-tk record under another identifier and modification date, its publication and metadata
// the recorded files under that identifier. The service lists by identifier, as KOOP's does
// (FORMATS.md §1.1), so listing order and modification order differ.
import { AH_ID, AH_RECORD, readFixture, rewriteUrls, sruPage, type Reply } from './sru-stand-in.ts';
import { shiftDate } from '../../pipeline/fetch/fetch-state.ts';

const XML = readFixture(`ob-xml/${AH_ID}/1/xml/${AH_ID}.xml`);
const METADATA = readFixture(`ob-xml/${AH_ID}/1/metadata/metadata.xml`);
const RECORDED_DATE = '2021-07-22';

export interface GeneratedRecord {
  id: string;
  modified: string;
}

/** `count` records over `days` days from `from`, in a scrambled but fixed order of dates. */
export function generateRecords(count: number, from = '2020-01-01', days = 90): GeneratedRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `ah-tk-20192020-${10_000 + i}`,
    modified: shiftDate(from, (i * 37) % days),
  }));
}

const recordXml = (r: GeneratedRecord): string =>
  AH_RECORD.replaceAll(AH_ID, r.id).replaceAll(RECORDED_DATE, r.modified);

/** The stand-in's `sru` and `resolve` for these records (`records` may change between runs). */
export function generatedSource(records: () => readonly GeneratedRecord[]) {
  const sru = (start: number, base: string, query: string, params: URLSearchParams) => {
    const since = /dt\.modified>="(\d{4}-\d{2}-\d{2})"/.exec(query)?.[1] ?? '';
    const size = Number(params.get('maximumRecords') ?? '10');
    const matching = records()
      .filter((r) => r.modified >= since)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const page = matching.slice(start - 1, start - 1 + size).map(recordXml);
    const next = start + size <= matching.length ? start + size : undefined;
    return rewriteUrls(
      sruPage(page, {
        numberOfRecords: matching.length,
        ...(next === undefined ? {} : { nextRecordPosition: next }),
      }),
      base,
    );
  };
  const resolve = (path: string): Reply | null => {
    const match = /\/(ah-tk-\d{8}-\d+)\/1\/(xml|metadata)\/[^/]+$/.exec(path);
    if (!match || !records().some((r) => r.id === match[1])) return null;
    const id = match[1] as string;
    return { body: (match[2] === 'xml' ? XML : METADATA).replaceAll(AH_ID, id) };
  };
  return { sru, resolve };
}
