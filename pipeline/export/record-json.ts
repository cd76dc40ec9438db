// The three JSON texts the build needs of every record, from one walk over it: its element in
// the JSON array file and its NDJSON line (keys in schema order, as orderKeys puts them) and its
// canonical JSON (keys sorted, what the record hash is taken of). Reordering the record and
// serialising it three times, natively, cost more than writing each value once and laying the
// same escaped strings out three ways. The texts are exactly those of jsonElement,
// ndjsonFromElement, orderKeys and canonicalJson (tests/export/record-json.test.ts holds them to
// it); a record that is not plain JSON data in schema order is left to those functions.
import { canonicalJson } from '../package/hash-record.ts';
import type { Document } from '../types.ts';
import { keyShapes } from './key-shapes.ts';
import { keyPlan, orderKeys, type KeyPlan } from './order-keys.ts';
import { jsonElement, ndjsonFromElement } from './to-json.ts';

export interface RecordJson {
  /** jsonElement(orderKeys(record)): JSON.stringify with keys in schema order, indented one level. */
  element: string;
  /** JSON.stringify(orderKeys(record)) + "\n". */
  line: string;
  /** canonicalJson(record). */
  canonical: string;
}

export function recordJson(record: Document): RecordJson {
  try {
    walk(record, 1, keyPlan());
    return { element: `  ${pretty}`, line: `${compact}\n`, canonical };
  } catch {
    // Not plain data in schema order (keys to reorder or unknown to the schema, a function, a
    // hole, a class instance, a cycle …): the reference functions write it, or report it.
    const element = jsonElement(orderKeys(record));
    return { element, line: ndjsonFromElement(element), canonical: canonicalJson(record) };
  }
}

const NOT_PLAIN = new Error('not plain JSON data');

// The walk's results for the value just written, one per layout (module state rather than an
// object per value: this runs for every value of every record).
let compact = '';
let pretty = '';
let canonical = '';

/** "\n" and the indentation of a line at each depth (two spaces a level). */
const BREAKS = ['\n'];
function lineBreak(depth: number): string {
  while (BREAKS.length <= depth) BREAKS.push(`${BREAKS[BREAKS.length - 1]!}  `);
  return BREAKS[depth]!;
}

// The layouts, as JSON.stringify writes them: compact with no white space; pretty with each
// member or element on its own line, indented two spaces a level, "key": value, and empty
// containers as [] and {}; canonical compact with keys sorted. undefined members are left out
// and undefined elements written null, in all three. `plan` is what orderKeys does at this
// point of the schema; undefined where orderKeys keeps values as they are.
function walk(value: unknown, depth: number, plan: KeyPlan | undefined): void {
  switch (typeof value) {
    case 'string':
      compact = pretty = canonical = JSON.stringify(value);
      return;
    case 'number':
      compact = pretty = canonical = Number.isFinite(value) ? String(value) : 'null';
      return;
    case 'boolean':
      compact = pretty = canonical = value ? 'true' : 'false';
      return;
    case 'object':
      if (value === null) {
        compact = pretty = canonical = 'null';
        return;
      }
      break;
    default:
      throw NOT_PLAIN;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) throw NOT_PLAIN;
    walkArray(value as unknown[], depth, plan?.items);
    return;
  }
  // Anything else (Date, boxed values, class instances) may have a toJSON or be unboxed by
  // JSON.stringify, which the canonical form ignores.
  if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
  walkObject(
    value as Record<string, unknown>,
    depth,
    plan?.properties === undefined ? undefined : plan,
  );
}

function walkArray(array: unknown[], depth: number, items: KeyPlan | undefined): void {
  if (array.length === 0) {
    compact = pretty = canonical = '[]';
    return;
  }
  const inner = lineBreak(depth + 1);
  let c = '[';
  let p = '[';
  let k = '[';
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    if (item === undefined) {
      if (!(i in array)) throw NOT_PLAIN;
      compact = pretty = canonical = 'null';
    } else {
      walk(item, depth + 1, items);
    }
    if (i > 0) {
      c += ',';
      p += ',';
      k += ',';
    }
    c += compact;
    p += inner + pretty;
    k += canonical;
  }
  compact = `${c}]`;
  pretty = `${p}${lineBreak(depth)}]`;
  canonical = `${k}]`;
}

function walkObject(
  record: Record<string, unknown>,
  depth: number,
  plan: KeyPlan | undefined,
): void {
  const keys = Object.keys(record);
  const shape = shapeOf(keys);
  // The plan of each member, by own position: the record's keys must already be in schema order
  // and all known to the schema (else orderKeys would move them), none inherited or hidden.
  let children: readonly (KeyPlan | undefined)[] | undefined;
  if (plan !== undefined) {
    if (plan.inheritable) throw NOT_PLAIN;
    const fitted = fit(shape, plan);
    if (fitted === null || present(record, plan) !== keys.length) throw NOT_PLAIN;
    children = fitted;
  }
  const inner = lineBreak(depth + 1);
  // Each member's canonical text, by own position, until they are laid out in sorted order.
  const members: (string | undefined)[] = new Array<string | undefined>(keys.length);
  let c = '{';
  let p = '{';
  let any = false;
  for (let i = 0; i < keys.length; i++) {
    const item = record[keys[i]!];
    if (item === undefined) continue;
    walk(item, depth + 1, children?.[i]);
    if (any) {
      c += ',';
      p += ',';
    }
    c += shape.quoted[i]! + compact;
    p += inner + shape.quoted[i]! + ' ' + pretty;
    members[i] = canonical;
    any = true;
  }
  if (!any) {
    compact = pretty = canonical = '{}';
    return;
  }
  let k = '{';
  for (const i of shape.sorted) {
    const member = members[i];
    if (member === undefined) continue;
    if (k.length > 1) k += ',';
    k += shape.quoted[i]! + member;
  }
  compact = `${c}}`;
  pretty = `${p}${lineBreak(depth)}}`;
  canonical = `${k}}`;
}

// Records have a handful of object shapes met thousands of times; their keys are quoted and
// sorted once per shape.
interface Shape {
  keys: readonly string[];
  /** `"key":` for each key, in own order. */
  quoted: readonly string[];
  /** Own positions in sorted key order (UTF-16 code units, as canonicalJson sorts). */
  sorted: readonly number[];
  /** Per schema plan, the plan of each key by own position, or null when the keys are not in
   * the plan's order. */
  fits: Map<KeyPlan, readonly KeyPlan[] | null>;
}
const shapeOf = keyShapes<Shape>((keys) => ({
  keys,
  quoted: keys.map((key) => `${JSON.stringify(key)}:`),
  sorted: keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1)),
  fits: new Map(),
}));

function fit(shape: Shape, plan: KeyPlan): readonly KeyPlan[] | null {
  const known = shape.fits.get(plan);
  if (known !== undefined) return known;
  const properties = plan.properties ?? [];
  const children: KeyPlan[] = [];
  let at = 0;
  for (const key of shape.keys) {
    while (at < properties.length && properties[at]![0] !== key) at++;
    if (at === properties.length) break;
    children.push(properties[at]![1]);
    at++;
  }
  const fitted = children.length === shape.keys.length ? children : null;
  shape.fits.set(plan, fitted);
  return fitted;
}

/** How many of the plan's keys the record has (`in`: own, enumerable or not, as orderKeys sees them). */
function present(record: Record<string, unknown>, plan: KeyPlan): number {
  let count = 0;
  for (const [key] of plan.properties ?? []) if (key in record) count++;
  return count;
}
