import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateCase,
  type CaseShape,
  type GeneratedCase,
} from '../../pipeline/bench/plan-case.ts';
import { planDocument } from '../../pipeline/bench/plan-document.ts';
import { runBuild } from '../../pipeline/build/run-build.ts';
import { daysBetween, NORM_DAYS } from '../../pipeline/cases/build-cases.ts';

// Generated cases whose truth says which documents share a case number, built by the real
// build into a temporary folder; the published tables are then read back with papaparse and
// with DuckDB, as a user would.
const SEED = 'cases';
const RELEASE = '2026-01-01';
const SHAPES: CaseShape[] = [
  { questions: true, postponement: true, answer: true },
  { questions: true, postponement: false, answer: true },
  { questions: false, postponement: false, answer: true },
  { questions: true, postponement: false, answer: false },
  { questions: true, postponement: true, answer: false },
];
const CASES = 15;

let dir: string;
let out: string;
let cases: GeneratedCase[];
let rows: Record<string, string>[];
let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kv-cases-'));
  const documents = join(dir, 'documents');
  out = join(dir, 'dist');
  await mkdir(documents);
  cases = Array.from({ length: CASES }, (_, k) =>
    generateCase(SEED, k * 613, 10_000, SHAPES[k % SHAPES.length]!),
  );
  for (const c of cases)
    for (const f of c.files) await writeFile(join(documents, f.name), f.content);
  const summary = await runBuild({
    documents,
    out,
    cache: null,
    workers: 1,
    sourceDateEpoch: Date.parse(`${RELEASE}T00:00:00Z`) / 1000,
  });
  expect(summary.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  rows = Papa.parse<Record<string, string>>(await readFile(join(out, 'cases.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  db = await instance.connect();
  for (const table of ['documents', 'askers', 'cases', 'ministries', 'parties', 'mappings'])
    await db.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${join(out, `${table}.csv`)}', header = true, nullstr = '')`,
    );
}, 120_000);

afterAll(async () => {
  db?.closeSync();
  instance?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

const query = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();

describe('cases table on generated documents', () => {
  it('has one row per case, linking exactly the documents that share its number', () => {
    expect(rows.map((r) => r.case_number)).toEqual(cases.map((c) => c.truth.case_number).sort());
    for (const { truth } of cases) {
      const row = rows.find((r) => r.case_number === truth.case_number)!;
      expect(row.document_ids!.split('; ')).toEqual(truth.documents);
      expect(row.questions_document_id || null).toBe(truth.questions_document_id);
      expect(row.answer_document_id || null).toBe(truth.answer_document_id);
      expect(row.postponement_document_ids || null).toBe(
        truth.postponement_document_ids.join('; ') || null,
      );
      expect(row.postponement_count).toBe(String(truth.postponement_document_ids.length));
      expect(row.postponement_dates || null).toBe(truth.postponement_dates.join('; ') || null);
      expect(row.postponed).toBe(String(truth.postponement_document_ids.length > 0));
      expect(row.submitted).toBe(truth.submitted);
      expect(row.answered || null).toBe(truth.answered);
    }
  });

  it('derives response time, the norm and open days as declared', () => {
    for (const { truth } of cases) {
      const row = rows.find((r) => r.case_number === truth.case_number)!;
      if (truth.answered !== null) {
        const days = daysBetween(truth.submitted, truth.answered)!;
        expect(row.days_to_answer).toBe(String(days));
        expect(row.within_norm).toBe(String(days <= NORM_DAYS));
        expect(row.open).toBe('false');
        expect(row.days_open).toBe('');
      } else {
        const open = daysBetween(truth.submitted, RELEASE)!;
        expect(row.open).toBe('true');
        expect(row.days_open).toBe(String(open));
        expect(row.open_past_norm).toBe(String(open > NORM_DAYS));
        expect(row.days_to_answer).toBe('');
      }
    }
  });
});

describe('the questions of the issue, one GROUP BY away in DuckDB', () => {
  it('questions per party (cases a party asked, by year)', async () => {
    const result = await query(`
      SELECT a.party_key, year(c.submitted) AS year, count(DISTINCT c.case_number) AS cases
      FROM cases c JOIN documents d ON d.case_number = c.case_number
      JOIN askers a ON a.document_id = d.id
      GROUP BY a.party_key, year ORDER BY a.party_key, year`);
    const expected = new Map<string, Set<string>>();
    for (const { truth } of cases) {
      const plan = planOf(truth.case_number);
      for (const p of plan.askers.map((a) => PARTY[a.party] ?? a.party)) {
        const key = `${p}|${truth.submitted.slice(0, 4)}`;
        expected.set(key, (expected.get(key) ?? new Set()).add(truth.case_number));
      }
    }
    expect(
      Object.fromEntries(
        result.map((r) => [`${String(r.party_key)}|${String(r.year)}`, Number(r.cases)]),
      ),
    ).toEqual(Object.fromEntries([...expected].map(([k, v]) => [k, v.size])));
  });

  it('response time per ministry', async () => {
    const result = await query(`
      SELECT m.key, m.department, count(*) AS answered, avg(c.days_to_answer) AS mean_days,
             avg(CASE WHEN c.within_norm THEN 1 ELSE 0 END) AS share_within_norm
      FROM cases c JOIN ministries m ON m.key = c.ministry_key
      WHERE c.answer_document_id IS NOT NULL
      GROUP BY m.key, m.department ORDER BY m.key`);
    const answered = cases.filter((c) => c.truth.answered !== null);
    expect(result.reduce((n, r) => n + Number(r.answered), 0)).toBe(answered.length);
    const mean =
      answered.reduce((n, c) => n + daysBetween(c.truth.submitted, c.truth.answered)!, 0) /
      answered.length;
    const weighted =
      result.reduce((n, r) => n + Number(r.mean_days) * Number(r.answered), 0) / answered.length;
    expect(weighted).toBeCloseTo(mean, 6);
    for (const r of result) expect(String(r.department)).toMatch(/^[a-z-]+$/);
  });

  it('open questions past the norm', async () => {
    const result = await query(`
      SELECT ministry_key, count(*) AS open_past_norm, max(days_open) AS longest
      FROM cases WHERE open_past_norm GROUP BY ministry_key ORDER BY ministry_key`);
    const open = cases.filter(
      (c) => c.truth.answered === null && daysBetween(c.truth.submitted, RELEASE)! > NORM_DAYS,
    );
    expect(result.reduce((n, r) => n + Number(r.open_past_norm), 0)).toBe(open.length);
    expect(open.length).toBeGreaterThan(0);
  });

  it('the mapping report lists every unmapped value with its count', async () => {
    const unmapped = await query(
      `SELECT kind, printed, documents FROM mappings WHERE key IS NULL ORDER BY kind, printed`,
    );
    const askers = await query(`
      SELECT count(*) AS n FROM askers WHERE person_key IS NULL`);
    const total = unmapped
      .filter((r) => r.kind === 'person')
      .reduce((n, r) => n + Number(r.documents), 0);
    // Every asker without a person key is counted in the report (once per document).
    expect(total).toBe(Number(askers[0]!.n));
    expect(unmapped.filter((r) => r.kind === 'party')).toEqual([]);
  });

  it("takes the askers' initials from metadata.xml (indiener)", async () => {
    const missing = await query(`SELECT count(*) AS n FROM askers WHERE initials IS NULL`);
    expect(Number(missing[0]!.n)).toBe(0);
    const sample = await query(`SELECT initials FROM askers LIMIT 1`);
    expect(String(sample[0]!.initials)).toMatch(/^(\p{Lu}\.)+$/u);
  });
});

// The generator's party names and the keys they map to (data/entities/parties.json).
const PARTY: Record<string, string> = {
  GroenLinks: 'GL',
  ChristenUnie: 'CU',
  'GroenLinks-PvdA': 'GL-PvdA',
  'Groep Van Haga': 'GrVanHaga',
};

function planOf(caseNumber: string) {
  const k = cases.findIndex((c) => c.truth.case_number === caseNumber);
  for (let i = k * 613; ; i += 1) {
    const plan = planDocument(SEED, i, 10_000);
    if (plan.caseNumber === caseNumber) return plan;
  }
}
