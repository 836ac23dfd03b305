import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../http/request-context.js';
import { errorResponses } from '../../http/schemas.js';
import {
  ChildrenQuery,
  CoverageSchema,
  GeoJsonQuery,
  GridFeatureCollection,
  GridCodeParams,
  GridDetailSchema,
  GridListQuery,
  GridPage,
  LocateBatchBody,
  LocateBatchResult,
  LocateQuery,
  LocateResult,
  AdjustmentBody,
  AdjustmentListQuery,
  AdjustmentOutcomeSchema,
  AdjustmentPage,
  GridHistorySchema,
  GridVersionFeature,
  GridVersionParams,
  ExportFeatureCollection,
  ExportQuery,
  ImportBody,
  ImportOutcomeSchema,
  ImportQuery,
  ShapefileImportBody,
} from './grids.schema.js';
import { exportFeatureCollection, exportShapefile, importGrids, shapefileToGeoJson } from './grids.files.js';
import { adjustGrids } from './grids.adjust.js';
import { gridHistory, gridVersionFeature, listAdjustments } from './grids.history.js';
import {
  getGrid,
  gridCoverage,
  listGridChildren,
  gridsGeoJson,
  listGrids,
  locateBatch,
  locatePoint,
} from './grids.service.js';

const tags = ['grids'];

export const gridsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/grids',
    {
      schema: {
        tags,
        summary: 'Grids within my subtree, by level, kind, name or code',
        querystring: GridListQuery,
        response: { 200: GridPage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return listGrids(requestContext(request), { ...rest, page, pageSize });
    },
  );

  app.get(
    '/grids/geojson',
    {
      schema: {
        tags,
        summary: 'Grids as GeoJSON for the map (within my subtree), by level and kind',
        querystring: GeoJsonQuery,
        response: { 200: GridFeatureCollection, ...errorResponses(403, 404) },
      },
    },
    async (request) => gridsGeoJson(requestContext(request), request.query),
  );

  app.get(
    '/grids/coverage',
    {
      schema: {
        tags,
        summary:
          'Coverage check: gaps, overlaps, grids outside parent or district, invalid polygons, household counts',
        response: { 200: CoverageSchema, ...errorResponses(403) },
      },
    },
    async (request) => gridCoverage(requestContext(request)),
  );

  // Registered before /grids/:code so "locate" is never read as a code (codes are digits anyway).
  app.get(
    '/grids/locate',
    {
      schema: {
        tags,
        summary: 'The micro-grid holding a point, its chain up to level 1, and the overlay grids there',
        querystring: LocateQuery,
        response: { 200: LocateResult, ...errorResponses(403, 404, 422) },
      },
    },
    async (request) => {
      const { lng, lat, crs = 'wgs84' } = request.query;
      return locatePoint(requestContext(request), lng, lat, crs);
    },
  );

  app.post(
    '/grids/locate',
    {
      config: { readOnly: true },
      schema: {
        tags,
        summary: 'Locate up to 1,000 points at once; each answers a result or an error code',
        body: LocateBatchBody,
        response: { 200: LocateBatchResult, ...errorResponses(403, 413, 415) },
      },
    },
    async (request) => locateBatch(requestContext(request), request.body.points, request.body.crs ?? 'wgs84'),
  );

  app.post(
    '/grids/adjustments',
    {
      schema: {
        tags,
        summary:
          'Split, merge or redraw sibling leaf grids (versioned, households follow); dryRun previews findings and moves',
        body: AdjustmentBody,
        response: { 200: AdjustmentOutcomeSchema, ...errorResponses(403, 404, 413, 415, 422) },
      },
    },
    async (request) =>
      adjustGrids(requestContext(request), request.body as Parameters<typeof adjustGrids>[1]),
  );

  app.get(
    '/grids/adjustments',
    {
      schema: {
        tags,
        summary: 'Grid adjustments within my subtree, newest first',
        querystring: AdjustmentListQuery,
        response: { 200: AdjustmentPage, ...errorResponses(403) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, code } = request.query;
      return listAdjustments(requestContext(request), page, pageSize, code);
    },
  );

  app.get(
    '/grids/export',
    {
      schema: {
        tags,
        summary:
          'Grids of my subtree as a GeoJSON FeatureCollection or an ESRI Shapefile zip, by level and kind',
        querystring: ExportQuery,
        response: { 200: ExportFeatureCollection, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      const { format = 'geojson', ...options } = request.query;
      const ctx = requestContext(request);
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === 'shapefile') {
        const zip = await exportShapefile(ctx.app.database.db, ctx.actor, options);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="grids-${stamp}.zip"`)
          .send(zip as never);
      }
      reply.header('content-disposition', `attachment; filename="grids-${stamp}.geojson"`);
      return exportFeatureCollection(ctx.app.database.db, ctx.actor, options);
    },
  );

  app.post(
    '/grids/import',
    {
      bodyLimit: app.ctx.config.gridFileLimit,
      schema: {
        tags,
        summary:
          'Import a GeoJSON FeatureCollection as one versioned adjustment: redraw known leaf grids, add new ones; dryRun checks only',
        querystring: ImportQuery,
        body: ImportBody,
        response: { 200: ImportOutcomeSchema, ...errorResponses(403, 404, 413, 415, 422) },
      },
    },
    async (request) => {
      const { dryRun = false, reason } = request.query;
      return importGrids(requestContext(request), request.body, {
        dryRun,
        source: 'geojson',
        ...(reason ? { reason } : {}),
      });
    },
  );

  app.post(
    '/grids/import/shapefile',
    {
      bodyLimit: app.ctx.config.gridFileLimit,
      schema: {
        tags,
        summary: 'Import an ESRI Shapefile zip (base64) like a GeoJSON file; dryRun checks only',
        querystring: ImportQuery,
        body: ShapefileImportBody,
        response: { 200: ImportOutcomeSchema, ...errorResponses(403, 404, 413, 415, 422) },
      },
    },
    async (request) => {
      const { dryRun = false, reason } = request.query;
      const ctx = requestContext(request);
      const collection = await shapefileToGeoJson(Buffer.from(request.body.zip, 'base64'));
      return importGrids(ctx, collection, { dryRun, source: 'shapefile', ...(reason ? { reason } : {}) });
    },
  );

  app.get(
    '/grids/:code/history',
    {
      schema: {
        tags,
        summary: 'Every version of a grid (also a retired one): who changed it, when and why',
        params: GridCodeParams,
        response: { 200: GridHistorySchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => gridHistory(requestContext(request), request.params.code),
  );

  app.get(
    '/grids/:code/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version of a grid as a GeoJSON Feature',
        params: GridVersionParams,
        response: { 200: GridVersionFeature, ...errorResponses(403, 404) },
      },
    },
    async (request) =>
      gridVersionFeature(requestContext(request), request.params.code, request.params.version),
  );

  app.get(
    '/grids/:code',
    {
      schema: {
        tags,
        summary: 'One grid with its polygon and the chain above it',
        params: GridCodeParams,
        response: { 200: GridDetailSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => getGrid(requestContext(request), request.params.code),
  );

  app.get(
    '/grids/:code/children',
    {
      schema: {
        tags,
        summary: 'Children of a grid, paged',
        params: GridCodeParams,
        querystring: ChildrenQuery,
        response: { 200: GridPage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 50 } = request.query;
      return listGridChildren(requestContext(request), request.params.code, page, pageSize);
    },
  );
};
