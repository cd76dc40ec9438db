import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatProfile,
  summariseProfiles,
  type CpuProfile,
} from '../../pipeline/bench/summarise-profile.ts';
import { formatSummary, median, SUMMARY_PATTERN } from '../../pipeline/bench/summary-line.ts';
import { ROOT, runBenchScript } from './run-bench-script.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('summary line', () => {
  const none = {
    releasePeakRssMb: null,
    unchangedS: null,
    incrementalS: null,
    incrementalPeakRssMb: null,
    buildS: null,
    buildPeakRssMb: null,
    buildIncrementalS: null,
  };
  it('prints medians in the agreed format, the ratio computed from them', () => {
    const line = formatSummary({
      docs: 1000,
      releaseS: 12.5,
      releasePeakRssMb: 311.4,
      unchangedS: 0.5,
      incrementalS: 1.234,
      incrementalPeakRssMb: 200,
      buildS: 10,
      buildPeakRssMb: 300,
      buildIncrementalS: 1,
      floorS: 0.25,
      quarantined: 0,
    });
    expect(line).toMatch(SUMMARY_PATTERN);
    expect(line).toBe(
      'docs=1000 release_s=12.50 release_peak_rss_mb=311 unchanged_s=0.50 incremental_s=1.23 incremental_peak_rss_mb=200 ' +
        'build_s=10.00 build_peak_rss_mb=300 build_incremental_s=1.00 floor_s=0.250 ratio_to_floor=50.0 quarantined=0',
    );
  });

  it('says na for what was not measured, never a number', () => {
    const line = formatSummary({
      docs: 10,
      releaseS: null,
      floorS: 0.01,
      quarantined: null,
      ...none,
    });
    expect(line).toMatch(SUMMARY_PATTERN);
    expect(line).toContain('release_s=na release_peak_rss_mb=na unchanged_s=na incremental_s=na');
    expect(line).toContain('floor_s=0.010 ratio_to_floor=na quarantined=na');
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('npm run bench', () => {
  it('releases and builds a small generated corpus with the real CLI and ends with the summary line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-bench-run-'));
    dirs.push(dir);
    const run = await runBenchScript('bench-main.ts', [
      '--docs',
      '12',
      '--runs',
      '1',
      '--seed',
      'summary',
      '--corpus',
      dir,
    ]);
    const lines = run.stdout.trim().split('\n');
    const last = lines.at(-1) ?? '';
    expect(last, run.stdout + run.stderr).toMatch(SUMMARY_PATTERN);
    const fields = Object.fromEntries(
      last.split(' ').map((kv) => kv.split('=') as [string, string]),
    );
    expect(fields.docs).toBe('12');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // Every command ran: real figures, and the releases exist with one record per document.
    for (const key of Object.keys(fields)) expect(fields[key], key).not.toBe('na');
    expect(Number(fields.release_peak_rss_mb)).toBeGreaterThan(20);
    expect(Number(fields.release_s)).toBeGreaterThan(Number(fields.floor_s));
    const releases = join(dir, 'work', 'releases');
    expect((await readdir(releases)).sort()).toEqual(['1.0.0', '1.1.0']);
    const ndjson = await readFile(join(releases, '1.1.0', 'kamervragen-1.1.0.ndjson'), 'utf8');
    // The last release in the run is the incremental one: 12 documents plus the added one.
    expect(ndjson.trim().split('\n')).toHaveLength(13 - Number(fields.quarantined));
    expect(
      (await readdir(join(dir, 'documents'))).filter((n) => !n.endsWith('.metadata.xml')),
    ).toHaveLength(12);
  });
});

describe('corpus lock', () => {
  it('refuses to measure a corpus another live benchmark holds, and takes over a stale lock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-bench-lock-'));
    dirs.push(dir);
    await writeFile(join(dir, 'bench.lock'), `${process.pid}\n`);
    const refused = await runBenchScript('bench-main.ts', [
      '--docs',
      '2',
      '--runs',
      '1',
      '--corpus',
      dir,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`another benchmark (pid ${process.pid})`);
    const { lockCorpus } = await import('../../pipeline/bench/corpus-lock.ts');
    await writeFile(join(dir, 'bench.lock'), '999999999\n');
    const unlock = await lockCorpus(dir);
    expect((await readFile(join(dir, 'bench.lock'), 'utf8')).trim()).toBe(String(process.pid));
    await unlock();
    await expect(readFile(join(dir, 'bench.lock'))).rejects.toThrow();
  });
});

describe('profile summary', () => {
  it('finds the function that burns the time in a real V8 profile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-prof-'));
    dirs.push(dir);
    const script =
      'function burnCycles(){let x=0;for(let i=0;i<8e7;i++)x=(x+i*7)%1000003;return x}function idle(){return 1}console.log(burnCycles()+idle())';
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.cpuprofile'));
    const profiles = await Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as CpuProfile),
    );
    const summary = summariseProfiles(profiles, ROOT);
    expect(summary.functions[0]?.name).toMatch(/^burnCycles /);
    expect(summary.functions[0]?.share).toBeGreaterThan(0.5);
    expect(formatProfile(summary)).toContain('top functions by self time');
  });
});
