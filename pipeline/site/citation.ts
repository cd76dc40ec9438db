import { CORE_SCHEMA, load } from 'js-yaml';

// "Cite this version": an APA-like line and a BibTeX entry from CITATION.cff (Citation File
// Format 1.2). The page shows the version the CFF names, so the two never disagree.

export interface Citation {
  title: string;
  version: string | null;
  date: string | null;
  doi: string | null;
  url: string | null;
  /** repository-code: where the code and data live. */
  repository: string | null;
  apa: string;
  bibtex: string;
}

interface CffPerson {
  'family-names'?: string;
  'given-names'?: string;
  'name-particle'?: string;
  name?: string;
}

interface Cff {
  title?: string;
  version?: string | number;
  'date-released'?: string | Date;
  doi?: string;
  url?: string;
  'repository-code'?: string;
  authors?: CffPerson[];
  identifiers?: { type?: string; value?: string }[];
  publisher?: { name?: string };
}

export function citationFromCff(text: string): Citation {
  // CORE_SCHEMA: dates stay strings as written (no Date objects, so no time zone can shift them).
  const file = (load(text, { schema: CORE_SCHEMA }) ?? {}) as Cff & { 'preferred-citation'?: Cff };
  // CFF: when preferred-citation is present, cite that; the file's own fields fill any gaps.
  const cff: Cff = { ...file, ...(file['preferred-citation'] ?? {}) };
  return makeCitation({
    title: cff.title ?? 'Kamervragen',
    version: cff.version === undefined ? null : String(cff.version),
    date: isoDate(cff['date-released']),
    doi: cff.doi ?? cff.identifiers?.find((i) => i.type === 'doi')?.value ?? null,
    url: cff.url ?? cff['repository-code'] ?? null,
    authors: (cff.authors ?? []).map(personName),
    publisher: cff.publisher?.name ?? null,
    repository: file['repository-code'] ?? cff['repository-code'] ?? null,
  });
}

export interface CitationFields {
  title: string;
  version: string | null;
  date: string | null;
  doi: string | null;
  url: string | null;
  authors: { family: string; given: string | null }[];
  publisher: string | null;
  repository?: string | null;
}

export function makeCitation(f: CitationFields): Citation {
  const year = f.date?.slice(0, 4) ?? 'n.d.';
  const link = f.doi ? `https://doi.org/${f.doi}` : f.url;
  const apaAuthors = formatApaAuthors(f.authors);
  const apa = [
    `${apaAuthors ? `${apaAuthors} ` : ''}(${year}).`,
    `${f.title}${f.version ? ` (Version ${f.version})` : ''} [Data set].`,
    f.publisher ? `${f.publisher}.` : '',
    link ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const key = `${slug(f.authors[0]?.family ?? f.title)}_${year}${f.version ? `_v${f.version.replace(/[^0-9a-z]+/gi, '_')}` : ''}`;
  const fields: [string, string | null][] = [
    [
      'author',
      f.authors.length
        ? f.authors
            .map((a) => (a.given ? `${a.family}, ${a.given}` : `{${a.family}}`))
            .join(' and ')
        : null,
    ],
    ['title', `{${f.title}}`],
    ['year', f.date ? f.date.slice(0, 4) : null],
    ['version', f.version],
    ['publisher', f.publisher],
    ['doi', f.doi],
    ['url', link],
    ['note', 'Data set'],
  ];
  const body = fields
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `  ${name.padEnd(9)} = {${value}}`)
    .join(',\n');
  return {
    title: f.title,
    version: f.version,
    date: f.date,
    doi: f.doi,
    url: f.url,
    repository: f.repository ?? null,
    apa,
    bibtex: `@misc{${key},\n${body}\n}\n`,
  };
}

function personName(p: CffPerson): { family: string; given: string | null } {
  if (p.name) return { family: p.name, given: null };
  const family = [p['name-particle'], p['family-names']].filter(Boolean).join(' ');
  return { family: family || 'Anonymous', given: p['given-names'] ?? null };
}

function formatApaAuthors(authors: { family: string; given: string | null }[]): string {
  const names = authors.map((a) => {
    if (!a.given) return a.family;
    const initials = a.given
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((part) => `${part[0]?.toUpperCase() ?? ''}.`)
      .join(' ');
    return `${a.family}, ${initials}`;
  });
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
}

function isoDate(value: string | Date | undefined): string | null {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'kamervragen'
  );
}
