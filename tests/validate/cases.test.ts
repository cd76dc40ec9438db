import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../pipeline/validate/validate-document.ts';
import { applyCase, type CaseFile } from './apply-case.ts';

const data = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')) as CaseFile;

describe('validateDocument on the data cases (tests/validate/cases.json)', () => {
  it('has valid and invalid cases for both the schema and the integrity rules', () => {
    const codes = data.cases.flatMap((c) => c.errors ?? []).map((e) => e.code);
    expect(data.cases.filter((c) => c.valid).length).toBeGreaterThan(3);
    expect(codes.filter((c) => c.startsWith('schema/')).length).toBeGreaterThan(10);
    expect(codes.filter((c) => c.startsWith('integrity/')).length).toBeGreaterThan(5);
  });

  it.each(data.cases.map((c) => [c.description, c] as const))('%s', (_name, c) => {
    const diagnostics = validateDocument(applyCase(data.base, c), 'documents/case.txt');
    const found = (severity: string) =>
      diagnostics
        .filter((d) => d.severity === severity)
        .map((d) => ({ code: d.code, field: d.field ?? '' }));
    expect(found('warning')).toEqual(c.warnings ?? []);
    if (c.valid) {
      expect(found('error')).toEqual([]);
      return;
    }
    const errors = found('error');
    for (const expected of c.errors ?? []) expect(errors).toContainEqual(expected);
    // Nothing unrelated is reported: every problem is at (or inside) a field the case changed.
    const fields = (c.errors ?? []).map((e) => e.field);
    for (const f of errors) expect(fields.some((field) => f.field.startsWith(field))).toBe(true);
    for (const d of diagnostics) {
      expect(d.file).toBe('documents/case.txt');
      expect(d.message.length).toBeGreaterThan(10);
    }
  });
});
