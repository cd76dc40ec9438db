import type { Diagnostic } from '../../errors.ts';
import type { Document } from '../../types.ts';
import {
  childElements,
  findElements,
  parseXmlSafely,
  squash,
  textOf,
  type Element,
} from '../../extract/parse-markup.ts';
import { parseAnyDate } from '../common/dates.ts';

// The metadata officielebekendmakingen publishes with every publication: `metadata.xml`
// (<metadata_gegevens><metadata name="OVERHEIDop.vraagnummer" content="2021Z09739"/>…), the same
// pairs as <meta name content> in the HTML head, or `metadata_owms.xml`
// (<owms-metadata>…<overheidop:vraagnummer>2021Z09739</overheidop:vraagnummer>).

export interface MetaPair {
  /** Lower-case name without its vocabulary prefix: "identifier", "vraagnummer", "type". */
  key: string;
  scheme: string;
  value: string;
}

export interface PublicationMetadata {
  id: string | null;
  title: string | null;
  chamber: Document['chamber'];
  sessionYear: string | null;
  number: number | null;
  caseNumber: string | null;
  submitted: string | null;
  received: string | null;
  /** The kind of publication as the metadata names it, when it is Kamervragen at all. */
  type: Document['type'] | null;
  /** False when the metadata names another kind of publication (Kamerstuk, Staatscourant …). */
  isKamervragen: boolean;
  /** What the publication is, as the metadata says it (for messages). */
  publication: string | null;
  /** The publication's own page or metadata record on the official site, as stated. */
  url: string | null;
  /** The askers as the metadata names them (indiener), with initials: "S.P.R.A. van Weyenberg". */
  submitters: string[];
}

function keyOf(name: string): string {
  // The part after the last "." or ":" (the whole name without one).
  return name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')) + 1).toLowerCase();
}

/** Pairs from `<metadata name content>` (metadata.xml) or `<meta name content>` (HTML head). */
export function pairsFromNameContent(elements: Element[]): MetaPair[] {
  return elements
    .filter((el) => el.attribs['name'] !== undefined && el.attribs['content'] !== undefined)
    .map((el) => ({
      key: keyOf(el.attribs['name'] ?? ''),
      scheme: el.attribs['scheme'] ?? '',
      value: squash(el.attribs['content'] ?? ''),
    }));
}

function pairsFromOwms(root: Element): MetaPair[] {
  return findElements(root, (el) => childElements(el).length === 0).map((el) => ({
    key: keyOf(el.name),
    scheme: el.attribs['scheme'] ?? '',
    value: squash(textOf(el)),
  }));
}

export function readMetadataXml(
  text: string,
  file: string,
): { metadata: PublicationMetadata | null; diagnostics: Diagnostic[] } {
  const parsed = parseXmlSafely(text, file);
  if (!parsed.ok) return { metadata: null, diagnostics: [parsed.diagnostic] };
  const root = parsed.root;
  let pairs: MetaPair[];
  if (root.name === 'metadata_gegevens') {
    pairs = pairsFromNameContent(findElements(root, (el) => el.name === 'metadata'));
  } else if (root.name === 'owms-metadata') {
    pairs = pairsFromOwms(root);
  } else {
    return {
      metadata: null,
      diagnostics: [
        {
          severity: 'error',
          code: 'extract/metadata-unknown',
          message: `the metadata file has root <${root.name}>, expected <metadata_gegevens> or <owms-metadata>`,
          file,
        },
      ],
    };
  }
  return { metadata: metadataFromPairs(pairs), diagnostics: [] };
}

export function metadataFromPairs(pairs: MetaPair[]): PublicationMetadata {
  // The first non-empty value of each key, looked up many times below.
  const firsts = new Map<string, string>();
  for (const p of pairs) if (p.value && !firsts.has(p.key)) firsts.set(p.key, p.value);
  const first = (key: string) => firsts.get(key) ?? null;
  const all = (key: string) => pairs.filter((p) => p.key === key && p.value).map((p) => p.value);
  const date = (key: string) => {
    const value = first(key);
    return value ? parseAnyDate(value).date : null;
  };
  const id = first('identifier');
  const types = all('type');
  const publicationName = first('publicationname');
  const parliamentary =
    pairs.find((p) => p.key === 'type' && /Parlementair/i.test(p.scheme))?.value ?? null;
  const subtype =
    pairs.find((p) => p.key === 'type' && /(Aanhangsel|Kamervraag)Typen/i.test(p.scheme))?.value ??
    null;
  const described = [publicationName, parliamentary, ...types].filter(
    (v): v is string => v !== null,
  );
  const isKamervragen =
    described.some((v) => /kamervragen|aanhangsel van de handelingen/i.test(v)) ||
    /^(ah|kv)-/.test(id ?? '');
  const creator = first('creator') ?? '';
  const chamber = /eerste kamer/i.test(creator)
    ? 'Eerste Kamer'
    : /tweede kamer/i.test(creator)
      ? 'Tweede Kamer'
      : /^(ah|kv)-ek-/.test(id ?? '')
        ? 'Eerste Kamer'
        : /^(ah|kv)-tk-/.test(id ?? '')
          ? 'Tweede Kamer'
          : null;
  const year = /(\d{4})\s*[-–/]\s*(\d{4})/.exec(first('vergaderjaar') ?? '');
  const numberText = first('aanhangselnummer');
  const caseNumber = /\b\d{4}Z\d{5}\b/.exec(first('vraagnummer') ?? '')?.[0] ?? null;
  return {
    id,
    title: first('title'),
    chamber,
    sessionYear: year ? `${year[1]}-${year[2]}` : null,
    number: numberText && /^\d+$/.test(numberText) ? Number(numberText) : null,
    caseNumber,
    submitted: date('datumindiening'),
    received: date('datumontvangst'),
    type: typeFrom(subtype, parliamentary ?? publicationName),
    isKamervragen,
    publication:
      parliamentary ??
      publicationName ??
      types.find((t) => !/officiële publicatie/i.test(t)) ??
      null,
    url: first('externmetadatarecord') ?? first('preferredurl'),
    submitters: all('indiener'),
  };
}

function typeFrom(subtype: string | null, parliamentary: string | null): Document['type'] | null {
  const s = (subtype ?? '').toLowerCase();
  if (/mededeling|uitstel/.test(s)) return 'postponement';
  if (/nader|aanvullend/.test(s)) return 'supplementary_answer';
  if (/antwoord/.test(s)) return 'answer';
  if (/zonder antwoord/i.test(parliamentary ?? '') || /schriftelijke vragen/.test(s))
    return 'questions';
  return null;
}
