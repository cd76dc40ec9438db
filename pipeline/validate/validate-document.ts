import type { Diagnostic } from '../errors.ts';
import type { Document } from '../types.ts';
import { checkIntegrity } from './check-integrity.ts';
import { validateSchema } from './validate-schema.ts';

/** Schema first; the integrity rules only run on a record of the right shape. */
export function validateDocument(record: unknown, file: string): Diagnostic[] {
  const schemaProblems = validateSchema(record, file);
  if (schemaProblems.length > 0) return schemaProblems;
  return checkIntegrity(record as Document, file);
}
