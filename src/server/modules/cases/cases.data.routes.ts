import { readUpload } from '../../http/uploads.js';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { contentDisposition } from '../../core/xlsx-export.js';
import { requestContext } from '../../http/request-context.js';
import { errorResponses, Nullable } from '../../http/schemas.js';
import { requireCapability } from '../../policy/authorize.js';
import { caseFigures } from './analytics/cases.figures.js';
import { HOTLINE_FILE_LIMIT, hotlineTemplate, importHotline } from './intake/cases.hotline.js';

const tags = ['cases'];

const Ratio = Type.Object({
  value: Nullable(Type.Number()),
  numerator: Type.Number(),
  denominator: Type.Number(),
});

export const FiguresQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ pattern: '^[0-9]{6,24}$', description: 'place code' })),
    grid: Type.Optional(Type.String({ pattern: '^[0-9]{6,30}$', description: 'grid code' })),
    department: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$', description: 'department code' })),
    worker: Type.Optional(
      Type.Integer({ minimum: 1, description: 'user id of a grid worker handling the cases' }),
    ),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'start (inclusive)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'end (exclusive)' })),
  },
  { additionalProperties: false },
);

export const FiguresSchema = Type.Object({
  scope: Type.Object({
    within: Nullable(Type.String()),
    grid: Nullable(Type.String()),
    department: Nullable(Type.String()),
    worker: Nullable(Type.Integer()),
  }),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  reported: Type.Integer(),
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  merged: Type.Integer(),
  dispatched: Type.Integer(),
  handled: Type.Integer(),
  due: Type.Integer(),
  closed: Type.Integer(),
  acceptanceRate: Ratio,
  dispatchAccuracy: Ratio,
  onTimeHandlingRate: Ratio,
  closureRate: Ratio,
  onTimeClosureRate: Ratio,
  reworkRate: Ratio,
  extensionRate: Ratio,
  avgHandlingHours: Ratio,
  satisfactionRate: Ratio,
});

export const HotlineResultSchema = Type.Object({
  imported: Type.Integer(),
  cases: Type.Array(Type.Object({ row: Type.Integer(), code: Type.String(), externalRef: Type.String() })),
  skipped: Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String() })),
  findings: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() })),
});

/** Figures and the 12345 hotline import (a plugin of its own: multipart is parsed here only). */
export const casesDataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: HOTLINE_FILE_LIMIT, files: 1, fields: 4, parts: 5 },
  });

  app.get(
    '/cases/figures',
    {
      schema: {
        tags,
        summary:
          'Case figures over my scope (narrowed by place, grid, department or worker) and a period (default this month)',
        description: 'Definitions: docs/ARCHITECTURE.md, "Case figures".',
        querystring: FiguresQuery,
        response: { 200: FiguresSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => caseFigures(requestContext(request), request.query),
  );

  app.post(
    '/cases/import-hotline',
    {
      bodyLimit: HOTLINE_FILE_LIMIT + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import 12345 hotline work orders from a CSV (UTF-8 or GBK) sent as multipart/form-data (field "file"); ' +
          'each valid row becomes a hotline case, repeats and bad rows are reported',
        consumes: ['multipart/form-data'],
        response: { 200: HotlineResultSchema, ...errorResponses(403, 413, 415, 422) },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      requireCapability(ctx.actor, 'cases.import');
      const { bytes } = await readUpload(request, HOTLINE_FILE_LIMIT);
      return importHotline(ctx, bytes);
    },
  );

  app.get(
    '/cases/import-hotline/template',
    {
      schema: {
        tags,
        summary: 'The hotline import template: a CSV with the columns and one example row',
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'CSV (UTF-8 with BOM)' }), ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      requireCapability(requestContext(request).actor, 'cases.import');
      const name = request.lang === 'en' ? 'hotline-import-template.csv' : '12345工单导入模板.csv';
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(name))
        .send(hotlineTemplate());
    },
  );
};
