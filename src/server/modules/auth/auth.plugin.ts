import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../http/errors.js';
import { SESSION_COOKIE } from '../../http/request-context.js';
import { resolveApiToken, resolveSession, safeEqual } from './auth.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Registered at the app's root before any route (fastify-plugin: its hook is not encapsulated), so it runs for
 * every /api request.
 */
export const authPlugin: FastifyPluginAsync = fp(
  async (app) => {
    // Who is asking: resolve the bearer token or session cookie, require a login, check CSRF — before any
    // body is validated, so an anonymous or forged request learns nothing from validation messages.
    app.addHook('onRequest', async (request) => {
      const isPublic = request.routeOptions.config?.public === true;
      if (!request.url.startsWith('/api/')) return;
      const authorization = request.headers.authorization;
      if (authorization?.startsWith('Bearer ')) {
        request.actor = await resolveApiToken(app.ctx.database.db, authorization.slice(7).trim());
        if (!request.actor && !isPublic) throw new AppError('UNAUTHENTICATED');
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const resolved = await resolveSession(app.ctx.database.db, token);
        if (resolved === 'expired') request.sessionExpired = true;
        else if (resolved) {
          request.actor = resolved.actor;
          request.csrfToken = resolved.csrfToken;
        }
      }
      // Unknown /api paths fall through to the static files' wildcard and then to the JSON 404.
      const route = request.routeOptions.url ?? '';
      // The API's description is public: the docs page and the OpenAPI document.
      if (isPublic || !route.startsWith('/api/') || route.startsWith('/api/docs')) return;
      if (!request.actor) throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
          throw new AppError('CSRF_FAILED');
        }
      }
    });
  },
  { name: 'louyuan-auth' },
);
