import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const operationIdFrom = (method: string, url: string) =>
  method.toLowerCase() +
  url
    .replace(/^\/api/, '')
    .split(/[/-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `By${part.slice(1, 2).toUpperCase()}${part.slice(2)}` : part))
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A multipart upload: its form fields, for the documentation only (the route reads the stream
     * itself, so the body is not validated by a schema).
     */
    upload?: { file: string; fields?: Record<string, { description: string; enum?: string[] }> };
  }
}

/** The request body of an upload route, as OpenAPI describes a multipart form. */
function uploadBody(upload: NonNullable<import('fastify').FastifyContextConfig['upload']>) {
  return {
    type: 'object',
    required: ['file'],
    properties: {
      ...Object.fromEntries(
        Object.entries(upload.fields ?? {}).map(([name, field]) => [
          name,
          { type: 'string', description: field.description, ...(field.enum ? { enum: field.enum } : {}) },
        ]),
      ),
      file: { type: 'string', format: 'binary', description: upload.file },
    },
  };
}

type OpenApiDocument = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * The zod transform registers an input and an output variant of every named schema; drop the
 * variants nothing refers to, so that the document stays clean under `redocly lint`.
 */
function withoutUnusedSchemas(document: OpenApiDocument): OpenApiDocument {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const used = new Set<string>();
  let frontier = JSON.stringify({ ...document, components: { ...document.components, schemas: {} } });
  for (;;) {
    const found = [...frontier.matchAll(/#\/components\/schemas\/([\w.-]+)/g)]
      .map((m) => m[1] as string)
      .filter((name) => !used.has(name));
    if (found.length === 0) break;
    for (const name of found) used.add(name);
    frontier = JSON.stringify(found.map((name) => schemas[name]));
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...document.components, schemas: kept } };
}

/** OpenAPI 3.1 at /api/openapi.json, Swagger UI at /api/docs. Public routes say they need no session. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mutualis API',
        description:
          "API du portail collaboratif des applications locales de l'Assurance Maladie. Authentification par cookie de session ; toute requête POST, PUT, PATCH ou DELETE porte l'en-tête X-CSRF-Token reçu à la connexion.",
        version: '0.1.0',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [
        { url: publicUrl.includes('localhost') || publicUrl.includes('127.0.0.1') ? '/' : publicUrl },
      ],
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'mutualis_session' },
          csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ sessionCookie: [], csrfToken: [] }],
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const schema = transformed.schema as Record<string, unknown>;
      const access = input.route.config?.access;
      const upload = input.route.config?.upload;
      const method = Array.isArray(input.route.method) ? input.route.method[0] : input.route.method;
      return {
        ...transformed,
        schema: {
          ...schema,
          operationId: String(schema.operationId ?? operationIdFrom(String(method), transformed.url)),
          ...(access && 'public' in access ? { security: [] } : {}),
          ...(upload ? { consumes: ['multipart/form-data'], body: uploadBody(upload) } : {}),
        },
      };
    },
    transformObject: (input) =>
      withoutUnusedSchemas(jsonSchemaTransformObject(input) as OpenApiDocument) as ReturnType<
        typeof jsonSchemaTransformObject
      >,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
