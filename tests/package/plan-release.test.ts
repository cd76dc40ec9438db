import { describe, expect, it } from 'vitest';
import { summarise } from '../../pipeline/build/prepare-record.ts';
import { KamervragenError } from '../../pipeline/errors.ts';
import { recordHash } from '../../pipeline/package/hash-record.ts';
import { buildManifest } from '../../pipeline/package/manifest.ts';
import {
  assertRemovalsAllowed,
  planRelease,
  runEpoch,
} from '../../pipeline/package/plan-release.ts';
import type { Manifest, ReleasePlan } from '../../pipeline/package/release-types.ts';
import type { Document } from '../../pipeline/types.ts';
import { corpusRecords, edited } from './records.ts';

const all = corpusRecords();
const base = all.slice(0, 4);
// The moment a release is made (the command line's SOURCE_DATE_EPOCH, else its clock).
const MADE = Date.UTC(2026, 11, 3, 9, 30) / 1000;

function released(records: Document[], schemaVersion = '1.0.0'): Manifest {
  const plan = planRelease(records, null, { schemaVersion, sourceDateEpoch: MADE });
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
  it('starts at 1.0.0 with every record added, dated the day it is made (not by its documents)', () => {
    expect(all.length).toBeGreaterThan(5);
    const plan = release(
      planRelease(base, null, { schemaVersion: '1.0.0', sourceDateEpoch: MADE }),
    );
    expect(plan).toMatchObject({ version: '1.0.0', bump: 'initial', date: '2026-12-03' });
    expect(base.every((r) => (r.answered ?? '') < '2026-12-03')).toBe(true);
    expect(plan.changes.added.map((r) => r.id)).toEqual(base.map((r) => r.id).sort());
  });

  it('says unchanged when every record hashes the same, whatever the order', () => {
    const previous = released(base);
    const plan = planRelease([...base].reverse(), previous, {
      schemaVersion: '1.0.0',
      sourceDateEpoch: MADE,
    });
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
    const plan = release(
      planRelease([...base, added], released(base), {
        schemaVersion: '1.0.0',
        sourceDateEpoch: MADE,
      }),
    );
    expect(plan).toMatchObject({ version: '1.1.0', bump: 'minor' });
    expect(plan.changes.added).toEqual([{ id: added.id, title: added.title }]);
    expect(plan.changes.changed).toEqual([]);
  });

  it('is patch when existing records change', () => {
    const changed = edited(base[1]!);
    const plan = release(
      planRelease([base[0]!, changed, base[2]!, base[3]!], released(base), {
        schemaVersion: '1.0.0',
        sourceDateEpoch: MADE,
      }),
    );
    expect(plan).toMatchObject({ version: '1.0.1', bump: 'patch' });
    expect(plan.changes.changed.map((r) => r.id)).toEqual([changed.id]);
  });

  it('is major when the record schema changes incompatibly', () => {
    const plan = release(
      planRelease(base, released(base), { schemaVersion: '2.0.0', sourceDateEpoch: MADE }),
    );
    expect(plan).toMatchObject({ version: '2.0.0', bump: 'major' });
    // A compatible schema change (minor) with the same records is no release at all.
    expect(
      planRelease(base, released(base), { schemaVersion: '1.1.0', sourceDateEpoch: MADE }).kind,
    ).toBe('unchanged');
  });

  it('stops on removed records unless allowed, naming every id and title', () => {
    const previous = released(base);
    const plan = release(
      planRelease(base.slice(2), previous, { schemaVersion: '1.0.0', sourceDateEpoch: MADE }),
    );
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
        planRelease([edited(base[0]!), ...base.slice(1)], previous, {
          schemaVersion: '1.0.0',
          sourceDateEpoch: MADE,
        }),
      ).date,
    ).toBe('2099-12-31');
  });

  it('asks for SOURCE_DATE_EPOCH when a new release has no moment it is made', () => {
    expect(() => planRelease(base, null, { schemaVersion: '1.0.0' })).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('keeps the date of a released version when nothing changed, whenever it is rebuilt', () => {
    const previous = released(base);
    const later = MADE + 400 * 86400;
    const plan = planRelease(base, previous, { schemaVersion: '1.0.0', sourceDateEpoch: later });
    expect(plan).toMatchObject({ kind: 'unchanged', date: '2026-12-03' });
  });

  it('runEpoch: SOURCE_DATE_EPOCH when set, else the clock it is given', () => {
    expect(runEpoch(1700000000, Date.UTC(2026, 0, 1))).toBe(1700000000);
    expect(runEpoch(undefined, Date.UTC(2026, 0, 1, 12))).toBe(Date.UTC(2026, 0, 1, 12) / 1000);
  });
});
