// Array helpers that never spread an array into arguments: Math.max(...a) and push(...a) put
// every element on the stack, and a hostile document can carry hundreds of thousands of them.

/** The largest number of a non-empty list (-Infinity for an empty one, as Math.max()). */
export function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest number of a list (Infinity for an empty one, as Math.min()). */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** Appends every item of `items` to `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
