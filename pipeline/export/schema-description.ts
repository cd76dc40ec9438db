import { documentSchema } from '../validate/schema.ts';

/** The description at a JSON pointer into the record schema, e.g. /properties/title. */
export function schemaDescription(pointer: string): string {
  let node: unknown = documentSchema;
  for (const part of pointer.split('/').slice(1))
    node = (node as Record<string, unknown> | undefined)?.[part];
  const description = (node as { description?: unknown } | undefined)?.description;
  if (typeof description !== 'string') throw new Error(`schema has no description at ${pointer}`);
  return description;
}
