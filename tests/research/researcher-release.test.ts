// The release as a researcher meets it, built by the real `kamervragen release` from the
// project's documents and from a generated corpus: traceable (official URLs), joinable
// (question_answers with declared keys, in DuckDB), citable (dated the day it was made, the same
// bytes when rebuilt), exact (CSV cells are the JSON values) and typed (Parquet).
import { TABLES } from '../../pipeline/export/tables.ts';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.ts';
import {
  csvCells,
  DECLARED_DUCKDB_TYPES,
  openInDuckDB,
  query,
  readRelease,
  sha256,
  type ReleaseFolder,
} from './support/read-release.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

const NO_REPOSITORY = { GITHUB_REPOSITORY: '', GITHUB_SERVER_URL: '' };

function projectWith(documents: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kv-research-'));
  scratch.push(dir);
  cpSync(documents, join(dir, 'documents'), { recursive: true });
  return dir;
}

function generatedCorpus(): string {
  const out = mkdtempSync(join(tmpdir(), 'kv-research-corpus-'));
  scratch.push(out);
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'pipeline/bench/corpus-main.ts',
      '--docs',
      '300',
      '--seed',
      '2',
      '--out',
      out,
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  return join(out, 'documents');
}

const release = (cwd: string, env: NodeJS.ProcessEnv) =>
  runCli(
    ['release', '--quarantine', '--target', 'dir:releases', '--source-commit', '1'.repeat(40)],
    { cwd, env: { SOURCE_DATE_EPOCH: '', ...NO_REPOSITORY, ...env }, timeoutMs: 280_000 },
  );

// The project's files, less the record cache (its bookkeeping is not part of a release).
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (
      e.isFile() &&
      !join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .startsWith('.cache/')
    )
      out.set(
        join(e.parentPath, e.name).slice(dir.length + 1),
        readFileSync(join(e.parentPath, e.name)),
      );
  return out;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const OFFICIAL = /^(ah|kv)-(tk|ek)-/;

const CASES = [
  { name: 'the project documents', documents: () => join(ROOT, 'documents'), github: true },
  { name: 'a generated corpus of 300 documents', documents: generatedCorpus, github: false },
];

describe.each(CASES)('the release built from $name', ({ documents, github }) => {
  let project: string;
  let dist: ReleaseFolder;
  let days: string[];
  const env = github
    ? { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/kv' }
    : {};

  beforeAll(async () => {
    project = projectWith(documents());
    const before = Date.now();
    const result = await release(project, env);
    expect(result.code, result.stderr).toBe(0);
    days = [utcDay(before), utcDay(Date.now())];
    const { version } = JSON.parse(
      readFileSync(join(project, 'dist', 'manifest.json'), 'utf8'),
    ) as { version: string };
    dist = readRelease(join(project, 'releases', version));
  }, 300_000);

  it('is dated the day it was made, in the manifest, datapackage.json and CITATION.cff', () => {
    const manifest = JSON.parse(readFileSync(join(dist.dir, 'manifest.json'), 'utf8')) as {
      date: string;
    };
    expect(days).toContain(manifest.date);
    expect(dist.datapackage.created).toBe(`${manifest.date}T00:00:00Z`);
    expect(readFileSync(join(dist.dir, 'CITATION.cff'), 'utf8')).toContain(
      `date-released: "${manifest.date}"`,
    );
    const newest = dist.records
      .map((r) => r.answered ?? '')
      .sort()
      .at(-1)!;
    expect(newest < manifest.date).toBe(true);
  });

  it('gives the same date and bytes when that version is rebuilt later', async () => {
    const before = files(project);
    const later = Math.floor(Date.now() / 1000) + 400 * 86400;
    const again = await release(project, { ...env, SOURCE_DATE_EPOCH: String(later) });
    expect(again.code, again.stderr).toBe(0);
    const after = files(project);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
  }, 300_000);

  it('links every record with an official id to its official publication', () => {
    // Historical records link their page in Staten-Generaal Digitaal, by its own id.
    for (const r of dist.records.filter((d) => d.source.collection === 'sgd'))
      expect(r.source.url, r.id).toMatch(
        /^https:\/\/zoek\.officielebekendmakingen\.nl\/\d{10}\/ocr$/,
      );
    const official = dist.records.filter(
      (r) => OFFICIAL.test(r.id) && r.source.collection !== 'sgd',
    );
    expect(official.length).toBeGreaterThan(0);
    for (const r of official)
      expect(r.source.url, r.id).toBe(`https://zoek.officielebekendmakingen.nl/${r.id}`);
    // source.path names the file inside the documents folder.
    for (const r of dist.records)
      expect(existsSync(join(project, 'documents', r.source.path)), r.source.path).toBe(true);
  });

  it('carries a dataset card: contents, coverage by session year, gaps, licence, citation', () => {
    const card = readFileSync(join(dist.dir, 'README.md'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(dist.dir, 'manifest.json'), 'utf8')) as {
      version: string;
      quarantined: string[];
    };
    for (const heading of [
      'What is in it',
      'Coverage by session year',
      'How it was made',
      'Known gaps',
      'Licence',
      'How to cite',
    ])
      expect(card).toContain(`## ${heading}`);
    const years = new Map<string, number>();
    for (const r of dist.records)
      years.set(r.session_year ?? 'unknown', (years.get(r.session_year ?? 'unknown') ?? 0) + 1);
    for (const [year, n] of years) expect(card).toMatch(new RegExp(`\\| ${year} \\| ${n} \\|`));
    for (const file of manifest.quarantined) expect(card).toContain(file);
    expect(card).toContain(`(Version ${manifest.version}) [Data set]`);
    expect(card).toContain('CC0 1.0');
  });

  it('names its repository only when it knows it, and never a placeholder', () => {
    const cff = readFileSync(join(dist.dir, 'CITATION.cff'), 'utf8');
    if (github) expect(cff).toContain('repository-code: "https://github.com/octo/kv"');
    else expect(cff).not.toContain('repository');
    for (const [name, bytes] of files(project))
      expect(bytes.includes('github.com/kamervragen/kamervragen'), name).toBe(false);
  });

  it('joins questions and answers in DuckDB on the declared keys, in CSV and in Parquet', async () => {
    const { connection, close } = await openInDuckDB(dist);
    try {
      for (const r of dist.resources) {
        const key = r.schema.primaryKey.map((k) => `"${k}"`).join(', ');
        const [dupes] = await query(
          connection,
          `SELECT count(*) - count(DISTINCT (${key})) AS n FROM "${r.name}"`,
        );
        expect(Number(dupes!.n), r.name).toBe(0);
        for (const fk of r.schema.foreignKeys ?? []) {
          const on = fk.fields
            .map((f, i) => `a."${f}" = b."${fk.reference.fields[i]}"`)
            .join(' AND ');
          const [orphans] = await query(
            connection,
            // A null key refers to nothing (an open case has no answer yet).
            `SELECT count(*) AS n FROM "${r.name}" a ANTI JOIN "${fk.reference.resource}" b ON ${on} ` +
              `WHERE ${fk.fields.map((f) => `a."${f}" IS NOT NULL`).join(' AND ')}`,
          );
          expect(Number(orphans!.n), `${r.name} → ${fk.reference.resource}`).toBe(0);
        }
      }
      const link = dist.resources.find((r) => r.name === 'question_answers')!;
      expect(link.schema.foreignKeys?.map((k) => k.reference.resource)).toEqual([
        'documents',
        'questions',
        'answers',
      ]);
      for (const suffix of ['', '_parquet']) {
        const joined = await query(
          connection,
          `SELECT q.document_id, q.number, a.position FROM "questions${suffix}" q
             JOIN "question_answers${suffix}" qa ON qa.document_id = q.document_id AND qa.question_number = q.number
             JOIN "answers${suffix}" a ON a.document_id = qa.document_id AND a.position = qa.answer_position
           ORDER BY 1, 2, 3`,
        );
        const expected = dist.records.flatMap((r) =>
          r.answers.flatMap((a, i) =>
            [
              ...new Set(
                a.questions.map((n) => r.questions.find((q) => q.numbers.includes(n))!.number),
              ),
            ].map((number) => ({ document_id: r.id, number, position: i + 1 })),
          ),
        );
        const key = (x: { document_id: unknown; number: unknown; position: unknown }) =>
          `${String(x.document_id)} ${String(x.number)} ${String(x.position)}`;
        expect(joined.map((j) => key(j as never)).sort()).toEqual(expected.map(key).sort());
        expect(joined.length).toBeGreaterThan(dist.records.length);
      }
    } finally {
      close();
    }
  });

  it('writes CSV cells that equal the JSON values, with counts telling none from unknown', () => {
    const byId = new Map(dist.records.map((r) => [r.id, r]));
    const docs = csvCells(join(dist.dir, 'documents.csv'));
    const col = (name: string) => docs.header.indexOf(name);
    expect(docs.rows).toHaveLength(dist.records.length);
    for (const row of docs.rows) {
      const r = byId.get(row[col('id')]!)!;
      expect(row[col('title')]).toBe(r.title);
      expect(row[col('source_url')]).toBe(r.source.url);
      expect(row[col('source_path')]).toBe(r.source.path);
      expect(row[col('answerer_name')]).toBe(r.answerer?.name ?? null);
      for (const [count, list] of [
        ['co_answerer_count', r.co_answerers],
        ['asker_count', r.askers],
        ['addressee_count', r.addressees],
      ] as const)
        expect(row[col(count)], `${r.id} ${count}`).toBe(
          list === null ? null : String(list.length),
        );
    }
    const answers = csvCells(join(dist.dir, 'answers.csv'));
    const texts = dist.records.flatMap((r) => r.answers.map((a) => a.text || null));
    expect(answers.rows.map((row) => row[answers.header.indexOf('text')])).toEqual(texts);
    const questions = csvCells(join(dist.dir, 'questions.csv'));
    expect(questions.rows.map((row) => row[questions.header.indexOf('text')])).toEqual(
      dist.records.flatMap((r) => r.questions.map((q) => q.text || null)),
    );
    const declared = dist.resources.find((r) => r.name === 'documents')!.schema.fields;
    expect(declared.find((f) => f.name === 'co_answerer_count')?.type).toBe('integer');
  });

  it('has a checksummed Parquet file per table that DuckDB loads with the declared types', async () => {
    // Parquet copies are made of the per-record tables; the cross-record tables are CSV only.
    const perRecord = new Set(TABLES.map((t) => t.name));
    const csv = dist.resources.filter((r) => r.format === 'csv' && perRecord.has(r.name));
    const parquet = dist.resources.filter((r) => r.format === 'parquet');
    expect(parquet.map((r) => r.path)).toEqual(
      csv.map((r) => r.path.replace(/\.csv$/, '.parquet')),
    );
    const sums = readFileSync(join(dist.dir, 'SHA256SUMS'), 'utf8');
    const { connection, close } = await openInDuckDB(dist);
    try {
      for (const [i, p] of parquet.entries()) {
        const path = join(dist.dir, p.path);
        expect(p.hash).toBe(`sha256:${sha256(path)}`);
        expect(p.bytes).toBe(readFileSync(path).length);
        expect(sums).toContain(`${sha256(path)}  ${p.path}`);
        const described = await query(connection, `DESCRIBE "${p.name}"`);
        expect(described.map((d) => [d.column_name, d.column_type])).toEqual(
          p.schema.fields.map((f) => [f.name, DECLARED_DUCKDB_TYPES[f.type]]),
        );
        const table = csv[i]!.name;
        for (const [a, b] of [
          [table, p.name],
          [p.name, table],
        ]) {
          const [diff] = await query(
            connection,
            `SELECT count(*) AS n FROM (FROM "${a}" EXCEPT ALL FROM "${b}")`,
          );
          expect(Number(diff!.n), `${a} minus ${b}`).toBe(0);
        }
      }
    } finally {
      close();
    }
  });
});
