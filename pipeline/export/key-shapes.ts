// Records have a handful of object shapes (a question, an answer, a footnote …) met thousands of
// times, so the serialisers work out what a list of keys needs (quoted, sorted …) once per shape.
// A cache of those, keyed by the keys themselves and bounded: arbitrary data (tests hash random
// objects) must not grow it without end; past the bound a shape is made afresh each time.

const MAX_SHAPES = 256;

/** A lookup that makes the shape of a key list on first sight and returns the same one after. */
export function keyShapes<S extends { keys: readonly string[] }>(
  make: (keys: string[]) => S,
): (keys: string[]) => S {
  const shapes = new Map<string, S[]>();
  let count = 0;
  return (keys) => {
    const candidates = shapes.get(keys[0] ?? '');
    if (candidates !== undefined) {
      for (const shape of candidates) if (sameKeys(shape.keys, keys)) return shape;
    }
    const shape = make(keys);
    if (count < MAX_SHAPES) {
      count++;
      if (candidates === undefined) shapes.set(keys[0] ?? '', [shape]);
      else candidates.push(shape);
    }
    return shape;
  };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
