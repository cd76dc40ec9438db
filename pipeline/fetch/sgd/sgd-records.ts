// Which SRU records of the Staten-Generaal Digitaal collection are historical Kamervragen, and
// where their OCR text is. Pure. The query asks for Aanhangsel items, but nothing the service
// says is trusted: product area, type, identifier and every URL are checked here again.
import type { SruRecord } from '../sru-response.ts';
import { isAllowedUrl } from '../select-records.ts';

export const SGD_PRODUCT_AREA = 'sgd';
/** dcterms:type of an Aanhangsel item; the same word the modern collection uses. */
export const DEFAULT_SGD_TYPE = 'Aanhangsel van de Handelingen';

const quote = (value: string): string => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export function buildSgdQuery(type: string): string {
  return `c.product-area==${SGD_PRODUCT_AREA} and dt.type==${quote(type)}`;
}

export interface SgdItem {
  /** The 10-digit SGD id, e.g. 0000211564. */
  sgdId: string;
  /** The file the OCR text is stored as: sgd-<id>.ocr.txt. */
  fileName: string;
  ocrUrl: string;
  /** The reading page of the item: https://zoek.officielebekendmakingen.nl/<id>/ocr. */
  pageUrl: string;
  title: string | null;
  type: string | null;
  modified: string | null;
  version: string | null;
}

export type SgdChoice = { ok: true; item: SgdItem } | { ok: false; why: string };

// The OCR manifestation by the names it may carry; the first present wins.
const OCR_MANIFESTATIONS = ['ocr', 'txt', 'text'];

export function chooseSgdItem(record: SruRecord, sruOrigin: string): SgdChoice {
  const sgdId = /(\d{10})(?!.*\d{10})/.exec(record.identifier)?.[1];
  if (!sgdId)
    return { ok: false, why: `identifier "${record.identifier}" holds no 10-digit SGD id` };
  if (record.productArea !== null && record.productArea !== SGD_PRODUCT_AREA)
    return { ok: false, why: `product area is "${record.productArea}"` };
  // The type decides; only a record without one is judged by its publication name or title.
  const described = record.type ?? `${record.publicationName ?? ''} ${record.title ?? ''}`;
  if (!/aanhangsel/i.test(described))
    return {
      ok: false,
      why: `"${record.type ?? record.title ?? 'unknown'}" is not an Aanhangsel item`,
    };
  const name = OCR_MANIFESTATIONS.find((m) => record.manifestations[m]);
  const raw = name ? record.manifestations[name] : undefined;
  if (!raw) return { ok: false, why: 'the record has no OCR manifestation' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, why: 'its OCR URL is not a URL' };
  }
  if (!isAllowedUrl(url, sruOrigin))
    return { ok: false, why: `its OCR URL ${url.origin} is not an official host` };
  return {
    ok: true,
    item: {
      sgdId,
      fileName: `sgd-${sgdId}.ocr.txt`,
      ocrUrl: url.toString(),
      pageUrl: `https://zoek.officielebekendmakingen.nl/${sgdId}/ocr`,
      title: record.title,
      type: record.type,
      modified: record.modified,
      version: record.version,
    },
  };
}
