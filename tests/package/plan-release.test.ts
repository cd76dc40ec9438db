import { describe, expect, it } from 'vitest';
import { summarise } from '../../pipeline/build/prepare-record.ts';
import { KamervragenError } from '../../pipeline/errors.ts';
import { recordHash } from '../../pipeline/package/hash-record.ts';
import { buildManifest } from '../../pipeline/package/manifest.ts';
import { assertRemovalsAllowed, planRelease } from '../../pipeline/package/plan-release.ts';
import type { Manifest, ReleasePlan } from '../../pipeline/package/release-types.ts';
import type { Document } from '../../pipeline/types.ts';
import { corpusRecords, edited } from './records.ts';

const all = corpusRecords();
const base = all.slice(0, 4);
const newest = (records: Document[]) =>
  records
    .flatMap((r) => [r.answered, r.submitted])
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);

function released(records: Document[], schemaVersion = '1.0.0'): Manifest {
  const plan = planRelease(records, null, { schemaVersion });
  if (plan.kind !== 'release') throw new Error('expected a release');
  return buildManifest({
    plan,
    records: records.map(summarise),
    assets: [],
    schemaVersion,
    sourceCommit: null,
    repository: 'https://example.org/r',
    quarantined: [],
  });
}

const release = (p: ReleasePlan) => {
  if (p.kind !== 'release') throw new Error(`expected a release, got ${p.kind}`);
  return p;
};

describe('planRelease', () => {
  it('starts at 1.0.0 with every record added, dated by the newest document date', () => {
    expect(all.length).toBeGreaterThan(5);
    const plan = release(planRelease(base, null, { schemaVersion: '1.0.0' }));
    expect(plan).toMatchObject({ version: '1.0.0', bump: 'initial', date: newest(base) });
    expect(plan.changes.added.map((r) => r.id)).toEqual(base.map((r) => r.id).sort());
  });

  it('says unchanged when every record hashes the same, whatever the order', () => {
    const previous = released(base);
    const plan = planRelease([...base].reverse(), previous, { schemaVersion: '1.0.0' });
    expect(plan).toEqual({ kind: 'unchanged', version: '1.0.0', date: previous.date, previous });
  });

  it('hashes records independently of key order', () => {
    const r = base[0]!;
    const shuffled = Object.fromEntries(Object.entries(r).reverse()) as unknown as Document;
    expect(recordHash(shuffled)).toBe(recordHash(r));
    expect(recordHash(edited(r))).not.toBe(recordHash(r));
  });

  it('is minor when documents are added, naming them', () => {
    const added = all[5]!;
    const plan = release(planRelease([...base, added], released(base), { schemaVersion: '1.0.0' }));
    expect(plan).toMatchObject({ version: '1.1.0', bump: 'minor' });
    expect(plan.changes.added).toEqual([{ id: added.id, title: added.title }]);
    expect(plan.changes.changed).toEqual([]);
  });

  it('is patch when existing records change', () => {
    const changed = edited(base[1]!);
    const plan = release(
      planRelease([base[0]!, changed, base[2]!, base[3]!], released(base), {
        schemaVersion: '1.0.0',
      }),
    );
    expect(plan).toMatchObject({ version: '1.0.1', bump: 'patch' });
    expect(plan.changes.changed.map((r) => r.id)).toEqual([changed.id]);
  });

  it('is major when the record schema changes incompatibly', () => {
    const plan = release(planRelease(base, released(base), { schemaVersion: '2.0.0' }));
    expect(plan).toMatchObject({ version: '2.0.0', bump: 'major' });
    // A compatible schema change (minor) with the same records is no release at all.
    expect(planRelease(base, released(base), { schemaVersion: '1.1.0' }).kind).toBe('unchanged');
  });

  it('stops on removed records unless allowed, naming every id and title', () => {
    const previous = released(base);
    const plan = release(planRelease(base.slice(2), previous, { schemaVersion: '1.0.0' }));
    expect(plan.bump).toBe('major');
    expect(plan.changes.removed).toEqual(
      base
        .slice(0, 2)
        .map((r) => ({ id: r.id, title: r.title }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    let error: unknown;
    try {
      assertRemovalsAllowed(plan, false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KamervragenError);
    expect((error as KamervragenError).code).toBe('package/removals');
    for (const r of base.slice(0, 2)) expect((error as Error).message).toContain(r.id);
    expect(() => assertRemovalsAllowed(plan, true)).not.toThrow();
  });

  it('takes SOURCE_DATE_EPOCH as the only clock when given, and never dates before the previous release', () => {
    const epoch = Date.UTC(2030, 0, 2, 23, 59, 59) / 1000;
    expect(
      release(planRelease(base, null, { schemaVersion: '1.0.0', sourceDateEpoch: epoch })).date,
    ).toBe('2030-01-02');
    const previous = { ...released(base), date: '2099-12-31' };
    expect(
      release(
        planRelease([edited(base[0]!), ...base.slice(1)], previous, { schemaVersion: '1.0.0' }),
      ).date,
    ).toBe('2099-12-31');
  });

  it('asks for SOURCE_DATE_EPOCH when no document has a date', () => {
    const undated = base.map((r) => ({ ...r, answered: null, submitted: null }));
    expect(() => planRelease(undated, null, { schemaVersion: '1.0.0' })).toThrow(
      /SOURCE_DATE_EPOCH/,
    );
  });
});
