import { documentSchema } from '../validate/schema.ts';

type SchemaNode = Record<string, unknown>;

// Keys in schema order, at every depth, so the JSON files read like the schema and do not
// depend on the order in which a parser happened to assign fields.
export function orderKeys<T>(value: T, node: SchemaNode = documentSchema): T {
  return reorder(value, node) as T;
}

function reorder(value: unknown, node: SchemaNode | undefined): unknown {
  if (value === null || typeof value !== 'object' || node === undefined) return value;
  const schema = objectSchemaFor(resolve(node), Array.isArray(value));
  if (Array.isArray(value))
    return value.map((item) => reorder(item, schema?.items as SchemaNode | undefined));
  const properties = (schema?.properties ?? {}) as Record<string, SchemaNode>;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties))
    if (key in record) out[key] = reorder(record[key], properties[key]);
  // Keys the schema does not know cannot pass validation; keep them (last, sorted) rather than lose data.
  for (const key of Object.keys(record).sort()) if (!(key in out)) out[key] = record[key];
  return out;
}

function resolve(node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = documentSchema;
  for (const part of ref.slice(2).split('/')) target = (target as Record<string, unknown>)[part];
  return resolve(target as SchemaNode);
}

// "oneOf": [{"type": "null"}, {"$ref": …}]: pick the branch that describes objects or arrays.
function objectSchemaFor(node: SchemaNode, isArray: boolean): SchemaNode | undefined {
  const branches = (node.oneOf ?? node.anyOf) as SchemaNode[] | undefined;
  if (!branches) return node;
  for (const branch of branches.map(resolve)) {
    const types = ([] as unknown[]).concat(branch.type ?? []);
    if (types.includes(isArray ? 'array' : 'object') || (!isArray && branch.properties))
      return branch;
  }
  return undefined;
}
