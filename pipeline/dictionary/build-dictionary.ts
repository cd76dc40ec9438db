import { GLOSSARY, lookupTerm } from './glossary.ts';

// The data dictionary as data: every table and column of the published dataset, with its type,
// meaning (from the schema and the datapackage descriptor), Dutch term and an example. Pure:
// the caller passes the parsed schema and datapackage.json.

export interface DictionaryField {
  name: string;
  type: string;
  required: boolean;
  meaning: string;
  dutch: string | null;
  example: string | null;
}

export interface DictionaryTable {
  name: string;
  files: string;
  description: string;
  key: string | null;
  fields: DictionaryField[];
}

export interface DataDictionary {
  tables: DictionaryTable[];
  /** Fields or columns with no meaning anywhere (to be fixed in the schema or glossary). */
  undocumented: string[];
}

interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
}

interface PackageField {
  name: string;
  type: string;
  description?: string;
  constraints?: { required?: boolean };
}

interface PackageResource {
  name: string;
  path?: string;
  description?: string;
  schema?: { fields?: PackageField[]; primaryKey?: string[] | string };
}

export function buildDataDictionary(schema: unknown, datapackage: unknown): DataDictionary {
  const root = schema as SchemaNode;
  const undocumented: string[] = [];
  const recordFields: DictionaryField[] = [];
  walk(root, root, '', root.required ?? [], recordFields, undocumented);
  const tables: DictionaryTable[] = [
    {
      name: 'record',
      files: 'kamervragen.json, kamervragen.ndjson, data/*.ndjson',
      description:
        `${root.description ?? ''} kamervragen.json (a release asset) is an array of records; kamervragen.ndjson (a release asset) has one record per line, and the committed dist/data/YYYY-YYYY.ndjson holds the same lines, one file per session year. Nested fields are written as parent[].child.`.trim(),
      key: 'id',
      fields: recordFields,
    },
  ];
  const resources = (datapackage as { resources?: PackageResource[] } | null)?.resources ?? [];
  for (const r of resources) {
    const fields = (r.schema?.fields ?? []).map((f): DictionaryField => {
      const term = lookupTerm(r.name, f.name);
      if (!f.description && !term?.meaning) undocumented.push(`${r.name}.csv ${f.name}`);
      return {
        name: f.name,
        type: f.type,
        required: f.constraints?.required === true,
        meaning: f.description ?? term?.meaning ?? '',
        dutch: term?.dutch ?? null,
        example: term?.example ?? null,
      };
    });
    const key = r.schema?.primaryKey;
    tables.push({
      name: r.name,
      files: r.path ?? `${r.name}.csv`,
      // The descriptor repeats the CSV conventions on every resource; the dictionary states them once.
      description: (r.description ?? '').replace(/\s*Cells that would start with[\s\S]*$/, ''),
      key: key === undefined ? null : Array.isArray(key) ? key.join(', ') : key,
      fields,
    });
  }
  return { tables, undocumented };
}

function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  if (node.$ref?.startsWith('#/$defs/'))
    return root.$defs?.[node.$ref.slice('#/$defs/'.length)] ?? node;
  const ref = node.oneOf?.find((n) => n.$ref);
  if (ref) {
    const target = resolve(root, ref);
    const description = node.description ?? target.description;
    return {
      ...target,
      ...(description === undefined ? {} : { description }),
      type: ['object', 'null'],
    };
  }
  return node;
}

function walk(
  root: SchemaNode,
  node: SchemaNode,
  prefix: string,
  required: string[],
  out: DictionaryField[],
  undocumented: string[],
): void {
  for (const [name, raw] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${name}`;
    const field = resolve(root, raw);
    const items = field.items ? resolve(root, field.items) : undefined;
    const term = GLOSSARY[path];
    const meaning =
      raw.description ?? field.description ?? items?.description ?? term?.meaning ?? '';
    if (!meaning) undocumented.push(`record ${path}`);
    out.push({
      name: path,
      type: typeName(raw, field, items),
      required: required.includes(name),
      meaning,
      dutch: term?.dutch ?? null,
      example: term?.example ?? null,
    });
    if (items?.properties) walk(root, items, `${path}[].`, items.required ?? [], out, undocumented);
    else if (field.properties)
      walk(root, field, `${path}.`, field.required ?? [], out, undocumented);
  }
}

function typeName(raw: SchemaNode, field: SchemaNode, items: SchemaNode | undefined): string {
  const types = [raw.type ?? field.type ?? []].flat();
  const nullable = types.includes('null') || (raw.oneOf?.some((n) => n.type === 'null') ?? false);
  let base: string;
  if (field.enum)
    base = `one of ${field.enum
      .filter((v) => v !== null)
      .map((v) => `\`${String(v)}\``)
      .join(', ')}`;
  else if (types.includes('array'))
    base = items?.properties
      ? 'list of objects'
      : `list of ${items ? typeName(items, items, undefined) : 'values'}`;
  else if (field.format === 'date') base = 'date (YYYY-MM-DD)';
  else if (field.properties || types.includes('object') || raw.oneOf) base = 'object';
  else base = types.filter((t) => t !== 'null').join(' or ') || 'value';
  return nullable ? `${base}, or null` : base;
}
