import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCitation } from '../../pipeline/package/citation.ts';
import type { Manifest } from '../../pipeline/package/release-types.ts';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import { buildSite, type SiteFile } from '../../pipeline/site/build-site.ts';
import { citationFromCff } from '../../pipeline/site/citation.ts';
import type { SiteInputs } from '../../pipeline/site/site-inputs.ts';
import { summarize } from '../../pipeline/site/summarize.ts';
import type { Document } from '../../pipeline/types.ts';
import { ROOT } from '../support/run-cli.ts';

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
  it('is deterministic: the same records in any order give the same files', () => {
    const a = buildSite(inputs(seeds));
    const b = buildSite(inputs([...seeds].reverse()));
    expect(b).toEqual(a);
    expect(a.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'index.html',
        'dictionary.html',
        'assets/site.js',
        'doc/ah-tk-20182019-3922.html',
        'doc/ah-tk-20202021-2310.html',
      ]),
    );
  });

  it('lists releases newest first by version number, not by text', () => {
    const html = file(buildSite(inputs(seeds)), 'index.html');
    const order = [...html.matchAll(/id="release-([\d.]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['1.10.0', '1.2.0', '1.0.0']);
    expect(html).toContain('2.0 KB');
    expect(html).toContain('b'.repeat(64));
  });

  it('cites the version CITATION.cff names, as APA and BibTeX', () => {
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
    const html = file(buildSite(inputs(seeds)), 'index.html');
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

  it('puts each answer beside the questions it covers, with footnote links that resolve', () => {
    const seed = seeds.find((d) => d.id === 'ah-tk-20182019-3922');
    expect(seed).toBeDefined();
    const html = file(buildSite(inputs(seeds)), 'doc/ah-tk-20182019-3922.html');
    const sections = html.split('<section class="qa">').slice(1);
    expect(sections.length).toBe(seed?.answers.length);
    for (const answer of seed?.answers ?? []) {
      const section = sections.find((s) => s.includes(`>Antwoord ${answer.questions.join(', ')}<`));
      expect(section, `answer ${answer.questions.join(',')}`).toBeDefined();
      for (const n of answer.questions)
        expect(section).toMatch(new RegExp(`>Vraag [0-9, ]*\\b${n}\\b`));
    }
    for (const ref of html.matchAll(/href="#(fn-\d+)"/g)) expect(html).toContain(`id="${ref[1]}"`);
  });

  it('escapes text from the documents everywhere', () => {
    const [first] = seeds;
    if (!first) throw new Error('no seed');
    const evil: Document = {
      ...first,
      id: 'ah-tk-20202021-9999',
      title: '</script><script>alert(1)</script> & «x»',
    };
    const files = buildSite(inputs([evil]));
    expect(file(files, 'assets/index-data.js')).not.toContain('</script>');
    expect(file(files, 'doc/ah-tk-20202021-9999.html')).toContain(
      '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; «x»',
    );
    expect(files.map((f) => f.content).join('')).not.toContain('<script>alert(1)');
  });

  it('builds a usable page from an empty dataset and no release', () => {
    const files = buildSite(inputs([], { releases: [], citationCff: null, manifest: null }));
    const html = file(files, 'index.html');
    expect(html).toContain('No release has been published yet');
    expect(html).toMatch(/<strong>0<\/strong><span>documents<\/span>/);
    expect(html).toContain('[Data set]');
    expect(files.filter((f) => f.path.startsWith('doc/'))).toEqual([]);
  });

  it('loads nothing from other origins', () => {
    for (const f of buildSite(inputs(seeds))) {
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
    const s = summarize([
      withDays('a-1', 0),
      withDays('a-2', 21),
      withDays('a-3', 22),
      withDays('a-4', 400),
      withDays('a-5', null),
    ]);
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
    const s = summarize([a, b]);
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
