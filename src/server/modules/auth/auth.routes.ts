import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { requestContext, SESSION_COOKIE } from '../../http/request-context.js';
import { AppError } from '../../http/errors.js';
import { errorResponses, Ok } from '../../http/schemas.js';
import { capabilitiesOf } from '../../policy/capabilities.js';
import {
  changePassword,
  createToken,
  listTokens,
  login,
  logout,
  presentUser,
  revokeToken,
  SESSION_ABSOLUTE_MS,
  userQuery,
} from './auth.service.js';
import {
  ApiTokenSchema,
  ChangePasswordBody,
  CreateTokenBody,
  LoginBody,
  sessionResponse,
  TokenIdParams,
} from './auth.schema.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const SessionResponse = sessionResponse();
  const { config } = app.ctx;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies,
  };

  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Log in; sets the session cookie and returns the CSRF token',
        body: LoginBody,
        response: { 200: SessionResponse, ...errorResponses(403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const outcome = await login(
        app.ctx,
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id },
        request.body.username,
        request.body.password,
      );
      reply.setCookie(SESSION_COOKIE, outcome.sessionToken, {
        ...cookieOptions,
        maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
      });
      return {
        user: outcome.user,
        csrfToken: outcome.csrfToken,
        capabilities: [...capabilitiesOf(outcome.user.role)],
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { self: true },
      schema: { tags, summary: 'End this session', response: { 200: Ok, ...errorResponses(403) } },
    },
    async (request, reply) => {
      await logout(requestContext(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { self: true },
      schema: {
        tags,
        summary: 'The logged-in user and the CSRF token',
        response: { 200: SessionResponse, ...errorResponses() },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      const row = await userQuery(app.ctx.database.db)
        .where('u.id', '=', ctx.actor.userId)
        .executeTakeFirst();
      if (!row) throw new AppError('UNAUTHENTICATED');
      return {
        user: presentUser(row),
        csrfToken: request.csrfToken ?? '',
        capabilities: [...capabilitiesOf(row.role)],
      };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { self: true },
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: ChangePasswordBody,
        response: { 200: Ok, ...errorResponses(403, 422) },
      },
    },
    async (request) => {
      await changePassword(requestContext(request), request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/tokens',
    {
      config: { self: true },
      schema: {
        tags,
        summary: 'My personal API tokens',
        response: { 200: Type.Array(ApiTokenSchema), ...errorResponses() },
      },
    },
    async (request) => listTokens(requestContext(request)),
  );

  app.post(
    '/auth/tokens',
    {
      config: { self: true },
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: CreateTokenBody,
        response: {
          200: Type.Object({ token: Type.String(), apiToken: ApiTokenSchema }),
          ...errorResponses(403),
        },
      },
    },
    async (request) => {
      const { token, view } = await createToken(
        requestContext(request),
        request.body.name,
        request.body.expiresInDays,
      );
      return { token, apiToken: view };
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      config: { self: true },
      schema: {
        tags,
        summary: 'Revoke one of my tokens',
        params: TokenIdParams,
        response: { 200: Ok, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      await revokeToken(requestContext(request), request.params.id);
      return { ok: true as const };
    },
  );
};
