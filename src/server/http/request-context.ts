import type { FastifyRequest } from 'fastify';
import type { AppContext, RequestContext } from '../core/context.js';
import type { ModuleManifest } from '../modules/manifest.js';
import type { Actor } from '../policy/actor.js';
import { AppError } from './errors.js';
import type { Lang } from './messages.js';

/**
 * What a route needs from the app without importing it (the app imports every module's routes, so a route that
 * imported the app would close a circle): the session cookie's name, the request's decorations and the request
 * context a service call takes.
 */
export const SESSION_COOKIE = 'louyuan_session';

export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  self: boolean;
  /** A read sent as POST (a body too large for a query string); the access test treats it as a list. */
  readOnly: boolean;
  hasBody: boolean;
  /** The route's own body limit when it differs from the app's (config.bodyLimit). */
  bodyLimit?: number;
  schema: Record<string, unknown> | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
    sessionExpired: boolean;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in. */
    public?: boolean;
    /** Acts only on the caller's own account (the access test checks these separately). */
    self?: boolean;
    /** A read sent as POST: it changes nothing. */
    readOnly?: boolean;
  }
  interface FastifyInstance {
    ctx: AppContext;
    routeTable: RouteEntry[];
    /** The modules this app was built from (the dashboard and the home page read their contributions). */
    modules: readonly ModuleManifest[];
  }
}

export function requestContext(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return {
    app: request.server.ctx,
    actor: request.actor,
    lang: request.lang,
    ip: request.ip,
    requestId: request.id,
  };
}
