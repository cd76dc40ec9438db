import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataDictionary } from '../../pipeline/dictionary/build-dictionary.ts';
import { readSection } from '../../pipeline/dictionary/readme-section.ts';
import { exportDataset } from '../../pipeline/export/export-dataset.ts';
import { ROOT, runCli } from '../support/run-cli.ts';

const schema = JSON.parse(
  await readFile(join(ROOT, 'schema/document.schema.json'), 'utf8'),
) as Record<string, unknown>;
const datapackage = JSON.parse(
  [
    ...(exportDataset([])
      .find((f) => f.name === 'datapackage.json')
      ?.chunks() ?? []),
  ].join(''),
) as {
  resources: { name: string; schema: { fields: { name: string }[] } }[];
};

/** Every property path in the schema, nested as parent[].child / parent.child. */
function schemaPaths(
  node: Record<string, unknown>,
  root: Record<string, unknown>,
  prefix = '',
): string[] {
  const defs = root.$defs as Record<string, Record<string, unknown>>;
  const deref = (n: Record<string, unknown>): Record<string, unknown> => {
    const ref =
      (n.$ref as string | undefined) ??
      ((n.oneOf as Record<string, unknown>[] | undefined)?.find((x) => x.$ref)?.$ref as
        string | undefined);
    return ref ? (defs[ref.replace('#/$defs/', '')] ?? n) : n;
  };
  const out: string[] = [];
  for (const [name, raw] of Object.entries(
    (node.properties ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    const field = deref(raw);
    out.push(`${prefix}${name}`);
    const items = field.items ? deref(field.items as Record<string, unknown>) : undefined;
    if (items?.properties) out.push(...schemaPaths(items, root, `${prefix}${name}[].`));
    else if (field.properties) out.push(...schemaPaths(field, root, `${prefix}${name}.`));
  }
  return out;
}

describe('data dictionary', () => {
  const dictionary = buildDataDictionary(schema, datapackage);

  it('has every schema field and every CSV column, each with a meaning', () => {
    const record = dictionary.tables.find((t) => t.name === 'record');
    expect(record?.fields.map((f) => f.name)).toEqual(schemaPaths(schema, schema));
    for (const resource of datapackage.resources) {
      const table = dictionary.tables.find((t) => t.name === resource.name);
      expect(
        table?.fields.map((f) => f.name),
        resource.name,
      ).toEqual(resource.schema.fields.map((f) => f.name));
    }
    expect(dictionary.undocumented).toEqual([]);
    for (const t of dictionary.tables)
      for (const f of t.fields) expect(f.meaning, `${t.name}.${f.name}`).not.toBe('');
  });

  it('gives the Dutch terms people know from the documents', () => {
    const record = dictionary.tables.find((t) => t.name === 'record');
    const dutch = (name: string) => record?.fields.find((f) => f.name === name)?.dutch ?? '';
    expect(dutch('submitted')).toMatch(/ingezonden/);
    expect(dutch('answered')).toMatch(/ontvangen/);
    expect(dutch('co_answerers')).toMatch(/mede namens/);
    expect(dutch('session_year')).toMatch(/vergaderjaar/);
    expect(dutch('askers')).toMatch(/vragensteller/);
  });

  it('the committed docs/DATA-DICTIONARY.md and README section match the schema (regenerate: npx kamervragen dictionary)', async () => {
    const result = await runCli(['dictionary', '--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readSection(readme, 'dictionary')).toMatch(/docs\/DATA-DICTIONARY\.md/);
  });

  it('--check fails and names the files when a column is added, with GitHub annotations under Actions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-dictionary-'));
    try {
      const changed = structuredClone(datapackage) as typeof datapackage;
      changed.resources[0]?.schema.fields.push({
        name: 'new_column',
        type: 'string',
        description: 'A column the dictionary does not know yet.',
      } as never);
      const file = join(dir, 'datapackage.json');
      await writeFile(file, JSON.stringify(changed));
      const result = await runCli(['dictionary', '--check', '--datapackage', file], {
        env: { GITHUB_ACTIONS: 'true' },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/docs\/DATA-DICTIONARY\.md\n.*does not match the schema/);
      expect(result.stdout).toMatch(
        /^::error file=docs\/DATA-DICTIONARY\.md,title=dictionary\/stale::does not match/m,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
