// The limits per document (pipeline/extract/limits.ts): a compression bomb, an oversized file,
// a file that takes too long to parse and one that needs too much memory each fail alone, named,
// and the build or release goes on.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INFLATED_BYTES, MAX_INPUT_BYTES } from '../../pipeline/extract/limits.ts';
import { extractOdtText } from '../../pipeline/extract/odt-text.ts';
import { extractPdfText } from '../../pipeline/extract/pdf-text.ts';
import { ROOT } from '../support/run-cli.ts';
import { copyDocuments, removeWorkspaces, runToEnd, workspace } from './support.ts';

afterAll(removeWorkspaces);

const SEED = readFileSync(join(ROOT, 'tests/seeds/ah-tk-20182019-3922.pdf-text.txt'), 'utf8');
const BOMB = MAX_INFLATED_BYTES + 2 ** 20;
// Every document of documents/ is built beside the one that fails.
const COMMITTED = (
  JSON.parse(readFileSync(join(ROOT, 'dist/manifest.json'), 'utf8')) as {
    counts: { documents: number };
  }
).counts.documents;

describe('compression bombs', () => {
  it('an ODT whose content.xml claims 1 KiB but inflates past the limit is refused', () => {
    const zip = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': new Uint8Array(BOMB).fill(0x20),
    });
    // Claim 1 KiB in the central directory, as the hostile archive does.
    const view = new DataView(zip.buffer);
    for (let at = 0; at < zip.length - 4; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1024, true);
    const started = performance.now();
    const out = extractOdtText(zip, 'bomb.odt');
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.diagnostic.code).toBe('extract/too-large');
      expect(out.diagnostic.message).toMatch(/content\.xml inflates to more than 256 MiB/);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a PDF whose stream inflates past the limit is refused before pdfjs reads it', async () => {
    const stream = deflateSync(new Uint8Array(BOMB));
    const pdf = Buffer.concat([
      Buffer.from(
        '%PDF-1.4\n1 0 obj\n<< /Length ' + stream.length + ' /Filter /FlateDecode >>\nstream\n',
      ),
      stream,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n'),
    ]);
    const out = await extractPdfText(pdf, 'bomb.pdf');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.diagnostic.code).toBe('extract/too-large');
  });
});

describe('limits in a real build', () => {
  async function setUp(name: string, write: (path: string) => Promise<void>) {
    const ws = await workspace('limits');
    await mkdir(join(ws, 'documents'));
    await copyDocuments(join(ws, 'documents'));
    await write(join(ws, 'documents', name));
    return ws;
  }
  const quarantined = async (ws: string) =>
    (
      JSON.parse(await readFile(join(ws, 'out', 'quarantine.json'), 'utf8')) as {
        quarantined: { file: string; errors: { code: string; message: string }[] }[];
      }
    ).quarantined;

  it('a file over the input limit is named and left out, not read', async () => {
    const name = 'ah-tk-20202021-9101.huge.pdf.txt';
    // A sparse file: over the limit without taking the disk space.
    const ws = await setUp(name, async (path) => {
      await writeFile(path, SEED);
      await truncate(path, MAX_INPUT_BYTES + 1);
    });
    const strict = await runToEnd(['build', '--out', 'out', '--no-cache'], ws);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`documents/${name}`);
    expect(strict.stderr).toContain('build/too-large');
    const r = await runToEnd(['build', '--out', 'out', '--no-cache', '--quarantine'], ws);
    expect(r.code, r.stderr).toBe(0);
    const q = await quarantined(ws);
    expect(q.map((e) => [e.file, e.errors[0]?.code])).toEqual([
      [`documents/${name}`, 'build/too-large'],
    ]);
    expect(q[0]!.errors[0]!.message).toMatch(/over the limit of 96 MiB/);
    const records = JSON.parse(await readFile(join(ws, 'out', 'kamervragen.json'), 'utf8'));
    expect(records).toHaveLength(COMMITTED);
  }, 120_000);

  it('a document that takes longer than the time limit fails alone; the others are built', async () => {
    const name = 'ah-tk-20202021-9102.slow.pdf.txt';
    const ws = await setUp(name, async (path) => {
      const at = SEED.indexOf('Antwoord 1');
      // Millions of one-character lines: many seconds of parsing, far over a 2 s limit.
      await writeFile(path, SEED.slice(0, at) + '"\n'.repeat(5_000_000) + SEED.slice(at));
    });
    const env = { KAMERVRAGEN_PARSE_TIME_LIMIT: '2' };
    const r = await runToEnd(['build', '--out', 'out', '--no-cache', '--quarantine'], ws, env);
    expect(r.code, r.stderr).toBe(0);
    const q = await quarantined(ws);
    expect(q.map((e) => [e.file, e.errors[0]?.code])).toEqual([
      [`documents/${name}`, 'parse/time-limit'],
    ]);
    const records = JSON.parse(await readFile(join(ws, 'out', 'kamervragen.json'), 'utf8'));
    expect(records).toHaveLength(COMMITTED);
    // Not cached: the next build parses it again, and stops it again.
    const again = await runToEnd(['build', '--out', 'out', '--quarantine'], ws, env);
    expect(again.code, again.stderr).toBe(0);
    expect((await quarantined(ws))[0]?.errors[0]?.code).toBe('parse/time-limit');
  }, 180_000);

  it("the audit's 34 MB text of quotes fails alone on the memory limit of a release; the rest is released", async () => {
    const name = 'ah-tk-20202021-9103.quotes.pdf.txt';
    const ws = await setUp(name, async (path) => {
      const at = SEED.indexOf('Antwoord 1');
      await writeFile(path, SEED.slice(0, at) + '"'.repeat(34_000_000) + SEED.slice(at));
    });
    // Far below what this document needs to parse; the default (4096 MiB) parses it.
    const env = { KAMERVRAGEN_PARSE_MEMORY_LIMIT: '256', SOURCE_DATE_EPOCH: '1700000000' };
    const args = ['release', '--out', 'out', '--target', 'dir:releases', '--quarantine'];
    const r = await runToEnd(args, ws, env, 170_000);
    // Not V8's out-of-memory abort of the whole process (SIGABRT, status 134).
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    const q = await quarantined(ws);
    expect(q.map((e) => [e.file, e.errors[0]?.code])).toEqual([
      [`documents/${name}`, 'parse/memory-limit'],
    ]);
    expect(q[0]!.errors[0]!.message).toMatch(/more than 256 MiB of memory/);
    const manifest = JSON.parse(await readFile(join(ws, 'out', 'manifest.json'), 'utf8')) as {
      counts: { documents: number };
    };
    expect(manifest.counts.documents).toBe(COMMITTED);
  }, 180_000);
});
