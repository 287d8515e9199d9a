import fastifySwagger, { type StaticDocumentSpec } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import { openApiDocument } from '../openapi/openapi-document';

// The console's own mark in the reference's top bar, leading back to the console.
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="230" height="32" viewBox="0 0 230 32"><rect x="2" y="6" width="20" height="20" rx="5" fill="#3b82f6"/><text x="32" y="22" font-family="system-ui, sans-serif" font-size="17" font-weight="600" fill="#ffffff">Device Console API</text></svg>`;

/** The API's version in the reference; it moves when a call changes, not with each release of the console. */
const API_VERSION = '1.0.0';

/**
 * The API reference (DESIGN.md): the OpenAPI document at `/console/v1/openapi.json` and Swagger UI
 * at `/api-docs`, served from this plugin's own files, under the service's CSP, to anyone: it
 * documents the calls and holds no data.
 */
export const apiReferenceRoutes: FastifyPluginAsync = async (app) => {
  const document = openApiDocument(API_VERSION);
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true };
  });
  // The plugin's types know OpenAPI 2 and 3.0 only; it serves a 3.1 document as it is.
  await app.register(fastifySwagger, { mode: 'static', specification: { document: document as unknown as StaticDocumentSpec['document'] } });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api-docs',
    uiConfig: { deepLinking: true, docExpansion: 'list' },
    theme: { title: 'Device Console API' },
    logo: { type: 'image/svg+xml', content: Buffer.from(LOGO), href: '/', target: '_self' },
  });
  app.get('/console/v1/openapi.json', { config: { public: true } }, async () => document);
};
