// The record schema, imported as data so the pure stages need no file system to read it.
import schema from '../../schema/document.schema.json' with { type: 'json' };

export const documentSchema: Readonly<Record<string, unknown>> = schema;

/** The `$id` of the schema, e.g. urn:kamervragen:schema:document:1.0.0. */
export const SCHEMA_ID: string = schema.$id;

/** The schema version: the last part of `$id`. */
export const SCHEMA_VERSION: string = schema.$id.slice(schema.$id.lastIndexOf(':') + 1);
