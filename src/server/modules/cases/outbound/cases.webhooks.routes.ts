import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../../http/request-context.js';
import { errorResponses } from '../../../http/schemas.js';
import {
  DeliveryPage,
  DeliveryQuery,
  WebhookCreateBody,
  WebhookList,
  WebhookParams,
  WebhookSchema,
  WebhookUpdateBody,
} from './cases.notify.schema.js';
import {
  createWebhook,
  listDeliveries,
  listWebhooks,
  updateWebhook,
  type WebhookInput,
} from './cases.webhooks.js';

const tags = ['webhooks'];

/** Outgoing webhooks (case events to 企业微信 / 钉钉 robots or any JSON receiver): `cases.configure` only. */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'The outgoing webhooks, with their pending and failed deliveries',
        response: { 200: WebhookList, ...errorResponses(403) },
      },
    },
    async (request) => listWebhooks(requestContext(request)),
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary:
          'Add a webhook: json (signed with the secret), wecom (企业微信群机器人) or dingtalk (钉钉机器人)',
        body: WebhookCreateBody,
        response: { 200: WebhookSchema, ...errorResponses(403, 422) },
      },
    },
    async (request) => createWebhook(requestContext(request), request.body as WebhookInput),
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook (secret null removes it; active false stops deliveries)',
        params: WebhookParams,
        body: WebhookUpdateBody,
        response: { 200: WebhookSchema, ...errorResponses(403, 404, 422) },
      },
    },
    async (request) =>
      updateWebhook(requestContext(request), request.params.id, request.body as Partial<WebhookInput>),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Deactivate a webhook (it and its delivery history stay)',
        params: WebhookParams,
        response: { 200: WebhookSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => updateWebhook(requestContext(request), request.params.id, { active: false }),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'A webhook’s deliveries, newest first: attempts, next attempt, status and last error',
        params: WebhookParams,
        querystring: DeliveryQuery,
        response: { 200: DeliveryPage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      return listDeliveries(requestContext(request), request.params.id, page, pageSize);
    },
  );
};
