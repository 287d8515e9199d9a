import { describe, expect, it } from 'vitest';
import { useAppWithProduct } from '../test-support/app-with-product';
import { apiRoutes } from '../test-support/operators';
import { OPERATIONS } from './openapi-document';

/** Fastify's `:name` as OpenAPI's `{name}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('the API reference (DESIGN.md "API reference")', () => {
  const ctx = useAppWithProduct();

  it('documents every route the service serves, and nothing it does not', async () => {
    const served = (await apiRoutes(ctx.t)).map((route) => `${route.method.toLowerCase()} ${openApiPath(route.url)}`);
    const res = await ctx.t.app.inject({ method: 'GET', url: '/console/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const document = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(served.filter((call) => !documented.includes(call))).toEqual([]);
    expect(documented.filter((call) => !served.includes(call))).toEqual([]);
  });

  it('names the role each documented call needs, as the route does', async () => {
    const routes = await apiRoutes(ctx.t);
    for (const op of OPERATIONS) {
      const route = routes.find((r) => r.method.toLowerCase() === op.method && openApiPath(r.url) === op.path);
      expect(route?.public ? 'public' : route?.role, `${op.method} ${op.path}`).toBe(op.role);
    }
  });

  const examples = OPERATIONS.flatMap((op) => [
    ...Object.entries(op.body?.examples ?? {}).map(([name, example]) => [`${op.operationId} request ${name}`, op.body!.schema, example.value] as const),
    ...Object.entries(op.ok.examples ?? {}).map(([name, example]) => [`${op.operationId} answer ${name}`, op.ok.schema!, example.value] as const),
  ]);
  it.each(examples)('%s is valid under its schema', (_name, schema, value) => {
    expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
  });

  it('serves the browsable reference under the service\'s CSP, with no token', async () => {
    const page = await ctx.t.app.inject({ method: 'GET', url: '/api-docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    const initializer = await ctx.t.app.inject({ method: 'GET', url: '/api-docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });
});
