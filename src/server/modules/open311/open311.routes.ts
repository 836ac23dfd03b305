import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError } from '../../http/errors.js';
import { errorMessage } from '../../http/messages.js';
import { fieldIssues } from '../../http/validation.js';
import { clientByKey, type Open311Client } from './open311.clients.js';
import {
  errorBody,
  formatOfUrl,
  gatherAttributes,
  JSON_TYPE,
  message,
  Open311Error,
  open311Error,
  parseForm,
  xmlDocument,
  XML_TYPE,
  type Format,
} from './open311.format.js';
import {
  Discovery,
  FormatParams,
  JurisdictionQuery,
  open311Errors,
  RequestCreateBody,
  RequestCreated,
  RequestList,
  RequestParams,
  RequestsQuery,
  ServiceDefinition,
  ServiceList,
  ServiceParams,
  TokenParams,
  TokenResult,
} from './open311.schema.js';
import {
  checkJurisdiction,
  createRequest,
  discovery,
  getRequest,
  listRequests,
  listServices,
  serviceDefinition,
  publicMedia,
  tokenLookup,
  type Open311Context,
} from './open311.service.js';
import Type from 'typebox';

const tags = ['open311'];
/**
 * Kept out of the app's OpenAPI document (/api/openapi.json describes /api: its sessions, tokens and error
 * shape); the Open311 specification and discovery.json describe these routes. The schemas still validate the
 * input and serialize the JSON answers.
 */
const hide = true;
const produces = ['application/json', 'text/xml'];

function open311Context(request: FastifyRequest): Open311Context {
  return {
    app: request.server.ctx,
    lang: request.lang,
    origin: `${request.protocol}://${request.host}`,
    ip: request.ip,
    requestId: request.id,
  };
}

/** A success in the format the URL asked for: JSON as is, XML under the spec's root (and item) element. */
function send(reply: FastifyReply, format: Format, root: string, item: string | null, data: unknown) {
  if (format === 'xml') return reply.type(XML_TYPE).send(xmlDocument(root, item, data));
  return reply.type(JSON_TYPE).send(data);
}

/** The client that authenticated a POST by its api_key (set in preValidation, read by the handler). */
const clients = new WeakMap<FastifyRequest, Open311Client>();

/**
 * Open311 GeoReport v2 at /open311/v2 (the manifest's prefix). Public routes: no session, no CSRF (the app's
 * auth hook handles /api only); a POST is authenticated by its api_key. Failures are the spec's
 * `[{code, description}]` (XML: <errors><error>…) with the matching HTTP status, set by this plugin's own
 * error and not-found handlers.
 */
export const open311Routes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.ctx;

  // The spec's POST body; @fastify/formbody is not installed. Keys like attribute[code] are kept as sent.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, parseForm(body as string));
    },
  );

  app.setErrorHandler(
    async (
      error: FastifyError & { validation?: ErrorObject[]; validationContext?: string },
      request,
      reply,
    ) => {
      const format = formatOfUrl(request.url);
      const lang = request.lang;
      let status: number;
      let description: string;
      if (error instanceof Open311Error) {
        status = error.status;
        description = error.description;
      } else if (error.validation) {
        // a path that is not one of ours (bad code, unknown suffix) is a missing resource
        const issues = fieldIssues(error.validation, lang, error.validationContext);
        status = error.validationContext === 'params' ? 404 : 400;
        description =
          status === 404
            ? message(lang, 'notFound', { what: request.url.split('?')[0] })
            : message(lang, 'invalid', { details: issues.map((i) => `${i.path} ${i.message}`).join('; ') });
      } else if (error instanceof AppError) {
        status =
          error.status === 404 || error.status === 403 ? error.status : error.status >= 500 ? 500 : 400;
        description = errorMessage(error.code, lang, error.params);
      } else if (error.statusCode === 429) {
        status = 429;
        description = message(lang, 'rateLimited');
      } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        status = 413;
        description = message(lang, 'tooLarge');
      } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        status = 415;
        description = message(lang, 'badBody');
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        status = 400;
        description = message(lang, 'badBody');
      } else {
        status = 500;
        description = message(lang, 'internal', { requestId: request.id });
        request.log.error({ err: error }, 'open311 request failed');
      }
      return reply
        .status(status)
        .type(format === 'xml' ? XML_TYPE : JSON_TYPE)
        .send(errorBody(format, status, description));
    },
  );

  const notFound = async (request: FastifyRequest, reply: FastifyReply) => {
    const format = formatOfUrl(request.url);
    return reply
      .status(404)
      .type(format === 'xml' ? XML_TYPE : JSON_TYPE)
      .send(errorBody(format, 404, message(request.lang, 'notFound', { what: request.url.split('?')[0] })));
  };
  app.setNotFoundHandler(notFound);
  // With the console's static files registered, their wildcard would take unknown /open311 paths first.
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    schema: { hide: true },
    config: { public: true },
    handler: notFound,
  });

  // Public reads: browser-based Open311 clients (maps, dashboards) may fetch them from any origin. POST is not
  // opened to browsers: an api_key belongs on a server.
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD')
      reply.header('access-control-allow-origin', '*');
  });

  // Every endpoint takes jurisdiction_id (query, or the POST body); checked before the rest of the input.
  app.addHook('preValidation', async (request) => {
    if (request.body && typeof request.body === 'object') request.body = gatherAttributes(request.body);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const body = (request.body ?? {}) as Record<string, unknown>;
    checkJurisdiction(open311Context(request), query.jurisdiction_id ?? body.jurisdiction_id);
  });

  app.get(
    '/discovery.:format',
    {
      config: { public: true },
      schema: {
        hide,
        tags,
        summary: 'Open311 discovery: the endpoint, its formats and who issues API keys',
        params: FormatParams,
        querystring: JurisdictionQuery,
        produces,
        response: { 200: Discovery, ...open311Errors(404) },
      },
    },
    async (request, reply) =>
      send(reply, request.params.format, 'discovery', null, await discovery(open311Context(request))),
  );

  app.get(
    '/services.:format',
    {
      config: { public: true },
      schema: {
        hide,
        tags,
        summary: 'Open311 services: one per active minor case category',
        params: FormatParams,
        querystring: JurisdictionQuery,
        produces,
        response: { 200: ServiceList, ...open311Errors(404) },
      },
    },
    async (request, reply) =>
      send(reply, request.params.format, 'services', 'service', await listServices(open311Context(request))),
  );

  app.get(
    '/services/:service_code.:format',
    {
      config: { public: true },
      schema: {
        hide,
        tags,
        summary: 'Open311 service definition: the category’s attributes',
        params: ServiceParams,
        querystring: JurisdictionQuery,
        produces,
        response: { 200: ServiceDefinition, ...open311Errors(404) },
      },
    },
    async (request, reply) =>
      send(
        reply,
        request.params.format,
        'service_definition',
        null,
        await serviceDefinition(open311Context(request), request.params.service_code),
      ),
  );

  app.get(
    '/requests.:format',
    {
      config: { public: true },
      schema: {
        hide,
        tags,
        summary: 'Open311 service requests: public facts of cases (never the reporter), newest first',
        description:
          'service_request_id overrides every other filter. Without dates: the last 90 days. page/page_size ' +
          'are an extension (default 50, at most 200); extensions=true adds the public timeline.',
        params: FormatParams,
        querystring: RequestsQuery,
        produces,
        response: { 200: RequestList, ...open311Errors(404) },
      },
    },
    async (request, reply) =>
      send(
        reply,
        request.params.format,
        'service_requests',
        'request',
        await listRequests(open311Context(request), request.query),
      ),
  );

  app.get(
    '/requests/:service_request_id.:format',
    {
      config: { public: true },
      schema: {
        hide,
        tags,
        summary: 'Open311 one service request (a list of one)',
        params: RequestParams,
        querystring: Type.Object({
          ...JurisdictionQuery.properties,
          extensions: RequestsQuery.properties.extensions,
        }),
        produces,
        response: { 200: RequestList, ...open311Errors(404) },
      },
    },
    async (request, reply) =>
      send(
        reply,
        request.params.format,
        'service_requests',
        'request',
        await getRequest(
          open311Context(request),
          request.params.service_request_id,
          request.query.extensions === true,
        ),
      ),
  );

  app.get(
    '/media/:photoId',
    {
      config: { public: true },
      schema: {
        hide,
        tags,
        summary: 'Open311 a photo shown on a public step of a published request (the metadata-free copy)',
        params: Type.Object({ photoId: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object(
          { size: Type.Optional(Type.Enum(['thumb', 'full'])) },
          { additionalProperties: false },
        ),
        produces: ['image/jpeg', 'image/png', 'image/webp'],
      },
    },
    async (request, reply) => {
      const photo = await publicMedia(
        open311Context(request),
        request.params.photoId,
        request.query.size ?? 'full',
      );
      return reply
        .type(photo.mime)
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(photo.bytes);
    },
  );

  app.get(
    '/tokens/:token.:format',
    {
      config: { public: true },
      schema: {
        hide,
        tags,
        summary: 'Open311 the service_request_id of a token returned by POST requests',
        params: TokenParams,
        querystring: JurisdictionQuery,
        produces,
        response: { 200: TokenResult, ...open311Errors(404) },
      },
    },
    async (request, reply) =>
      send(
        reply,
        request.params.format,
        'service_requests',
        'request',
        await tokenLookup(open311Context(request), request.params.token),
      ),
  );

  app.post(
    '/requests.:format',
    {
      config: {
        public: true,
        ...(config.open311RatePerMinute > 0
          ? { rateLimit: { max: config.open311RatePerMinute, timeWindow: '1 minute' } }
          : {}),
      },
      // The api_key is checked before the body is validated: a caller without one learns nothing more.
      preValidation: async (request) => {
        const query = (request.query ?? {}) as Record<string, unknown>;
        const body = (request.body ?? {}) as Record<string, unknown>;
        const key = body.api_key ?? query.api_key;
        const client = await clientByKey(app.ctx.database.db, typeof key === 'string' ? key : undefined);
        if (!client) throw open311Error(403, request.lang, 'apiKey');
        clients.set(request, client);
      },
      schema: {
        hide,
        tags,
        summary: 'Open311 file a service request (a case on channel open311) with an API key',
        params: FormatParams,
        querystring: Type.Object({ ...JurisdictionQuery.properties, api_key: Type.Optional(Type.String()) }),
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: RequestCreateBody,
        produces,
        response: { 200: RequestCreated, ...open311Errors(403, 404, 429) },
      },
    },
    async (request, reply) => {
      const client = clients.get(request);
      if (!client) throw open311Error(403, request.lang, 'apiKey');
      const created = await createRequest(open311Context(request), client, request.body);
      return send(reply, request.params.format, 'service_requests', 'request', created);
    },
  );
};
