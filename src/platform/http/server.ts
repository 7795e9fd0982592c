import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Allowance } from '../allowances.ts';
import { clock } from '../clock.ts';
import { bi, ErrorCode } from '../errors.ts';
import type { Logger } from '../logging.ts';
import { httpDuration, metricsRegistry } from '../metrics.ts';
import { handleClientError, handleError, handleFrameworkError } from './errors.ts';
import { assertMetricsReader, guardRequest } from './guards.ts';
import { requireUtf8Json } from './json-body.ts';
import { sharedRateLimitStore } from './rate-limit-store.ts';

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  Logger,
  ZodTypeProvider
>;

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export const ZErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

/** The error answers every authenticated route may give, for its OpenAPI `response`. */
export const errorResponses = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  409: ZErrorSchema,
} as const;

export const ZClockSchema = z.object({
  now: z.iso.datetime().meta({ description: 'The one clock (moved forward in demo mode), ISO 8601 UTC' }),
  today: z.string().meta({ format: 'date', description: 'Today in China (Asia/Shanghai)' }),
  offsetSeconds: z.number().int().meta({ description: 'How far the clock runs ahead of real time' }),
});

export async function createHttpServer(opts: {
  logger: Logger;
  isDatabaseUp: () => Promise<boolean>;
  serveWeb?: boolean;
  /** Served over HTTPS (ZHIXING_SECURE_COOKIES=1): browsers are told to keep to it. */
  isHttps?: boolean;
  /** Rate limits shared by every server process (platform/allowances.ts). */
  allowance?: Allowance;
  /** ZHIXING_TRUSTED_PROXIES: only their X-Forwarded-For names the client. */
  trustedProxies?: readonly string[];
  /** ZHIXING_METRICS_TOKEN: the bearer token /metrics asks for; without it /metrics is 404. */
  metricsToken?: string;
  /** The built web app (default web/dist). */
  webRoot?: string;
}): Promise<App> {
  const app = Fastify({
    loggerInstance: opts.logger,
    bodyLimit: 1024 * 1024,
    // A client could name any address in X-Forwarded-For, and so escape every per-address limit:
    // the header is believed only from configured proxies.
    trustProxy: opts.trustedProxies && opts.trustedProxies.length > 0 ? [...opts.trustedProxies] : false,
    clientErrorHandler: handleClientError,
    frameworkErrors: handleFrameworkError,
    // Request lines are not logged one by one; /metrics has the counts and latencies.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onRequest', guardRequest);
  app.addHook('preParsing', requireUtf8Json);

  // Security headers for every answer, API and web app alike. The web app's own scripts and styles
  // come from this origin; Ant Design writes its styles at run time, hence 'unsafe-inline' for
  // styles only. Nobody may frame a page (clickjacking).
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(opts.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: opts.isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(fastifyCookie);
  // Limits are counted in PostgreSQL (every server process of a deployment counts against one
  // limit); only a server built without a database counts in its own memory.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(opts.allowance ? { store: sharedRateLimitStore(opts.allowance) } : {}),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Zhixing (执行) API',
        version: '1',
        description: 'The enforcement information system of the people’s courts.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'zx_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onResponse', async (request, reply) => {
    httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500)
      request.log.error({ url: request.url, status: reply.statusCode }, 'request failed');
  });

  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }), 503: ZErrorSchema } } },
    async (_req, reply) => {
      if (await opts.isDatabaseUp()) return { status: 'ok' as const };
      return reply.status(503).send({
        error: {
          code: ErrorCode.unavailable,
          message: bi('数据库无响应', 'Database not answering'),
          details: [],
        },
      });
    },
  );
  app.get(
    '/api/v1/clock',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['system'],
        summary: '系统时钟 / The clock every rule reads (China date)',
        security: [],
        response: { 200: ZClockSchema },
      },
    },
    async () => ({
      now: clock.now().toISOString(),
      today: clock.today(),
      offsetSeconds: Math.floor(clock.offsetMs() / 1000),
    }),
  );
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    assertMetricsReader(request, opts.metricsToken);
    reply.header('content-type', metricsRegistry.contentType);
    return metricsRegistry.metrics();
  });

  const webRoot = opts.webRoot ?? webDist;
  const hasWeb = opts.serveWeb !== false && existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each text asset (web/precompress.ts).
      preCompressed: true,
      setHeaders(reply, filePath) {
        // Vite names what it puts in assets/ by content hash: a changed file is a new name.
        if (path.relative(webRoot, filePath).startsWith(`assets${path.sep}`))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi && request.method === 'GET' && hasWeb) {
      // `cacheControl: false`: the page is revalidated on every visit, not cached by @fastify/static's default.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    }
    return reply.status(404).send({
      error: { code: ErrorCode.notFound, message: bi('没有这个接口', 'No such endpoint'), details: [] },
    });
  });
  return app;
}
