import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import type { Diagnostic } from '../errors.ts';
import { documentSchema } from './schema.ts';

// ajv is loaded and the schema compiled once per thread, on the first record: a build that
// parses nothing never loads them. Both packages are CommonJS, so require() loads them there.
const require = createRequire(import.meta.url);
let compiled: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv };
    const addFormats = require('ajv-formats') as FormatsPlugin;
    // allowUnionTypes: the schema says "type": ["string", "null"] for every optional value.
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, { mode: 'full' });
    compiled = ajv.compile(documentSchema);
  }
  return compiled;
}

/** Checks one record against schema/document.schema.json; one Diagnostic per violation. */
export function validateSchema(record: unknown, file: string): Diagnostic[] {
  const validate = schemaValidator();
  if (validate(record)) return [];
  return (validate.errors ?? []).map((error) => toDiagnostic(error, file));
}

function toDiagnostic(error: ErrorObject, file: string): Diagnostic {
  // A missing property is reported at the property's own pointer: that is where it must go.
  const missing =
    error.keyword === 'required'
      ? `/${String((error.params as { missingProperty?: unknown }).missingProperty)}`
      : '';
  const field = `${error.instancePath}${missing}`;
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: `schema/${error.keyword}`,
    message: describe(error),
    file,
  };
  if (field !== '') diagnostic.field = field;
  return diagnostic;
}

// ajv's messages are terse ("must be string"); add what the value is and what would fit.
function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the record' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where} lacks the required property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where} has the property "${String(params.additionalProperty)}", which the schema does not allow`;
    case 'enum':
      return `${where} ${error.message ?? 'must be one of the allowed values'}: ${JSON.stringify(params.allowedValues)}`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}
