import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendXlsx, XLSX_CONTENT_TYPE, XlsxFile } from '../../core/xlsx-export.js';
import { requestContext } from '../../http/request-context.js';
import { errorResponses } from '../../http/schemas.js';
import { dashboardExport } from './dashboard.export.js';
import { DashboardQuery, exportQuery, OverviewSchema } from './dashboard.schema.js';
import { dashboardOverview } from './dashboard.service.js';
import { exportSections } from './dashboard.export.js';

const tags = ['dashboard'];
const errors = errorResponses(400, 403, 404);

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ExportQuery = exportQuery(
    exportSections(app.modules),
    Object.assign({}, ...app.modules.map((m) => m.dashboardSheetQuery ?? {})),
  );
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
