// The three JSON texts the build needs of every record, from one walk over it: its element in
// the JSON array file, its NDJSON line, and its canonical JSON (what the record hash is taken
// of). Serialising the record three times, natively, cost more than writing each value once and
// laying the same escaped strings out three ways. The texts are exactly those of jsonElement,
// ndjsonFromElement and canonicalJson (tests/export/record-json.test.ts holds them to it); a
// value that is not plain JSON data is left to those functions.
import { canonicalJson } from '../package/hash-record.ts';
import type { Document } from '../types.ts';
import { jsonElement, ndjsonFromElement } from './to-json.ts';

export interface RecordJson {
  /** JSON.stringify(record, null, 2) indented one level: jsonElement(record). */
  element: string;
  /** JSON.stringify(record) + "\n". */
  line: string;
  /** canonicalJson(record). */
  canonical: string;
}

export function recordJson(record: Document): RecordJson {
  try {
    walk(record, 1);
    return { element: `  ${pretty}`, line: `${compact}\n`, canonical };
  } catch {
    // Not plain data (a function, a hole, a class instance, a cycle …): the reference functions
    // write it, or report it, as they always did.
    const element = jsonElement(record);
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
// and undefined elements written null, in all three.
function walk(value: unknown, depth: number): void {
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
    walkArray(value as unknown[], depth);
    return;
  }
  // Anything else (Date, boxed values, class instances) may have a toJSON or be unboxed by
  // JSON.stringify, which the canonical form ignores.
  if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
  walkObject(value as Record<string, unknown>, depth);
}

function walkArray(array: unknown[], depth: number): void {
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
      walk(item, depth + 1);
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

function walkObject(record: Record<string, unknown>, depth: number): void {
  const keys = Object.keys(record);
  const shape = shapeOf(keys);
  const inner = lineBreak(depth + 1);
  // Each member's canonical text, by own position, until they are laid out in sorted order.
  const members: (string | undefined)[] = new Array<string | undefined>(keys.length);
  let c = '{';
  let p = '{';
  let any = false;
  for (let i = 0; i < keys.length; i++) {
    const item = record[keys[i]!];
    if (item === undefined) continue;
    walk(item, depth + 1);
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
}
const shapes = new Map<string, Shape[]>();
let shapeCount = 0;
const MAX_SHAPES = 256;

function shapeOf(keys: string[]): Shape {
  const candidates = shapes.get(keys[0] ?? '');
  if (candidates !== undefined) {
    for (const shape of candidates) if (sameKeys(shape.keys, keys)) return shape;
  }
  const sorted = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
  const shape = { keys, quoted: keys.map((key) => `${JSON.stringify(key)}:`), sorted };
  if (shapeCount < MAX_SHAPES) {
    shapeCount++;
    if (candidates === undefined) shapes.set(keys[0] ?? '', [shape]);
    else candidates.push(shape);
  }
  return shape;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
