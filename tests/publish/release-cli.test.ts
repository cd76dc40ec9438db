// `kamervragen release` end to end, as a newcomer and as the workflow run it: real files in a
// scratch project, the real CLI in a child process, sha256sum on the result, and the GitHub
// stand-in for the github: target (with the token checked for leaks in every line we print).
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from '../support/run-cli.ts';
import { FakeGitHub } from './support/fake-github.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SEED_DOCS = join(ROOT, 'documents');
const ADDED = join(ROOT, 'tests/corpus/ah-tk-20142015-698.pdf-text-poppler.txt');
const ADDED_ID = 'ah-tk-20142015-698';
const COMMIT = '1111111111111111111111111111111111111111';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kv-release-'));
  scratch.push(dir);
  cpSync(SEED_DOCS, join(dir, 'documents'), { recursive: true });
  return dir;
}

/**
 * Every file under dir (relative path → content), for byte-for-byte comparisons. The record
 * cache (.cache/, shared with `kamervragen build`) is left out: it is the one place outside OUT
 * and the target that a release writes, and never part of the dataset.
 */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      const name = path.slice(dir.length + 1);
      if (name.startsWith('.cache/')) continue;
      out[name] = readFileSync(path).toString('base64');
    }
  }
  return out;
}

const release = (cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  runCli(['release', '--source-commit', COMMIT, ...args], {
    cwd,
    env: { SOURCE_DATE_EPOCH: '', ...env },
  });

describe('kamervragen release to a local folder', () => {
  let first: string;

  it('releases 1.0.0, then says nothing changed, then makes a minor release naming the added document', async () => {
    first = project();
    const r1 = await release(first);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/Released 1\.0\.0 \(initial/);
    const folder = join(first, 'dist/releases/1.0.0');
    expect(readdirSync(folder)).toEqual(
      expect.arrayContaining([
        'kamervragen-1.0.0.json',
        'SHA256SUMS',
        'CITATION.cff',
        'manifest.json',
        'RELEASE_NOTES.md',
      ]),
    );
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: folder });
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: join(first, 'dist') });
    expect(readFileSync(join(first, 'CITATION.cff'), 'utf8')).toBe(
      readFileSync(join(folder, 'CITATION.cff'), 'utf8'),
    );
    // One version everywhere: manifest, datapackage.json, CITATION.cff.
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Record<
      string,
      string
    >;
    const datapackage = JSON.parse(
      readFileSync(join(folder, 'datapackage.json'), 'utf8'),
    ) as Record<string, string>;
    expect([manifest.version, datapackage.version]).toEqual(['1.0.0', '1.0.0']);
    expect(datapackage.created).toBe(`${manifest.date}T00:00:00Z`);
    expect(readFileSync(join(folder, 'CITATION.cff'), 'utf8')).toContain(
      `date-released: "${manifest.date}"`,
    );

    const before = snapshot(first);
    const r2 = await release(first);
    expect(r2.code).toBe(0);
    expect(r2.stdout).toMatch(/Nothing changed since 1\.0\.0/);
    expect(snapshot(first)).toEqual(before);

    const later = join(tmpdir(), `kv-later-${process.pid}`);
    cpSync(first, later, { recursive: true });
    scratch.push(later);
    cpSync(ADDED, join(later, `documents/${ADDED_ID}.onterechte-ziekenhuisrekeningen.pdf.txt`));
    const r3 = await release(later, ['--json']);
    expect(r3.code, r3.stderr).toBe(0);
    const outcome = JSON.parse(r3.stdout) as {
      status: string;
      version: string;
      bump: string;
      added: string[];
    };
    expect(outcome).toMatchObject({
      status: 'release',
      version: '1.1.0',
      bump: 'minor',
      added: [ADDED_ID],
    });
    const notes = readFileSync(join(later, 'dist/releases/1.1.0/RELEASE_NOTES.md'), 'utf8');
    expect(notes).toContain(`\`${ADDED_ID}\``);
    expect(notes).toContain('## Added (1)');
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], {
      cwd: join(later, 'dist/releases/1.1.0'),
    });
    // The earlier version stays as it was.
    expect(snapshot(join(later, 'dist/releases/1.0.0'))).toEqual(snapshot(folder));
  });

  it('rebuilds a released version byte for byte: from its dist/ (the tag) and from scratch', async () => {
    const tag = project();
    cpSync(join(first, 'dist'), join(tag, 'dist'), {
      recursive: true,
      filter: (src) => !src.includes('/releases'),
    });
    const r = await release(tag, ['--target', 'dir:rebuilt']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Nothing changed since 1\.0\.0/);
    expect(snapshot(join(tag, 'rebuilt/1.0.0'))).toEqual(
      snapshot(join(first, 'dist/releases/1.0.0')),
    );

    const fresh = project();
    expect((await release(fresh)).code).toBe(0);
    expect(snapshot(join(fresh, 'dist'))).toEqual(snapshot(join(first, 'dist')));
  });

  it('stops when documents disappear unless --allow-removals, naming them', async () => {
    const dir = project();
    expect((await release(dir)).code).toBe(0);
    const removed = readdirSync(join(dir, 'documents'))[0]!;
    const id = removed.split('.')[0]!;
    rmSync(join(dir, 'documents', removed));
    const manifest = readFileSync(join(dir, 'dist/manifest.json'), 'utf8');
    const refused = await release(dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(id);
    expect(refused.stderr).toContain('--allow-removals');
    expect(readFileSync(join(dir, 'dist/manifest.json'), 'utf8')).toBe(manifest);
    const allowed = await release(dir, ['--allow-removals']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/Released 2\.0\.0 \(major/);
    expect(readFileSync(join(dir, 'dist/releases/2.0.0/RELEASE_NOTES.md'), 'utf8')).toContain(
      `## Removed (1)\n\n- \`${id}\``,
    );

    // A released version never changes: a tampered copy is refused, not "repaired".
    writeFileSync(join(dir, 'dist/releases/2.0.0/documents.csv'), 'tampered\n');
    const tampered = await release(dir);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/publish\/immutable/);
    expect(tampered.stderr).toContain('documents.csv differs');
  });

  it('--out DIR writes nothing outside DIR and the target; dist/ holds no single-file download', async () => {
    const dir = project();
    const before = snapshot(dir);
    const r = await release(dir, ['--out', 'elsewhere/dist', '--target', 'dir:elsewhere/rel']);
    expect(r.code, r.stderr).toBe(0);
    const after = snapshot(dir);
    const outside = Object.keys(after).filter(
      (name) => !name.startsWith('elsewhere/') && after[name] !== before[name],
    );
    expect(outside).toEqual([]);
    expect(existsSync(join(dir, 'CITATION.cff'))).toBe(false);
    const dist = Object.keys(snapshot(join(dir, 'elsewhere/dist'))).sort();
    expect(dist.filter((n) => !n.startsWith('data/'))).toEqual([
      'CITATION.cff',
      'README.md',
      'RELEASE_NOTES.md',
      'SHA256SUMS',
      'datapackage.json',
      'manifest.json',
      'quarantine.json',
    ]);
    expect(dist).toContain('data/2018-2019.ndjson');
    expect(dist).toContain('data/2020-2021.ndjson');
    expect(dist.every((n) => !n.startsWith('data/') || /^data\/[\w-]+\.ndjson$/.test(n))).toBe(
      true,
    );
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], {
      cwd: join(dir, 'elsewhere/dist'),
    });
    // The year files hold, line for line, the release's NDJSON download.
    const years = dist
      .filter((n) => n.startsWith('data/'))
      .flatMap((n) =>
        readFileSync(join(dir, 'elsewhere/dist', n), 'utf8')
          .trim()
          .split('\n'),
      );
    const ndjson = readFileSync(join(dir, 'elsewhere/rel/1.0.0/kamervragen-1.0.0.ndjson'), 'utf8');
    expect(years.sort()).toEqual(ndjson.trim().split('\n').sort());
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const dir = project();
    const before = snapshot(dir);
    const r = await release(dir, ['--dry-run', '--gzip-min-bytes', '10000']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Would release 1\.0\.0/);
    expect(r.stdout).toMatch(/WRITE .*kamervragen-1\.0\.0\.json\s+\d+ bytes\s+sha256:[0-9a-f]{64}/);
    expect(r.stdout).toMatch(/kamervragen-1\.0\.0\.json\.gz\s+\d+ bytes/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('stops on a broken document, or releases without it under --quarantine and names it in the notes', async () => {
    const dir = project();
    const broken = 'documents/ah-tk-20992100-1.broken.pdf.txt';
    writeFileSync(join(dir, broken), 'Dit is geen Kamervraag.\n');
    const before = snapshot(dir);
    const stopped = await release(dir);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/No release: [1-9]\d* error/);
    expect(stopped.stderr).toContain(broken);
    expect(snapshot(dir)).toEqual(before);

    const quarantined = await release(dir, ['--quarantine']);
    expect(quarantined.code, quarantined.stderr).toBe(0);
    expect(quarantined.stdout).toContain(`Quarantined (left out): ${broken}`);
    const notes = readFileSync(join(dir, 'dist/releases/1.0.0/RELEASE_NOTES.md'), 'utf8');
    expect(notes).toContain(`## Quarantined (1)`);
    expect(notes).toContain(`\`${broken}\``);
  });

  it.skipIf(!existsSync(join(ROOT, 'dist/manifest.json')))(
    'the committed dist/ is what releasing its documents gives',
    async () => {
      const dir = project();
      cpSync(join(ROOT, 'dist'), join(dir, 'dist'), {
        recursive: true,
        filter: (src) => !src.includes('/releases'),
      });
      const committed = snapshot(join(dir, 'dist'));
      const r = await runCli(['release', '--no-publish'], {
        cwd: dir,
        env: { SOURCE_DATE_EPOCH: '' },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Nothing changed/);
      expect(snapshot(join(dir, 'dist'))).toEqual(committed);
    },
  );
});

describe('kamervragen release to GitHub (stand-in)', () => {
  const CANARY = 'ghp_CANARY0secret0token0that0must0never0leak';

  const env = (fake: FakeGitHub, token = CANARY) => ({
    GITHUB_TOKEN: token,
    GITHUB_API_URL: fake.apiUrl,
    KAMERVRAGEN_RELEASE_DELAY_UNIT_MS: '1',
    KAMERVRAGEN_RELEASE_WRITE_INTERVAL_MS: '0',
  });
  const target = (fake: FakeGitHub) => ['--target', `github:${fake.owner}/${fake.repo}`];

  it('publishes through faults and re-runs, and never prints the token', async () => {
    let uploads = 0;
    const fake = await new FakeGitHub({
      token: CANARY,
      fault: (r) => {
        if (r.host !== 'uploads')
          return r.method === 'POST' && r.n % 2 === 0
            ? { kind: 'rate-limit', status: 403, retryAfter: 1 }
            : null;
        uploads++;
        if (uploads === 2) return { kind: 'starter' };
        if (uploads === 4) return { kind: 'reset' };
        if (uploads === 5) return { kind: 'already-exists' };
        return null;
      },
    }).start();
    const outputs: CliResult[] = [];
    try {
      const dir = project();
      const dry = await release(dir, [...target(fake), '--dry-run'], env(fake));
      outputs.push(dry);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/repos\/.*\/releases/);
      expect(dry.stdout).toMatch(/kamervragen-1\.0\.0\.json\s+\d+ bytes\s+sha256:[0-9a-f]{64}/);
      expect(fake.requests.every((q) => q.method === 'GET')).toBe(true);

      let result: CliResult | undefined;
      for (let i = 0; i < 4 && result?.code !== 0; i++) {
        result = await release(dir, target(fake), env(fake));
        outputs.push(result);
      }
      expect(result!.code, result!.stderr).toBe(0);
      expect(result!.stdout).toMatch(/Published 1\.0\.0 to github:/);
      const again = await release(dir, [...target(fake), '--json'], env(fake));
      outputs.push(again);
      expect(JSON.parse(again.stdout)).toMatchObject({
        status: 'unchanged',
        publish: { action: 'exists' },
      });

      // A rejected token: the error is shown, the token is not.
      const wrong = await release(dir, target(fake), env(fake, `${CANARY}-wrong`));
      outputs.push(wrong);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/publish\/github: .* answered 401 .*GITHUB_TOKEN was refused/);

      expect(fake.published).toHaveLength(1);
      expect(fake.violations).toEqual([]);
      // The token did travel (so the check below means something) ...
      expect(fake.requests.some((q) => q.authorization?.includes(CANARY))).toBe(true);
      expect(fake.requests.some((q) => q.fault !== null)).toBe(true);
      // ... and appears in nothing we printed.
      for (const o of outputs) {
        expect(o.stdout).not.toContain(CANARY);
        expect(o.stderr).not.toContain(CANARY);
      }
    } finally {
      await fake.stop();
    }
  });

  it('the workflow script takes the same path, and a killed run is finished by the next', async () => {
    const fake = await new FakeGitHub({ token: CANARY }).start();
    try {
      const dir = project();
      // Kill our process outright in the middle of the uploads: no cleanup code gets to run.
      let child: ReturnType<typeof spawn> | undefined;
      let uploads = 0;
      fake.fault = (r) => {
        if (r.host === 'uploads' && ++uploads === 3) child?.kill('SIGKILL');
        return null;
      };
      // node itself with tsx's loader (not the tsx wrapper), so the kill hits the process doing the work.
      const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
      const script = join(ROOT, 'pipeline/scripts/release.ts');
      const run = () =>
        new Promise<CliResult>((resolve) => {
          child = spawn(
            process.execPath,
            ['--import', loader, script, ...target(fake), '--source-commit', COMMIT, '--json'],
            {
              cwd: dir,
              env: { ...process.env, ...env(fake) },
            },
          );
          let stdout = '';
          let stderr = '';
          child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        });
      const killed = await run();
      expect(killed.code).toBeNull(); // died by signal
      expect(fake.published).toHaveLength(0);
      expect(fake.releases.filter((r) => r.draft)).toHaveLength(1);

      fake.fault = undefined;
      const finished = await run();
      expect(finished.code, finished.stderr).toBe(0);
      expect(JSON.parse(finished.stdout)).toMatchObject({
        version: '1.0.0',
        publish: { action: 'created' },
      });
      expect(fake.releases).toHaveLength(1);
      expect(fake.published).toHaveLength(1);
      const sums = fake.releases[0]!.assets.find((a) => a.name === 'SHA256SUMS')!;
      for (const line of sums.bytes.toString('utf8').trim().split('\n')) {
        const [digest, name] = line.split('  ');
        const asset = fake.releases[0]!.assets.find((a) => a.name === name)!;
        expect(
          execFileSync('sha256sum', { input: asset.bytes, encoding: 'utf8' }).split(' ')[0],
        ).toBe(digest);
      }
      for (const o of [killed, finished]) expect(o.stdout + o.stderr).not.toContain(CANARY);
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});
