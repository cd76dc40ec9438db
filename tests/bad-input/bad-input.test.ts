// The hostile-input corpus through the real CLI: every case of tests/bad-input/fixtures (plus a
// 50 MB file and a symlink to /etc/passwd, made here) goes into one documents folder in a temp
// workspace, which is built twice (`kamervragen build`, then with --quarantine); every input
// file is also given to `kamervragen parse` on its own. Each case must get its diagnostic
// (code, and line or field), and no run may crash, hang, leak, drop a file or write outside
// the workspace's output folder.
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../pipeline/types.ts';
import { CROSS_TABLES } from '../../pipeline/export/cross-tables.ts';
import { TABLES } from '../../pipeline/export/tables.ts';
import { matches, type CaseSpec, type ExpectedDiagnostic } from './case-spec.ts';
import {
  PASSWD_LINES,
  STACK,
  digests,
  leaksPasswd,
  parseAnnotations,
  pool,
  run,
  runInProcess,
  tree,
  type Annotation,
} from './run-pipeline.ts';

const CASES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SEED = fileURLToPath(new URL('../seeds/ah-tk-20182019-3922.pdf-text.txt', import.meta.url));
const REAL_DOCUMENTS = fileURLToPath(new URL('../../documents/', import.meta.url));

// Cases whose expected diagnostic the pipeline does not give yet; each is asked for in the
// team notes. They run as expected failures, so a fix turns them red here: then delete the line.
const PENDING: Record<string, string> = {};

interface Case {
  dir: string;
  spec: CaseSpec;
  /** Input files (name → where the test put it in documents/). */
  inputs: string[];
}

const ws = { dir: '', documents: '', out: '', quarantined: '' };
const cases: Case[] = [];
const parsed = new Map<string, Awaited<ReturnType<typeof run>>>();
let strict: Awaited<ReturnType<typeof run>>;
let lenient: Awaited<ReturnType<typeof run>>;
let strictNotes: Annotation[] = [];
let notes: Annotation[] = [];
let records: Document[] = [];
let quarantine: {
  file: string;
  errors: { code: string; message: string; line: number | null; field: string | null }[];
}[] = [];
let documentsBefore: Map<string, string>;
const realDocuments: string[] = [];

const docPath = (name: string) => `documents/${name}`;

/** The case folders (NN-slug) of the corpus, in order; INDEX.md beside them is for people. */
async function caseFolders(): Promise<string[]> {
  const entries = await readdir(CASES, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function addHugeCase(): Promise<void> {
  // 50 MB: the seed with one answer grown to 50 MB of ordinary sentences (never committed).
  const seed = await readFile(SEED, 'utf8');
  const lines = seed.split('\n');
  const at = lines.findIndex((l) => /^\s*Antwoord 7\s*$/.test(l));
  const filler =
    'Het kabinet zet zich in voor exportcontrole op cybersurveillancegoederen in Europees verband. \n';
  const huge = [
    ...lines.slice(0, at + 1),
    filler.repeat(Math.ceil((50 * 2 ** 20) / filler.length)),
    ...lines.slice(at + 1),
  ].join('\n');
  const hugeName = 'ah-tk-20182019-9098.huge.pdf.txt';
  await writeFile(join(ws.documents, hugeName), huge);
  cases.push({
    dir: '(generated)',
    inputs: [hugeName],
    spec: {
      slug: 'huge-file',
      title: 'a 50 MB text file (one answer of 50 MB)',
      expect: [{ file: hugeName, outcome: 'record' }],
    },
  });
}

async function addSymlinkCase(): Promise<void> {
  // A symlink out of documents/ to /etc/passwd: never followed into the dataset, always named.
  const linkName = 'ah-tk-20182019-9099.passwd.pdf.txt';
  await symlink('/etc/passwd', join(ws.documents, linkName));
  cases.push({
    dir: '(generated)',
    inputs: [linkName],
    spec: {
      slug: 'symlink-to-passwd',
      title: 'a symbolic link to /etc/passwd in documents/',
      expect: [{ file: linkName, outcome: 'refused' }],
    },
  });
}

beforeAll(async () => {
  ws.dir = await mkdtemp(join(tmpdir(), 'kv-bad-input-'));
  ws.documents = join(ws.dir, 'documents');
  await mkdir(ws.documents);
  await mkdir(join(ws.dir, 'tmp'));
  // The real documents too: hostile neighbours must not stop good files from being built.
  for (const entry of await readdir(REAL_DOCUMENTS, { withFileTypes: true })) {
    // Files at the top only: documents/sgd/ holds the historical pages, read by their own tests.
    if (!entry.isFile()) continue;
    const name = entry.name;
    realDocuments.push(name);
    await writeFile(join(ws.documents, name), await readFile(join(REAL_DOCUMENTS, name)));
  }
  for (const dirName of await caseFolders()) {
    const dir = join(CASES, dirName);
    const spec = JSON.parse(await readFile(join(dir, 'case.json'), 'utf8')) as CaseSpec;
    const inputs = (await readdir(dir)).filter((n) => n !== 'case.json');
    for (const name of inputs)
      await writeFile(join(ws.documents, name), await readFile(join(dir, name)));
    cases.push({ dir, spec, inputs });
  }
  await addSymlinkCase();
  documentsBefore = await digests(ws.documents);
  // The failing build does not need the 50 MB file (it is no error): it is added after.
  strict = await run(
    ['build', '--documents', 'documents', '--out', 'dist-strict'],
    ws.dir,
    150_000,
  );
  await addHugeCase();
  // documents/ as the strict build found it, plus the 50 MB file: the lenient build must leave it so.
  const withHuge = await digests(ws.documents);
  for (const [name, hash] of withHuge)
    if (!documentsBefore.has(name)) documentsBefore.set(name, hash);
  expect(withHuge.size).toBe(documentsBefore.size);
  lenient = await run(
    ['build', '--documents', 'documents', '--out', 'dist', '--quarantine'],
    ws.dir,
    150_000,
  );
  strictNotes = parseAnnotations(strict.stdout + strict.stderr);
  notes = parseAnnotations(lenient.stdout + lenient.stderr);
  if (lenient.code === 0) {
    records = JSON.parse(
      await readFile(join(ws.dir, 'dist', 'kamervragen.json'), 'utf8'),
    ) as Document[];
    quarantine = (
      JSON.parse(await readFile(join(ws.dir, 'dist', 'quarantine.json'), 'utf8')) as {
        quarantined: typeof quarantine;
      }
    ).quarantined;
  }
  // `kamervragen parse` on every document file on its own (sidecars are not documents).
  // In this process through the CLI's main() (one Node start per file would cost minutes on
  // two busy cores); a few also as the real binary, to cover the process edge.
  const files = cases.flatMap((c) => c.inputs).filter((n) => !n.endsWith('.metadata.xml'));
  for (const name of files)
    parsed.set(name, await runInProcess(['parse', docPath(name)], ws.dir, 60_000));
  const spawned = files.filter((n) => /\.(empty|junk|passwd)\.|9036/.test(n));
  const results = await pool(
    spawned.map((name) => () => run(['parse', docPath(name)], ws.dir, 90_000)),
    2,
  );
  spawned.forEach((name, i) => parsed.set(`${name} (binary)`, results[i]!));
  const parseMs = [...parsed.values()].reduce((n, r) => n + r.ms, 0);
  console.log(
    `bad input: ${cases.length} cases, ${files.length} files; build ${(strict.ms / 1000).toFixed(1)} s, ` +
      `build --quarantine ${(lenient.ms / 1000).toFixed(1)} s, parse ${(parseMs / 1000).toFixed(1)} s`,
  );
}, 600_000);

afterAll(async () => {
  if (ws.dir) await rm(ws.dir, { recursive: true, force: true });
});

// source.path names the file within the documents folder.
const recordOf = (name: string) => records.find((r) => r.source.path === name);
const quarantinedOf = (name: string) => quarantine.find((q) => q.file === docPath(name));
const notesOf = (name: string) => notes.filter((a) => a.file === docPath(name));

function placeMatches(
  e: ExpectedDiagnostic,
  d: { line?: number | null; field?: string | null },
): boolean {
  if (e.line !== undefined && d.line !== e.line) return false;
  if (e.field !== undefined && !matches(e.field, d.field ?? undefined)) return false;
  return true;
}

function checkExpectation(e: ExpectedDiagnostic): void {
  const name = e.file;
  const record = recordOf(name);
  const q = quarantinedOf(name);
  const fileNotes = notesOf(name);
  const where = `${name}: record ${record ? 'yes' : 'no'}, quarantined ${q ? JSON.stringify(q.errors) : 'no'}, notes ${JSON.stringify(fileNotes)}`;
  if (e.outcome === 'refused') {
    expect(record, where).toBeUndefined();
    expect(q, where).toBeDefined();
    if (e.code !== undefined) {
      expect(
        q!.errors.some((x) => matches(e.code!, x.code) && placeMatches(e, x)),
        where,
      ).toBe(true);
    }
    // The build without --quarantine fails naming this file.
    expect(
      strictNotes.some((a) => a.severity === 'error' && a.file === docPath(name)),
      where,
    ).toBe(true);
  } else if (e.outcome === 'record') {
    expect(record, where).toBeDefined();
    expect(q, where).toBeUndefined();
  } else if (e.outcome === 'warning') {
    expect(record, where).toBeUndefined();
    expect(
      fileNotes.some((a) => a.severity === 'warning'),
      where,
    ).toBe(true);
  } else {
    expect(Boolean(record) !== Boolean(q), `${where}: exactly one of record or quarantined`).toBe(
      true,
    );
  }
  if (e.code !== undefined && e.outcome !== 'refused') {
    const hit = fileNotes.find((a) => matches(e.code!, a.code) && placeMatches(e, a));
    expect(
      hit,
      `${where}: a diagnostic ${e.code} at ${e.line ?? e.field ?? 'the file'}`,
    ).toBeDefined();
  }
  // A diagnostic that names a file names a place in it, or is about the file as a whole.
  for (const d of [...fileNotes, ...(q?.errors ?? [])])
    expect(d.message.length, where).toBeGreaterThan(10);
}

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

function runCheck(c: Case, check: string): void {
  const docs = c.inputs.map(recordOf).filter((r): r is Document => r !== undefined);
  const [kind, arg] = [check.split(':')[0], check.slice(check.indexOf(':') + 1)];
  switch (kind) {
    case 'text-contains': {
      expect(docs.length).toBeGreaterThan(0);
      for (const d of docs) expect(JSON.stringify(d)).toContain(arg);
      return;
    }
    case 'no-invisible-in-names':
    case 'no-bidi-controls': {
      // Either the characters are gone, or a warning names the field that still holds them.
      expect(docs.length).toBeGreaterThan(0);
      for (const d of docs) {
        const fields: [string, string][] = [
          ['/title', d.title ?? ''],
          ...(d.askers ?? []).flatMap((a, i): [string, string][] => [
            [`/askers/${i}/name`, a.name],
            [`/askers/${i}/party`, a.party ?? ''],
          ]),
          ['/answerer/name', d.answerer?.name ?? ''],
          ...(d.co_answerers ?? []).map((a, i): [string, string] => [`/co_answerers/${i}`, a]),
        ];
        const warned = notesOf(d.source.path.replace(/^documents\//, '')).filter(
          (a) => a.code === 'integrity/invisible-character',
        );
        for (const [field, value] of fields) {
          if (!INVISIBLE.test(value)) continue;
          expect(
            warned.some((a) => a.field === field),
            `${field} ${JSON.stringify(value)} holds invisible characters and no warning names it`,
          ).toBe(true);
        }
      }
      return;
    }
    case 'output-lacks':
      expect(docs.length).toBeGreaterThan(0);
      for (const d of docs) expect(JSON.stringify(d)).not.toContain(arg);
      return;
    case 'no-unsafe-urls':
      for (const d of docs) {
        const urls = [
          ...(d.footnotes ?? []).flatMap((f) => f.urls ?? []),
          ...JSON.stringify(d.references ?? []).matchAll(/"url":"([^"]*)"/g),
        ].map(String);
        for (const u of urls) expect(u).not.toMatch(/^\s*(javascript|data|vbscript|file):/i);
      }
      return;
    case 'one-of-duplicates-kept': {
      // Either the first claimant is kept and the others are refused naming it, or all are
      // refused, each naming the others. Never two records with one id, never a silent pick.
      const kept = c.inputs.filter((n) => recordOf(n));
      const refused = c.inputs.filter((n) => quarantinedOf(n));
      expect(kept.length).toBeLessThanOrEqual(1);
      expect(kept.length + refused.length).toBe(c.inputs.length);
      for (const n of refused) {
        const dup = quarantinedOf(n)!.errors.find((e) => e.code === 'integrity/duplicate-id');
        expect(dup, JSON.stringify(quarantinedOf(n))).toBeDefined();
        expect(dup!.field).toBe('/id');
        for (const other of c.inputs.filter((o) => o !== n))
          expect(dup!.message).toContain(docPath(other));
      }
      return;
    }
    case 'csv-formulas-guarded':
    case 'csv-formula-case-seen':
      return; // checked over every CSV below
    default:
      throw new Error(`unknown check ${check} in ${c.spec.slug}`);
  }
}

describe('the hostile-input corpus', () => {
  it('has at least 40 distinct cases, each with an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.spec.slug)).size).toBe(cases.length);
    for (const c of cases) expect(c.spec.expect.length, c.spec.slug).toBeGreaterThan(0);
  });

  it('the build without --quarantine fails, names every bad file, and writes nothing', async () => {
    expect(strict.code, strict.stderr.slice(-2000)).toBe(1);
    expect(strict.stderr).not.toMatch(STACK);
    expect(strict.stderr).toMatch(/build failed: \d+ of \d+ document\(s\) have errors/);
    // No data file; the build's parse cache (a hidden folder) may stay.
    expect(
      [...(await tree(join(ws.dir, 'dist-strict'))).keys()].filter((n) => !n.startsWith('.cache/')),
    ).toEqual([]);
  });

  it('the build with --quarantine succeeds, without a stack trace, within the time limit', () => {
    expect(lenient.code, lenient.stderr.slice(-2000)).toBe(0);
    expect(lenient.stderr).not.toMatch(STACK);
    expect(lenient.stdout).not.toMatch(STACK);
  });

  it('drops no file silently: every input is a record, quarantined, or named in a warning', () => {
    const all = cases.flatMap((c) => c.inputs);
    const silent = all.filter((name) => {
      if (recordOf(name) || quarantinedOf(name)) return false;
      if (name.endsWith('.metadata.xml')) {
        // A sidecar is used with its document or reported as an orphan.
        const doc = name.replace(/\.metadata\.xml$/, '.xml');
        return (
          !(all.includes(doc) && (recordOf(doc) || quarantinedOf(doc))) &&
          notesOf(name).length === 0
        );
      }
      return true;
    });
    const pendingSilent = silent.filter(
      (n) => !cases.some((c) => c.inputs.includes(n) && PENDING[c.spec.slug]),
    );
    expect(pendingSilent, 'silently dropped').toEqual([]);
    // The real documents are still built next to the hostile ones.
    for (const name of realDocuments) expect(recordOf(name), name).toBeDefined();
  });

  it('keeps the quarantined output schema-valid (kamervragen validate) and quarantine.json well-formed', async () => {
    // The NDJSON holds the same records as the JSON (checked by the export's own tests).
    for (const file of ['dist/kamervragen.ndjson']) {
      const check = await run(['validate', file], ws.dir, 90_000);
      expect(check.code, check.stderr.slice(0, 3000)).toBe(0);
    }
    for (const q of quarantine) {
      expect(q.file).toMatch(/^documents\//);
      expect(q.errors.length).toBeGreaterThan(0);
      for (const e of q.errors) {
        expect(e.code).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
        expect(typeof e.message).toBe('string');
      }
    }
  });

  it('writes nothing outside the output folder and leaves documents/ as it was', async () => {
    expect(await digests(ws.documents)).toEqual(documentsBefore);
    const names = (await readdir(ws.dir)).sort();
    // The build's parse cache lives in .cache/ of the folder it runs in (git-ignored); nothing else.
    expect(names.filter((n) => n !== '.cache')).toEqual([
      'dist',
      'dist-strict',
      'documents',
      'tmp',
    ]);
    // TMPDIR points here: only tsx's own compile cache may appear, nothing of the pipeline.
    expect(
      [...(await tree(join(ws.dir, 'tmp'))).keys()].filter((n) => !/^tsx-\d+\//.test(n)),
    ).toEqual([]);
    // Only the build's own parse cache may be hidden in the output folder: no lock, no staging.
    const leftovers = (dir: string) =>
      tree(join(ws.dir, dir)).then((t) =>
        [...t.keys()].filter((n) => n.startsWith('.') && !n.startsWith('.cache/')),
      );
    expect(await leftovers('dist')).toEqual([]);
    expect(await leftovers('dist-strict')).toEqual([]);
  });

  it('never lets /etc/passwd into any output, message or file', async () => {
    expect(PASSWD_LINES.length).toBeGreaterThan(0);
    const texts = [strict.stdout, strict.stderr, lenient.stdout, lenient.stderr];
    for (const r of parsed.values()) texts.push(r.stdout, r.stderr);
    for (const dir of ['dist', 'dist-strict', '.cache', 'tmp']) {
      for (const [, bytes] of await tree(join(ws.dir, dir))) texts.push(bytes.toString('utf8'));
    }
    for (const t of texts) expect(leaksPasswd(t)).toBeNull();
  });

  it('keeps every CSV cell exact and quotes each one a spreadsheet would run or split', async () => {
    const files = [...(await tree(join(ws.dir, 'dist'))).entries()].filter(([n]) =>
      n.endsWith('.csv'),
    );
    expect(files.length).toBe(TABLES.length + CROSS_TABLES.length);
    let formulaCells = 0;
    for (const [name, bytes] of files) {
      const text = bytes.toString('utf8');
      const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      for (const row of rows) {
        for (const cell of row) {
          // No apostrophe or other mark is added; a dangerous cell is quoted, which changes no value.
          expect(cell, `${name}: ${JSON.stringify(cell).slice(0, 80)}`).not.toMatch(/^'[=+\-@]/);
          if (!/^[=+\-@]|[;\t]/.test(cell)) continue;
          if (/^[=+\-@]/.test(cell)) formulaCells++;
          expect(text, `${name}: ${JSON.stringify(cell).slice(0, 80)}`).toContain(
            `"${cell.replace(/"/g, '""')}"`,
          );
        }
      }
    }
    // The csv-formulas case put such text in names, party, title, question and answer.
    expect(formulaCells).toBeGreaterThanOrEqual(6);
    const cells = (csv: string) => files.find(([n]) => n === csv)![1].toString('utf8');
    expect(cells('askers.csv')).toContain(`"=HYPERLINK`);
    expect(cells('askers.csv')).toContain(`"@SUM`);
    expect(cells('questions.csv')).toContain(`"=cmd|`);
    expect(cells('answers.csv')).toContain(`"+Ja.`);
    // The values are the records' own: the title of the formula case reads back as in the JSON.
    const titles = new Set(records.map((r) => r.title));
    const docs = Papa.parse<string[]>(cells('documents.csv'), { skipEmptyLines: true }).data;
    for (const row of docs.slice(1)) expect(titles.has(row[6] === '' ? null : row[6]!)).toBe(true);
  });
});

// The case list is known before beforeAll runs (the folder names), so each gets its own test.
const caseDirs = await caseFolders();
const slugs = [...caseDirs.map((d) => d.replace(/^\d+-/, '')), 'huge-file', 'symlink-to-passwd'];
describe.each(slugs)('case %s', (slug) => {
  const test = PENDING[slug] ? it.fails : it;
  test(`gives its diagnostic${PENDING[slug] ? ` (pending: ${PENDING[slug]})` : ''}`, () => {
    const c = cases.find((x) => x.spec.slug === slug)!;
    expect(c, slug).toBeDefined();
    for (const e of c.spec.expect) checkExpectation(e);
    for (const check of c.spec.checks ?? []) runCheck(c, check);
  });
  it('kamervragen parse: exits 0 with a record or 1 naming the file; no stack trace, no hang', () => {
    const c = cases.find((x) => x.spec.slug === slug)!;
    const names = c.inputs.filter((n) => !n.endsWith('.metadata.xml'));
    for (const n of names) expect(parsed.has(n), n).toBe(true);
    for (const [name, r] of [...parsed].filter(([k]) =>
      names.some((n) => k === n || k === `${n} (binary)`),
    )) {
      expect(r.code, `${name}: ${r.stderr.slice(0, 500)}`).not.toBeNull();
      expect(r.stderr).not.toMatch(STACK);
      if (r.code === 0) {
        const doc = JSON.parse(r.stdout) as Document;
        expect(doc.source.path).toBe(docPath(name.replace(' (binary)', '')));
      } else {
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(docPath(name.replace(' (binary)', '')));
        expect(r.stderr).toMatch(/error [a-z]+\/[a-z0-9-]+: .{10,}/);
      }
    }
  });
});
