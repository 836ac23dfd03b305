import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../http/request-context.js';
import { errorResponses } from '../../http/schemas.js';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.js';
import {
  NotificationPage,
  NotificationParams,
  NotificationQuery,
  NotificationSchema,
  ReadAllAnswer,
} from './notifications.schema.js';

const tags = ['notifications'];

/** The caller's own inbox: `self` routes (they act on the caller's own rows only). */
export const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications',
    {
      config: { self: true },
      schema: {
        tags,
        summary:
          'My notices (cases dispatched to me, escalated, overdue, to verify … and every other module’s), newest first',
        querystring: NotificationQuery,
        response: { 200: NotificationPage, ...errorResponses(403) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, unread } = request.query;
      return listNotifications(requestContext(request), {
        page,
        pageSize,
        ...(unread === undefined ? {} : { unread }),
      });
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { self: true },
      schema: {
        tags,
        summary: 'Mark one of my notices read',
        params: NotificationParams,
        response: { 200: NotificationSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => markNotificationRead(requestContext(request), request.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { self: true },
      schema: {
        tags,
        summary: 'Mark all my notices read',
        response: { 200: ReadAllAnswer, ...errorResponses(403) },
      },
    },
    async (request) => markAllNotificationsRead(requestContext(request)),
  );
};
