import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { feedRoutes } from './outbound/cases.feed.js';
import { casePhotoRoutes } from './evidence/cases.photos.routes.js';
import { webhookRoutes } from './outbound/cases.webhooks.routes.js';

/** Evidence photos, outgoing webhooks and the live feed (beside casesRoutes). */
export const casesExtraRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(casePhotoRoutes);
  await app.register(webhookRoutes);
  await app.register(feedRoutes);
};
