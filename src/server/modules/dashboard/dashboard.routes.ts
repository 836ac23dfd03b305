import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendXlsx, XLSX_CONTENT_TYPE, XlsxFile } from '../../core/xlsx-export.js';
import { requestContext } from '../../http/request-context.js';
import { errorResponses } from '../../http/schemas.js';
import { dashboardExport } from './dashboard.export.js';
import {
  CategoriesSchema,
  DashboardQuery,
  ExportQuery,
  MapQuery,
  MapSchema,
  OverviewSchema,
  RankingsQuery,
  RankingsSchema,
  TrendQuery,
  TrendSchema,
} from './dashboard.schema.js';
import {
  dashboardCategories,
  dashboardMap,
  dashboardOverview,
  dashboardRankings,
  dashboardTrend,
} from './dashboard.service.js';

const tags = ['dashboard'];
const errors = errorResponses(400, 403, 404);

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dashboard/overview',
    {
      schema: {
        tags,
        summary:
          "My area's figures for a period, beside the period before, in groups contributed by the modules",
        description: 'Definitions: docs/ARCHITECTURE.md, "Dashboard and rollups".',
        querystring: DashboardQuery,
        response: { 200: OverviewSchema, ...errors },
      },
    },
    async (request) => dashboardOverview(requestContext(request), request.query, app.modules),
  );
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
  app.get(
    '/dashboard/export',
    {
      schema: {
        tags,
        summary: 'One dashboard table or chart as an .xlsx download, with the figures as shown',
        querystring: ExportQuery,
        produces: [XLSX_CONTENT_TYPE],
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, sheet } = await dashboardExport(requestContext(request), request.query, app.modules);
      return sendXlsx(reply, fileName, request.lang, [sheet]);
    },
  );
};
