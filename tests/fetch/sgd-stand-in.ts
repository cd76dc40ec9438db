// Records of the historical collection for the local stand-in. No SGD response was recorded:
// each record is the recorded Aanhangsel record (FORMATS.md §1.3) with what SGD items carry in
// third-party harvesters of the same service: product area "sgd", a 10-digit id, and an OCR
// manifestation under repository.overheid.nl/frbr/sgd/<vergaderjaar>/<id>/1/ocr/.
import { readFileSync } from 'node:fs';
import { AH_RECORD } from './sru-stand-in.ts';

export interface SgdFixture {
  id: string;
  vergaderjaar: string;
  type?: string;
  /** Served as text/plain (the page text) or as XML, one <p> per line. */
  as: 'text' | 'xml';
}

export const ocrPath = (f: SgdFixture) =>
  `/repository.overheid.nl/frbr/sgd/${f.vergaderjaar}/${f.id}/1/ocr/${f.id}.${f.as === 'xml' ? 'xml' : 'txt'}`;

export function sgdRecord(f: SgdFixture, base: string, position: number): string {
  const enriched = `<gzd:enrichedData>
                        <gzd:preferredUrl>https://zoek.officielebekendmakingen.nl/${f.id}/ocr</gzd:preferredUrl>
                        <gzd:itemUrl manifestation="ocr">${base}${ocrPath(f)}</gzd:itemUrl>
                        <gzd:timestamp>2019-03-01T10:00:00+01:00</gzd:timestamp>
                    </gzd:enrichedData>`;
  return AH_RECORD.replace(/<dcterms:identifier>[^<]*</, `<dcterms:identifier>${f.id}<`)
    .replace(/(<dcterms:type[^>]*>)[^<]*</, `$1${f.type ?? 'Aanhangsel van de Handelingen'}<`)
    .replace(
      /<overheidwetgeving:publicatienaam>[^<]*</,
      `<overheidwetgeving:publicatienaam>${f.type ?? 'Aanhangsel'}<`,
    )
    .replace(/<c:product-area>[^<]*</, '<c:product-area>sgd<')
    .replace(/<c:content-area>[^<]*</, `<c:content-area>sgd/${f.vergaderjaar}<`)
    .replace(
      /<cd:datumTijdstipWijzigingExpression>[^<]*</,
      '<cd:datumTijdstipWijzigingExpression>2019-03-01T10:00:00+01:00<',
    )
    .replace(/<gzd:enrichedData>[\s\S]*<\/gzd:enrichedData>/, enriched)
    .replace(/<sru:recordPosition>\d+</, `<sru:recordPosition>${position}<`);
}

const SGD = new URL('../sgd/', import.meta.url);

/** The OCR text of a shared test document, as the page shows it. */
export function ocrText(id: string): string {
  for (const part of ['tune', 'held-out']) {
    try {
      return readFileSync(new URL(`${part}/sgd-${id}.ocr.txt`, SGD), 'utf8');
    } catch {
      // not in this part
    }
  }
  throw new Error(`no test document sgd-${id}`);
}

export function ocrXml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `  <p>${esc(l)}</p>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ocr>\n${paragraphs.join('\n')}\n</ocr>\n`;
}
