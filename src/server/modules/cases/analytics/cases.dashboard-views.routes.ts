import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../../http/request-context.js';
import { errorResponses } from '../../../http/schemas.js';
import { DashboardQuery } from '../../dashboard/dashboard.schema.js';
import {
  CategoriesSchema,
  MapQuery,
  MapSchema,
  RankingsQuery,
  RankingsSchema,
  TrendQuery,
  TrendSchema,
} from './cases.dashboard-views.schema.js';
import {
  dashboardCategories,
  dashboardMap,
  dashboardRankings,
  dashboardTrend,
} from './cases.dashboard-views.js';

const tags = ['dashboard'];
const errors = errorResponses(400, 403, 404);

/** The command dashboard's case views, under /api/dashboard beside the overview the dashboard module serves. */
export const caseDashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dashboard/trend',
    {
      schema: {
        tags,
        summary: 'Cases reported, handled and closed by day, week or month over the period',
        querystring: TrendQuery,
        response: { 200: TrendSchema, ...errors },
      },
    },
    async (request) => dashboardTrend(requestContext(request), request.query),
  );
  app.get(
    '/dashboard/categories',
    {
      schema: {
        tags,
        summary: 'Cases of the period by category',
        querystring: DashboardQuery,
        response: { 200: CategoriesSchema, ...errors },
      },
    },
    async (request) => dashboardCategories(requestContext(request), request.query),
  );
  app.get(
    '/dashboard/rankings',
    {
      schema: {
        tags,
        summary:
          'Streets, communities, departments or grid workers ranked by a composite score (GB/T 30428.4 style)',
        querystring: RankingsQuery,
        response: { 200: RankingsSchema, ...errors },
      },
    },
    async (request) => dashboardRankings(requestContext(request), request.query),
  );
  app.get(
    '/dashboard/map',
    {
      schema: {
        tags,
        summary: 'The grids one level under my area coloured by a figure, and the open cases as pins',
        querystring: MapQuery,
        response: { 200: MapSchema, ...errors },
      },
    },
    async (request) => dashboardMap(requestContext(request), request.query),
  );
};
