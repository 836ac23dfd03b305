import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendXlsx, XLSX_CONTENT_TYPE, XlsxFile } from '../../core/xlsx-export.js';
import { requestContext } from '../../http/request-context.js';
import { errorResponses, Ok } from '../../http/schemas.js';
import {
  ChildrenQuery,
  CodeParams,
  CreatePlaceBody,
  DeleteQuery,
  ExportQuery,
  MovePlaceBody,
  PlaceDetailSchema,
  PlacePage,
  SearchQuery,
  UpdatePlaceBody,
} from './places.schema.js';
import {
  createPlace,
  deletePlace,
  exportPlaces,
  getPlace,
  listChildren,
  movePlace,
  searchPlaces,
  updatePlace,
} from './places.service.js';

const tags = ['places'];

export const placesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/places',
    {
      schema: {
        tags,
        summary: 'Search the place tree (name, pinyin, initials, code) within my subtree',
        querystring: SearchQuery,
        response: { 200: PlacePage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return searchPlaces(requestContext(request), { ...rest, page, pageSize });
    },
  );

  app.get(
    '/places/export',
    {
      schema: {
        tags,
        summary: 'The place list (same filters as the search, every match) as an .xlsx download',
        querystring: ExportQuery,
        produces: [XLSX_CONTENT_TYPE],
        response: { 200: XlsxFile, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      const sheet = await exportPlaces(requestContext(request), request.query);
      const stamp = new Date().toISOString().slice(0, 10);
      return sendXlsx(reply, `${request.lang === 'en' ? 'places' : '地点列表'}-${stamp}.xlsx`, request.lang, [
        sheet,
      ]);
    },
  );

  app.get(
    '/places/:code',
    {
      schema: {
        tags,
        summary: 'One node with its ancestors and counts of descendants by kind',
        params: CodeParams,
        response: { 200: PlaceDetailSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => getPlace(requestContext(request), request.params.code),
  );

  app.get(
    '/places/:code/children',
    {
      schema: {
        tags,
        summary: 'Children of a node, paged, each with its child count (lazy tree)',
        params: CodeParams,
        querystring: ChildrenQuery,
        response: { 200: PlacePage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 50 } = request.query;
      return listChildren(requestContext(request), request.params.code, page, pageSize);
    },
  );

  app.post(
    '/places',
    {
      schema: {
        tags,
        summary: 'Create a node under a parent (code assigned when omitted)',
        body: CreatePlaceBody,
        response: { 200: PlaceDetailSchema, ...errorResponses(403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => createPlace(requestContext(request), request.body),
  );

  app.patch(
    '/places/:code',
    {
      schema: {
        tags,
        summary: 'Update a node (optimistic: send the version you read)',
        params: CodeParams,
        body: UpdatePlaceBody,
        response: { 200: PlaceDetailSchema, ...errorResponses(403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => updatePlace(requestContext(request), request.params.code, request.body),
  );

  app.post(
    '/places/:code/move',
    {
      schema: {
        tags,
        summary: 'Move a node (and its subtree) under another parent',
        params: CodeParams,
        body: MovePlaceBody,
        response: { 200: PlaceDetailSchema, ...errorResponses(403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => movePlace(requestContext(request), request.params.code, request.body),
  );

  app.delete(
    '/places/:code',
    {
      schema: {
        tags,
        summary: 'Delete a node that has no children and no bound accounts',
        params: CodeParams,
        querystring: DeleteQuery,
        response: { 200: Ok, ...errorResponses(403, 404, 409, 422) },
      },
    },
    async (request) => {
      await deletePlace(requestContext(request), request.params.code, request.query.version);
      return { ok: true as const };
    },
  );
};
