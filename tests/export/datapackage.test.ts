import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../pipeline/export/export-dataset.ts';
import { schemaDescription } from '../../pipeline/export/schema-description.ts';
import { CSV_COLUMNS, TABLES } from '../../pipeline/export/tables.ts';
import { PACKAGE_TABLES } from '../../pipeline/export/export-dataset.ts';
import { sampleDocuments } from './fixtures/sample-documents.ts';
import { exportToStrings, readTable } from './fixtures/read-export.ts';

interface Field {
  name: string;
  type: string;
  description: string;
  constraints?: { required?: boolean };
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  type: string;
  dialect: Record<string, unknown>;
  schema: {
    fields: Field[];
    primaryKey: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}

const docs = sampleDocuments();
const files = exportToStrings(docs, { version: '1.2.3', created: '2021-04-13T00:00:00Z' });
const descriptor = JSON.parse(files.get('datapackage.json') ?? '{}') as {
  resources: Resource[];
} & Record<string, unknown>;

describe('datapackage.json', () => {
  it('is a Data Package v2 with the given version and date, and the CC0 licence', () => {
    expect(descriptor.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(descriptor.name).toBe('kamervragen');
    expect(descriptor.version).toBe('1.2.3');
    expect(descriptor.created).toBe('2021-04-13T00:00:00Z');
    expect(descriptor.licenses).toEqual([expect.objectContaining({ name: 'CC0-1.0' })]);
  });

  it('leaves version and created out when the build has none', () => {
    const bare = JSON.parse(exportToStrings(docs).get('datapackage.json') ?? '{}') as Record<
      string,
      unknown
    >;
    expect(bare).not.toHaveProperty('version');
    expect(bare).not.toHaveProperty('created');
  });

  it('describes every CSV: path, bytes and sha256 of the exact file, and its header as fields', () => {
    expect(descriptor.resources.map((r) => r.path)).toEqual(
      PACKAGE_TABLES.map((t) => `${t.name}.csv`),
    );
    for (const resource of descriptor.resources) {
      const text = files.get(resource.path) ?? '';
      expect(resource.type).toBe('table');
      expect(resource.bytes).toBe(Buffer.byteLength(text, 'utf8'));
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
      expect(resource.schema.fields.map((f) => f.name)).toEqual(
        CSV_COLUMNS[resource.name] ??
          PACKAGE_TABLES.find((t) => t.name === resource.name)!.columns.map((c) => c.name),
      );
      expect(text.split('\n')[0]).toBe(resource.schema.fields.map((f) => f.name).join(','));
      expect(resource.dialect).toMatchObject({
        header: true,
        delimiter: ',',
        lineTerminator: '\n',
      });
      for (const field of resource.schema.fields) {
        expect(['string', 'integer', 'date', 'boolean']).toContain(field.type);
        expect(field.description.length).toBeGreaterThan(10);
      }
    }
  });

  it('follows the Data Package v2 rules a validator checks: names, keys over existing fields, hash format', () => {
    const names = descriptor.resources.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const resource of descriptor.resources) {
      expect(resource.name).toMatch(/^[a-z0-9._-]+$/);
      expect(resource.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(Number.isInteger(resource.bytes)).toBe(true);
      const fields = resource.schema.fields.map((f) => f.name);
      expect(new Set(fields).size).toBe(fields.length);
      for (const key of resource.schema.primaryKey) expect(fields).toContain(key);
      for (const fk of resource.schema.foreignKeys ?? []) {
        for (const field of fk.fields) expect(fields).toContain(field);
        const target = descriptor.resources.find((r) => r.name === fk.reference.resource);
        expect(target?.schema.primaryKey).toEqual(fk.reference.fields);
      }
    }
  });

  it('takes field descriptions from the record schema', () => {
    const documents = descriptor.resources.find((r) => r.name === 'documents');
    const field = (name: string) =>
      documents?.schema.fields.find((f) => f.name === name)?.description;
    expect(field('title')).toBe(schemaDescription('/properties/title'));
    expect(field('submitted')).toBe(schemaDescription('/properties/submitted'));
    expect(field('answerer_portfolio')).toBe(
      schemaDescription('/$defs/answerer/properties/portfolio'),
    );
  });

  it('declares keys that hold in the data: unique primary keys, foreign keys that resolve, required cells filled', () => {
    const tableText = (name: string) => files.get(`${name}.csv`) ?? '';
    const rowsOf = (name: string) =>
      readTable(
        PACKAGE_TABLES.find((t) => t.name === name)!,
        tableText(name),
      ).rows;
    const fieldsOf = (name: string) =>
      descriptor.resources.find((r) => r.name === name)!.schema.fields.map((f) => f.name);
    const tuples = (name: string, columns: readonly string[]) =>
      new Set(
        rowsOf(name).map((r) => JSON.stringify(columns.map((c) => r[fieldsOf(name).indexOf(c)]))),
      );
    expect(rowsOf('documents')).toHaveLength(docs.length);
    for (const resource of descriptor.resources) {
      const rows = rowsOf(resource.name);
      expect(rows.length).toBeGreaterThan(0);
      expect(tuples(resource.name, resource.schema.primaryKey).size).toBe(rows.length);
      for (const fk of resource.schema.foreignKeys ?? []) {
        const targets = tuples(fk.reference.resource, fk.reference.fields);
        // A null in a key column refers to nothing (an unmapped party, say).
        for (const key of tuples(resource.name, fk.fields))
          if (!JSON.parse(key).includes(null)) expect(targets.has(key), key).toBe(true);
      }
      if (TABLES.some((t) => t.name === resource.name && t.documentKey !== undefined))
        expect(resource.schema.foreignKeys?.[0]?.reference).toEqual({
          resource: 'documents',
          fields: ['id'],
        });
      resource.schema.fields.forEach((field, i) => {
        if (field.constraints?.required)
          for (const row of rows) expect(row[i], `${resource.name}.${field.name}`).not.toBeNull();
        if (field.type === 'date')
          for (const row of rows)
            if (row[i] !== null) expect(String(row[i])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });
    }
  });

  it('is the same whether or not the CSVs were streamed first', () => {
    const skipped = exportDataset(docs, { version: '1.2.3', created: '2021-04-13T00:00:00Z' }).find(
      (f) => f.name === 'datapackage.json',
    );
    expect([...(skipped?.chunks() ?? [])].join('')).toBe(files.get('datapackage.json'));
  });
});
