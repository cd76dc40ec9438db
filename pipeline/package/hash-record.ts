import * as crypto from 'node:crypto';
import { keyShapes } from '../export/key-shapes.ts';

// One-shot hashing (Node >= 20.12) skips the Hash object; the digest is the same.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array) => string })
  .hash;

export function sha256Hex(bytes: Uint8Array | string): string {
  if (oneShot !== undefined) return oneShot('sha256', bytes);
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

// Keys sorted at every level, so a record's hash does not depend on the order in which a parser
// happened to fill in its fields. Every record hash in the release manifests is sha256 of this
// text, so its bytes must never change. The definition, as first written:
//   primitives: JSON.stringify(value) ?? 'null'
//   arrays:     `[${value.map(canonicalJson).join(',')}]` (a hole writes nothing)
//   objects:    own enumerable entries whose value is not undefined, sorted by key (UTF-16 code
//               units), each `${JSON.stringify(key)}:${canonicalJson(value)}`, joined by ','
// tests/package/canonical-json.test.ts holds this implementation to that one.
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      const item: unknown = value[i];
      if (item !== undefined || i in value) text += canonicalJson(item);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const { sorted, quoted } = shapeOf(Object.keys(record));
  let text = '{';
  for (let i = 0; i < sorted.length; i++) {
    const item = record[sorted[i]!];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += quoted[i]! + canonicalJson(item);
  }
  return `${text}}`;
}

// Keys are sorted and quoted once per object shape rather than once per object.
interface Shape {
  keys: readonly string[];
  sorted: readonly string[];
  /** `"key":` for each sorted key. */
  quoted: readonly string[];
}
const shapeOf = keyShapes<Shape>((keys) => {
  const sorted = [...keys].sort();
  return { keys, sorted, quoted: sorted.map((key) => `${JSON.stringify(key)}:`) };
});

export function recordHash(record: unknown): string {
  return sha256Hex(canonicalJson(record));
}
