import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCitation } from '../../pipeline/package/citation.ts';
import type { Manifest } from '../../pipeline/package/release-types.ts';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import { buildSite, type SiteFile } from '../../pipeline/site/build-site.ts';
import { citationFromCff } from '../../pipeline/site/citation.ts';
import type { SiteInputs } from '../../pipeline/site/site-inputs.ts';
import { docMeta } from '../../pipeline/site/doc-meta.ts';
import { fold, indexWords } from '../../pipeline/site/search/search-text.ts';
import { summarize } from '../../pipeline/site/summarize.ts';
import type { Document } from '../../pipeline/types.ts';
import { ROOT } from '../support/run-cli.ts';
import { SiteData } from './support/site-data.ts';

// The seeds, parsed by the real parser: the records the site is built from.
async function seedRecords(): Promise<Document[]> {
  const names = (await readdir(join(ROOT, 'documents')))
    .filter((n) => /^ah-tk-(20182019-3922|20202021-2310)\./.test(n))
    .sort();
  const records: Document[] = [];
  for (const name of names) {
    const path = `documents/${name}`;
    const { document } = await parseSource({ path, bytes: await readFile(join(ROOT, path)) });
    if (!document) throw new Error(`seed ${name} did not parse`);
    records.push(document);
  }
  return records;
}

const schema = JSON.parse(
  await readFile(join(ROOT, 'schema/document.schema.json'), 'utf8'),
) as unknown;
const seeds = await seedRecords();

function manifest(version: string, date: string): Manifest {
  return {
    manifest_version: 1,
    name: 'kamervragen',
    version,
    date,
    previous_version: null,
    schema_version: '1.0.0',
    source_commit: null,
    repository: 'https://example.org/kamervragen',
    counts: { documents: 2, questions: 0, answers: 0, askers: 0, footnotes: 0, references: 0 },
    changes: { added: [], changed: [], removed: [] },
    quarantined: [],
    records: {},
    assets: [],
  };
}

function inputs(documents: Document[], extra: Partial<SiteInputs> = {}): SiteInputs {
  return {
    documents,
    citationCff: renderCitation(manifest('1.2.0', '2021-04-13')),
    manifest: { version: '1.2.0', date: '2021-04-13', counts: {} },
    releases: [
      {
        version: '1.0.0',
        date: '2019-09-10',
        assets: [
          {
            name: 'kamervragen-1.0.0.json',
            size: 10,
            sha256: 'a'.repeat(64),
            url: 'r/1.0.0/kamervragen-1.0.0.json',
          },
        ],
      },
      {
        version: '1.2.0',
        date: '2021-04-13',
        assets: [
          {
            name: 'kamervragen-1.2.0.json',
            size: 2048,
            sha256: 'b'.repeat(64),
            url: 'r/1.2.0/kamervragen-1.2.0.json',
          },
        ],
      },
      { version: '1.10.0', date: '2022-01-01', assets: [] },
    ],
    datapackage: null,
    schema,
    repositoryUrl: null,
    ...extra,
  };
}

const file = (files: SiteFile[], path: string) => files.find((f) => f.path === path)?.content ?? '';

describe('buildSite', () => {
  it('is deterministic: the same records in any order give the same files', async () => {
    const a = await buildSite(inputs(seeds));
    const b = await buildSite(inputs([...seeds].reverse()));
    expect(b).toEqual(a);
    expect(a.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'index.html',
        'dictionary.html',
        'doc.html',
        'assets/site.js',
        'assets/search.js',
        'search/manifest.js',
        'data/2018-2019/0.js',
        'data/2020-2021/0.js',
      ]),
    );
  });

  it('lists releases newest first by version number, not by text', async () => {
    const html = file(await buildSite(inputs(seeds)), 'index.html');
    const order = [...html.matchAll(/id="release-([\d.]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['1.10.0', '1.2.0', '1.0.0']);
    expect(html).toContain('2.0 KB');
    expect(html).toContain('b'.repeat(64));
  });

  it('says "2 documents added, 1 changed" under a release', async () => {
    const releases = [
      { version: '1.0.0', date: null, assets: [], changes: { added: 2, changed: 1, removed: 0 } },
    ];
    const html = file(await buildSite(inputs(seeds, { releases })), 'index.html');
    expect(html).toContain('<p>2 documents added, 1 changed.</p>');
  });

  it('cites the version CITATION.cff names, as APA and BibTeX', async () => {
    const c = citationFromCff(renderCitation(manifest('1.2.0', '2021-04-13')));
    expect(c.apa).toMatch(
      /^kamervragen contributors \(2021\)\. Kamervragen: .* \(Version 1\.2\.0\) \[Data set\]\. https:\/\/example\.org\/kamervragen\/releases\/tag\/v1\.2\.0$/,
    );
    expect(c.bibtex).toMatch(/^@misc\{kamervragen_contributors_2021_v1_2_0,\n/);
    expect(c.bibtex).toContain('version   = {1.2.0}');
    // Braces keep an organisation as one name and the title's capitals as written.
    expect(c.bibtex).toContain('author    = {{kamervragen contributors}}');
    expect(c.bibtex).toMatch(/title {5}= \{\{Kamervragen: .*\}\},/);
    expect(c.bibtex.split('{').length).toBe(c.bibtex.split('}').length);
    const html = file(await buildSite(inputs(seeds)), 'index.html');
    expect(html).toContain('(Version 1.2.0) [Data set]');
  });
  it('prefers preferred-citation, with DOI and several authors in APA and BibTeX form', () => {
    const c = citationFromCff(`cff-version: 1.2.0
title: "Software title"
version: "9.9.9"
authors:
  - name: "Someone else"
preferred-citation:
  type: data
  title: "Kamervragen dataset"
  version: "2.1.0"
  date-released: "2024-05-06"
  doi: "10.5281/zenodo.123"
  authors:
    - family-names: "Jansen"
      given-names: "Anna Maria"
    - family-names: "Vries"
      name-particle: "de"
      given-names: "Piet"
    - name: "Kamervragen contributors"
`);
    expect(c.apa).toBe(
      'Jansen, A. M., de Vries, P., & Kamervragen contributors (2024). Kamervragen dataset (Version 2.1.0) [Data set]. https://doi.org/10.5281/zenodo.123',
    );
    expect(c.bibtex).toContain(
      'author    = {Jansen, Anna Maria and de Vries, Piet and {Kamervragen contributors}}',
    );
    expect(c.bibtex).toContain('doi       = {10.5281/zenodo.123}');
  });

  it('gives each record its page data: every answer with the questions it covers, footnotes that resolve', async () => {
    const seed = seeds.find((d) => d.id === 'ah-tk-20182019-3922');
    if (!seed) throw new Error('no seed');
    const data = new SiteData(await buildSite(inputs(seeds)));
    const entry = data.entries().find((e) => e.i === seed.id);
    expect(entry?.an.map(([numbers]) => numbers)).toEqual(seed.answers.map((a) => a.questions));
    expect(entry?.q.map(([numbers, text]) => [numbers, text])).toEqual(
      seed.questions.map((q) => [q.numbers, q.text]),
    );
    const notes = new Set(entry?.f.map(([n]) => n));
    for (const [, , refs] of [...(entry?.q ?? []), ...(entry?.an ?? [])])
      for (const n of refs) expect(notes.has(n), `footnote ${n}`).toBe(true);
    expect(entry?.u).toBe('https://zoek.officielebekendmakingen.nl/ah-tk-20182019-3922');
  });

  it('finds a document by a word that occurs only in its answers, folded for case and diacritics', async () => {
    const files = await buildSite(inputs(seeds));
    const data = new SiteData(files);
    const entries = data.entries();
    const seed = seeds[0];
    if (!seed) throw new Error('no seed');
    const elsewhere = fold(
      [
        seed.title,
        seed.id,
        ...seed.questions.map((q) => q.text),
        ...seeds.slice(1).flatMap((d) => [...d.questions, ...d.answers].map((x) => x.text)),
      ].join(' '),
    );
    const onlyInAnswer = indexWords(seed.answers.map((a) => a.text)).find(
      (w) => w.length > 6 && !new RegExp(`(^|[^\\p{L}\\p{N}])${w}`, 'u').test(elsewhere),
    );
    expect(onlyInAnswer, 'a word of the answers found nowhere else').toBeDefined();
    const ordinal = entries.findIndex((e) => e.i === seed.id);
    expect(data.lookup((onlyInAnswer ?? '').toUpperCase())).toEqual([ordinal]);
    expect(data.row(ordinal)?.[0]).toBe(seed.id);
    expect(fold('Financiën ÖZTÜRK')).toBe('financien ozturk');
  });

  it('links what it can: references to records it holds, and the other documents of a case', async () => {
    const [a, b] = seeds;
    if (!a || !b) throw new Error('no seeds');
    const ask: Document = {
      ...a,
      id: 'ah-tk-20182019-1',
      type: 'questions',
      answers: [],
      answerer: null,
      case_number: '2019Z00001',
      answered: null,
      response_days: null,
    };
    const answer: Document = {
      ...b,
      case_number: '2019Z00001',
      source: { ...b.source, url: 'https://example.org/official' },
      references: [
        { kind: 'case', text: '2019Z00001', dossier: null, number: null, identifier: '2019Z00001' },
        {
          kind: 'aanhangsel',
          text: 'Aanhangsel 1',
          dossier: null,
          number: 1,
          identifier: 'ah-tk-20182019-1',
        },
      ],
    };
    const data = new SiteData(await buildSite(inputs([ask, answer])));
    const entry = data.entries().find((e) => e.i === answer.id);
    expect(entry?.u).toBe('https://example.org/official');
    expect(entry?.c?.map(([id, type]) => [id, type])).toEqual([['ah-tk-20182019-1', 'questions']]);
    expect(entry?.rf).toEqual([
      ['2019Z00001', '2019Z00001', 'doc.html?id=ah-tk-20182019-1'],
      ['Aanhangsel 1', 'ah-tk-20182019-1', 'doc.html?id=ah-tk-20182019-1'],
    ]);
    const html = file(await buildSite(inputs([ask, answer])), 'index.html');
    expect(html).toContain('not answered yet');
  });

  it('escapes text from the documents everywhere', async () => {
    const [first] = seeds;
    if (!first) throw new Error('no seed');
    const evil: Document = {
      ...first,
      id: 'ah-tk-20202021-9999',
      title: '</script><script>alert(1)</script> & «x»',
    };
    const files = await buildSite(inputs([evil]));
    for (const f of files)
      expect(f.content, f.path).not.toMatch(/<\/script>[^\n]*alert|<script>alert/);
    const data = new SiteData(files);
    expect(data.entries()[0]?.t).toBe(evil.title);
    expect(data.row(0)?.[1]).toBe(evil.title);
  });

  it('builds a usable page from an empty dataset and no release', async () => {
    const files = await buildSite(inputs([], { releases: [], citationCff: null, manifest: null }));
    const html = file(files, 'index.html');
    expect(html).toContain('No release has been published yet');
    expect(html).toMatch(/<strong>0<\/strong><span>documents<\/span>/);
    expect(html).toContain('[Data set]');
    expect(new SiteData(files).manifest.documents).toBe(0);
  });

  it('says "1 document" and "1 member asking", not "1 documents"', async () => {
    const html = file(await buildSite(inputs(seeds.slice(0, 1))), 'index.html');
    expect(html).toMatch(/<strong>1<\/strong><span>document<\/span>/);
    expect(html).toMatch(/<strong>1<\/strong><span>member asking<\/span>/);
  });

  it('gives link previews (OpenGraph) and marks Dutch text as Dutch', async () => {
    const files = await buildSite(
      inputs(seeds, { repositoryUrl: 'https://github.com/Owner/kamervragen' }),
    );
    const html = file(files, 'index.html');
    expect(html).toContain('<meta property="og:title" content="Kamervragen open data');
    expect(html).toContain(
      '<meta property="og:url" content="https://owner.github.io/kamervragen/">',
    );
    expect(html).toContain('<input type="search" id="q" name="q"');
    expect(html).toMatch(/id="q"[^>]*lang="nl"/);
  });

  it('loads nothing from other origins', async () => {
    for (const f of await buildSite(inputs(seeds))) {
      expect(f.content, f.path).not.toMatch(
        /<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\//,
      );
    }
  });
});

describe('summarize', () => {
  const [base] = seeds;
  if (!base) throw new Error('no seed');
  const withDays = (id: string, days: number | null): Document => ({
    ...base,
    id,
    response_days: days,
  });

  it('puts the 3-week norm on a bin edge: 21 days is within, 22 is over', () => {
    const s = summarize(
      [
        withDays('a-1', 0),
        withDays('a-2', 21),
        withDays('a-3', 22),
        withDays('a-4', 400),
        withDays('a-5', null),
      ].map(docMeta),
    );
    const bin = (n: number) =>
      s.responseHistogram.findIndex((b) => n >= b.from && (b.to === null || n <= b.to));
    expect(bin(21)).toBe(2);
    expect(bin(22)).toBe(3);
    expect(s.responseHistogram.reduce((n, b) => n + b.value, 0)).toBe(4);
    expect(s.responseHistogram[s.responseHistogram.length - 1]?.value).toBe(1);
    expect(s.withinNorm).toBe(0.5);
    expect(s.medianResponseDays).toBe(21.5);
  });

  it('counts questions per month over every month of the range, gaps included', () => {
    const a = { ...base, id: 'b-1', submitted: '2019-11-30' };
    const b = { ...base, id: 'b-2', submitted: '2020-02-01' };
    const s = summarize([a, b].map(docMeta));
    expect(s.questionsPerMonth.map((m) => m.label)).toEqual([
      '2019-11',
      '2019-12',
      '2020-01',
      '2020-02',
    ]);
    expect(s.questionsPerMonth.map((m) => m.value)).toEqual([
      base.questions.length,
      0,
      0,
      base.questions.length,
    ]);
  });
});
