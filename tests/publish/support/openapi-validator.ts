// Checks the stand-in's responses (and our requests) against GitHub's own OpenAPI description of
// the release endpoints (tests/fixtures/github/, extracted from @octokit/openapi), so the fake
// server cannot drift from the real API without a test noticing.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Operation {
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
type Spec = { paths: Record<string, Record<string, Operation>> };

const params = (template: string) => (template.match(/\{/g) ?? []).length;

export const OPENAPI_FILE = new URL(
  '../../fixtures/github/openapi-releases-subset.api.github.com.deref.json',
  import.meta.url,
);

export class OpenApiValidator {
  private readonly spec: Spec;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly routes: { template: string; pattern: RegExp }[];

  constructor(file: URL = OPENAPI_FILE) {
    this.spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
    // strict off: the description carries OpenAPI-only keywords (example, nullable) ajv must ignore or map.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    // Literal segments (tags, latest, assets) must win over {release_id}: try the most literal first.
    this.routes = Object.keys(this.spec.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      .sort((a, b) => params(a.template) - params(b.template));
  }

  operation(method: string, pathname: string): { template: string; op: Operation } | null {
    for (const route of this.routes) {
      if (!route.pattern.test(pathname)) continue;
      const op = this.spec.paths[route.template]?.[method.toLowerCase()];
      if (op) return { template: route.template, op };
    }
    return null;
  }

  private compile(key: string, schema: object): ValidateFunction {
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(schema);
      this.cache.set(key, fn);
    }
    return fn;
  }

  /** Problems with one response; [] when it matches the description. */
  checkResponse(method: string, pathname: string, status: number, body: unknown): string[] {
    const found = this.operation(method, pathname);
    if (!found) return [`${method} ${pathname}: no such operation in the OpenAPI description`];
    const response = found.op.responses[String(status)];
    if (!response) return [`${method} ${found.template}: status ${status} is not documented`];
    const schema = response.content?.['application/json']?.schema;
    // Documented without a schema (e.g. the upload's 422): GitHub sends a body, the description says nothing of it.
    if (!schema) return [];
    const validate = this.compile(`${method} ${found.template} ${status}`, schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${method} ${found.template} ${status}: ${e.instancePath || '/'} ${e.message ?? ''}`,
    );
  }

  /** Problems with a JSON request body. */
  checkRequest(method: string, pathname: string, body: unknown): string[] {
    const found = this.operation(method, pathname);
    if (!found) return [`${method} ${pathname}: no such operation in the OpenAPI description`];
    const schema = found.op.requestBody?.content?.['application/json']?.schema;
    if (!schema) return [];
    const validate = this.compile(`${method} ${found.template} request`, schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${method} ${found.template} request: ${e.instancePath || '/'} ${e.message ?? ''}`,
    );
  }
}
