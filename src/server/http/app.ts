import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { ErrorObject } from 'ajv';
import type { AppContext } from '../core/context.js';
import { modules as allModules } from '../modules/index.js';
import type { ModuleManifest } from '../modules/manifest.js';
import { installModules } from '../modules/registry.js';
import { appendAudit } from '../core/audit-trail.js';
import { AppError, type FieldIssue } from './errors.js';
import { errorMessage, pickLang, type ErrorCode, type Lang } from './messages.js';
import { fieldIssues, validatorCompiler } from './validation.js';
import { SESSION_COOKIE, type RouteEntry } from './request-context.js';

function errorBody(lang: Lang, code: ErrorCode, params: Record<string, unknown>, details: FieldIssue[]) {
  return { error: { code, message: errorMessage(code, lang, params), details } };
}

export interface BuildOptions {
  /** Directory of the built web app; served at / when it exists. */
  webDir?: string;
  logger?: boolean | object;
  /** The modules to serve (default: the module list); a test adds a module of its own here. */
  modules?: readonly ModuleManifest[];
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: options.logger ?? (config.logLevel === 'silent' ? false : { level: config.logLevel }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    // Errors Fastify raises before routing (a path with broken percent-encoding, a path parameter longer than
    // the router takes) get the one error shape too.
    frameworkErrors: (error, request, reply) => {
      const status = ['FST_ERR_BAD_URL', 'FST_ERR_MAX_PARAM_LENGTH'].includes(error.code) ? 400 : 500;
      void (reply as unknown as FastifyReply)
        .status(status)
        .send(
          errorBody(
            pickLang(request.headers['accept-language']),
            status === 400 ? 'VALIDATION_FAILED' : 'INTERNAL',
            { requestId: request.id },
            [],
          ),
        );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // JSON only: without this, Fastify's built-in text/plain parser hands a string to the body schema (a 400)
  // where the client needs to hear 415.
  app.removeContentTypeParser('text/plain');

  app.decorate('ctx', ctx);
  app.decorate('routeTable', [] as RouteEntry[]);
  const modules = options.modules ?? allModules;
  if (options.modules) installModules(options.modules);
  app.decorate('modules', modules);
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('csrfToken', null);
  app.setValidatorCompiler(validatorCompiler);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeTable.push({
        method,
        url: route.url,
        public: route.config?.public === true,
        self: route.config?.self === true,
        readOnly: route.config?.readOnly === true,
        hasBody: !!route.schema?.body,
        ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
        schema: route.schema as Record<string, unknown> | undefined,
      });
    }
  });

  app.setErrorHandler(
    async (
      error: FastifyError & { validation?: ErrorObject[]; validationContext?: string },
      request,
      reply,
    ) => {
      const lang = request.lang;
      let status = 500;
      let code: ErrorCode = 'INTERNAL';
      let params: Record<string, unknown> = { requestId: request.id };
      let details: FieldIssue[] = [];
      if (error instanceof AppError) {
        status = error.status;
        code = error.code;
        params = error.params;
        details = error.fields.map((f) => ({
          path: f.path,
          message: f.message || errorMessage(error.code, lang, error.params),
        }));
      } else if (error.validation) {
        status = 400;
        code = 'VALIDATION_FAILED';
        details = fieldIssues(error.validation, lang, error.validationContext);
      } else if (
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ) {
        status = 400;
        code = 'BAD_JSON';
      } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        status = 413;
        code = 'PAYLOAD_TOO_LARGE';
        params = { limit: request.routeOptions.bodyLimit ?? config.bodyLimit };
      } else if (
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
        error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH'
      ) {
        status = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 415 : 400;
        code = status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_JSON';
      } else if (error.statusCode === 429) {
        status = 429;
        code = 'RATE_LIMITED';
        params = {
          after: reply.getHeader('retry-after') ? `${String(reply.getHeader('retry-after'))}s` : '1 min',
        };
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        // Any other client error Fastify raised (bad URL encoding, bad params): a plain 400 in our shape.
        status = error.statusCode;
        code = status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
      }
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
      }
      if ((code === 'FORBIDDEN' || code === 'CSRF_FAILED') && !(error instanceof AppError && error.audited)) {
        // Denied access is part of the trail; the out-of-scope 404 is audited by the command that met it.
        await appendAudit(ctx.database.db, {
          actorId: request.actor?.userId ?? null,
          actorName: request.actor?.username ?? null,
          actorRole: request.actor?.role ?? null,
          action: 'access.denied',
          result: 'denied',
          ip: request.ip,
          requestId: request.id,
          details: { method: request.method, route: request.routeOptions.url ?? request.url, code },
        }).catch(() => undefined);
        ctx.sealer.kick();
      }
      return reply.status(status).send(errorBody(lang, code, params, details));
    },
  );

  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const index = options.webDir ? path.join(options.webDir, 'index.html') : null;
    // Client-side routes get the app; a missing asset (a file name with an extension) stays a 404.
    const isAppRoute = !url.startsWith('/api/') && url !== '/api' && !path.extname(url);
    if (isAppRoute && request.method === 'GET' && index && fs.existsSync(index)) {
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(index));
    }
    return reply
      .status(404)
      .send(errorBody(request.lang, 'ROUTE_NOT_FOUND', { method: request.method, url }, []));
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd renders its styles at run time; swagger-ui needs inline styles too
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.secureCookies,
  });
  // Grid GeoJSON runs to megabytes; phones in the field are on slow links.
  await app.register(fastifyCompress, { global: true, threshold: 2048, encodings: ['gzip', 'deflate'] });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Louyuan (楼院) API',
        version: '0.1.0',
        description:
          'Community governance for Erqi District. Log in with POST /api/auth/login (cookie + csrfToken) or send ' +
          '`Authorization: Bearer <personal API token>`. Errors are `{ error: { code, message, details } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.addHook('onRequest', async (request) => {
    request.lang = pickLang(request.headers['accept-language']);
  });
  // Modules' app-wide plugins before any route: the auth module's resolves who is asking and checks CSRF.
  for (const module of modules) if (module.plugin) await app.register(module.plugin);

  await app.register(
    async (api) => {
      for (const module of modules) {
        if (module.routes && !module.prefix) await api.register(module.routes);
      }
    },
    { prefix: '/api' },
  );
  // Modules with a URL of their own (Open311): outside /api, so the hook above resolves no actor for them.
  for (const module of modules) {
    if (module.routes && module.prefix) await app.register(module.routes, { prefix: module.prefix });
  }

  if (options.webDir && fs.existsSync(options.webDir)) {
    await app.register(fastifyStatic, {
      root: options.webDir,
      prefix: '/',
      // Look files up per request, so a rebuilt console is served without restarting the server.
      wildcard: true,
      index: ['index.html'],
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  return app;
}
