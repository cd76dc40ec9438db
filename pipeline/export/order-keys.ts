import { documentSchema } from '../validate/schema.ts';

type SchemaNode = Record<string, unknown>;
type Reorder = (value: unknown) => unknown;

// Keys in schema order, at every depth, so the JSON files read like the schema and do not
// depend on the order in which a parser happened to assign fields. The schema is compiled
// once into a tree of small functions: walking the schema per record is what made this slow.
export function orderKeys<T>(value: T, node: SchemaNode = documentSchema): T {
  return compile(node)(value) as T;
}

const compiled = new WeakMap<SchemaNode, Reorder>();

function compile(node: SchemaNode): Reorder {
  const cached = compiled.get(node);
  if (cached) return cached;
  let inner: Reorder | undefined;
  // Registered before building so recursive $refs find it.
  const reorder: Reorder = (value) => (inner ??= build(node))(value);
  compiled.set(node, reorder);
  return reorder;
}

function build(node: SchemaNode): Reorder {
  const target = resolve(node);
  const objectBranch = branchFor(target, false);
  const arrayBranch = branchFor(target, true);
  const items = arrayBranch?.items as SchemaNode | undefined;
  const itemOrder = items === undefined ? undefined : compile(items);
  const properties = Object.entries(
    (objectBranch?.properties ?? {}) as Record<string, SchemaNode>,
  ).map(([key, child]) => [key, compile(child)] as const);
  // Parsers build records in schema order already, so most values need no copy: a value whose
  // own keys come in schema order and whose children come back unchanged is returned as it is.
  // Only for plain objects where `key in record` means an own key (no schema key inherited),
  // and only when every schema key `in` the record is one of its enumerable keys (the copy
  // would make a non-enumerable one visible).
  const inheritable = properties.some(([key]) => key in Object.prototype);
  const unchanged = (record: Record<string, unknown>): boolean => {
    const proto: unknown = Object.getPrototypeOf(record);
    if (inheritable || (proto !== Object.prototype && proto !== null)) return false;
    const keys = Object.keys(record);
    let at = 0;
    for (const key of keys) {
      while (at < properties.length && properties[at]![0] !== key) at++;
      if (at === properties.length) return false;
      const item = record[key];
      if (properties[at]![1](item) !== item) return false;
      at++;
    }
    let present = 0;
    for (const [key] of properties) if (key in record) present++;
    return present === keys.length;
  };
  return (value) => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      if (itemOrder === undefined) return value;
      for (const item of value as unknown[])
        if (itemOrder(item) !== item) return value.map(itemOrder);
      return value;
    }
    if (objectBranch === undefined) return value;
    const record = value as Record<string, unknown>;
    if (unchanged(record)) return record;
    const out: Record<string, unknown> = {};
    for (const [key, child] of properties) if (key in record) out[key] = child(record[key]);
    // Keys the schema does not know cannot pass validation; keep them (last, sorted) rather than lose data.
    if (Object.keys(record).length !== Object.keys(out).length) {
      for (const key of Object.keys(record).sort()) if (!(key in out)) out[key] = record[key];
    }
    return out;
  };
}

/** What orderKeys does at one schema node, for a writer that lays a record out in the same order. */
export interface KeyPlan {
  /** For objects: the schema's keys in order, each with its plan; undefined when the node
   * describes no object (orderKeys keeps such a value as it is). */
  properties: readonly (readonly [string, KeyPlan])[] | undefined;
  /** For arrays: the plan of the items; undefined when the node describes no array. */
  items: KeyPlan | undefined;
  /** A schema key is also a property of Object.prototype, so `key in value` may find it inherited. */
  inheritable: boolean;
}

const plans = new WeakMap<SchemaNode, KeyPlan>();

export function keyPlan(node: SchemaNode = documentSchema): KeyPlan {
  const cached = plans.get(node);
  if (cached) return cached;
  const plan: KeyPlan = { properties: undefined, items: undefined, inheritable: false };
  // Registered before it is filled in, so recursive $refs find it.
  plans.set(node, plan);
  const target = resolve(node);
  const objectBranch = branchFor(target, false);
  const items = branchFor(target, true)?.items as SchemaNode | undefined;
  if (objectBranch !== undefined) {
    const properties = Object.entries(
      (objectBranch.properties ?? {}) as Record<string, SchemaNode>,
    );
    plan.properties = properties.map(([key, child]) => [key, keyPlan(child)] as const);
    plan.inheritable = properties.some(([key]) => key in Object.prototype);
  }
  if (items !== undefined) plan.items = keyPlan(items);
  return plan;
}

function resolve(node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = documentSchema;
  for (const part of ref.slice(2).split('/')) target = (target as Record<string, unknown>)[part];
  return resolve(target as SchemaNode);
}

// "oneOf": [{"type": "null"}, {"$ref": …}]: the branch that describes objects (or arrays).
function branchFor(node: SchemaNode, isArray: boolean): SchemaNode | undefined {
  const branches = ((node.oneOf ?? node.anyOf) as SchemaNode[] | undefined)?.map(resolve) ?? [node];
  return branches.find((branch) => {
    const types = ([] as unknown[]).concat(branch.type ?? []);
    return isArray
      ? types.includes('array') || branch.items !== undefined
      : types.includes('object') || branch.properties !== undefined;
  });
}
