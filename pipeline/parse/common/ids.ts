// Official ids: "ah-tk-20222023-3649" (Aanhangsel, from the page footer
// "ah-tk-20222023-3649 ISSN 0921-7398 's-Gravenhage 2023") and "kv-tk-2019Z15231" (questions without answer).

export interface OfficialId {
  id: string;
  sessionYear: string | null;
  number: number | null;
  caseNumber: string | null;
}

const AH = /\b(ah)-(tk|ek)-(\d{4})(\d{4})-(\d+)\b/;
const KV = /\b(kv)-(tk|ek)-(\d{4}Z\d{5})\b/;
// pymupdf4llm sometimes loses the first letter and the hyphens: "h tk 20232024 387".
const AH_DAMAGED = /(?:^|\n)\s*a?h[ -]tk[ -](\d{4})(\d{4})[ -](\d+)\s*(?:\n|$)/;

export function officialIdFrom(text: string): OfficialId | null {
  const ah = AH.exec(text);
  if (ah && Number(ah[4]) === Number(ah[3]) + 1) {
    return { id: ah[0], sessionYear: `${ah[3]}-${ah[4]}`, number: Number(ah[5]), caseNumber: null };
  }
  const kv = KV.exec(text);
  if (kv) return { id: kv[0], sessionYear: null, number: null, caseNumber: kv[3] ?? null };
  const damaged = AH_DAMAGED.exec(text);
  if (damaged && Number(damaged[2]) === Number(damaged[1]) + 1) {
    return {
      id: `ah-tk-${damaged[1]}${damaged[2]}-${damaged[3]}`,
      sessionYear: `${damaged[1]}-${damaged[2]}`,
      number: Number(damaged[3]),
      caseNumber: null,
    };
  }
  return null;
}

/** The id from a file name such as "ah-tk-20182019-3922.kaag-sjoerdsma.pdf.txt" or "kv-tk-2019Z15231.xml". */
export function officialIdFromFileName(path: string): OfficialId | null {
  const base = path.split(/[\\/]/).pop() ?? '';
  const prefix = base.split('.')[0] ?? '';
  return WHOLE_ID.test(prefix) ? officialIdFrom(prefix) : null;
}

// A whole file-name prefix that is an id: AH or KV without their word boundaries (built once).
const WHOLE_ID = new RegExp(
  `^(?:${AH.source.replace(/\\b/g, '')}|${KV.source.replace(/\\b/g, '')})$`,
);

/** True for an id of the official grammar (ah-tk-20182019-3922, kv-tk-2019Z15231), not one derived from a file name. */
export function isOfficialId(id: string): boolean {
  return WHOLE_ID.test(id);
}

/** A stable id from a file name that carries no official id: lower-case, [a-z0-9.-] only. */
export function derivedIdFromFileName(path: string): string {
  const base = (path.split(/[\\/]/).pop() ?? 'document').replace(
    /\.(txt|xml|html?|pdf|odt|md)$/gi,
    '',
  );
  const stem = base.split('.')[0] || base;
  const id = stem
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return id.length >= 2 ? id.slice(0, 200) : `doc-${id || 'unnamed'}`;
}
