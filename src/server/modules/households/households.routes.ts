import { sendXlsx, XLSX_CONTENT_TYPE, XlsxFile } from '../../core/xlsx-export.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../http/request-context.js';
import { errorResponses } from '../../http/schemas.js';
import {
  HouseholdDetailSchema,
  HouseholdIdParams,
  HouseholdListQuery,
  HouseholdPage,
  ResidentDetailSchema,
  ResidentIdParams,
  ResidentCreateBody,
  ResidentExportQuery,
  ResidentListQuery,
  ResidentPage,
  ResidentUpdateBody,
  RevealBody,
  RevealResult,
} from './households.schema.js';
import {
  createResident,
  exportResidents,
  updateResident,
  getHousehold,
  getResident,
  listHouseholds,
  listResidents,
  revealResident,
} from './households.service.js';

export const householdsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/residents',
    {
      schema: {
        tags: ['residents'],
        summary: 'Residents within my subtree (masked), searched by name, initials, ID, phone or address',
        querystring: ResidentListQuery,
        response: { 200: ResidentPage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query;
      return listResidents(requestContext(request), { ...filters, page, pageSize });
    },
  );

  app.get(
    '/residents/export',
    {
      schema: {
        tags: ['residents'],
        summary: 'The resident list (same filters, every match) as an .xlsx download, numbers masked',
        querystring: ResidentExportQuery,
        produces: [XLSX_CONTENT_TYPE],
        response: { 200: XlsxFile, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      const sheet = await exportResidents(requestContext(request), request.query);
      const stamp = new Date().toISOString().slice(0, 10);
      return sendXlsx(
        reply,
        `${request.lang === 'en' ? 'residents' : '居民名单'}-${stamp}.xlsx`,
        request.lang,
        [sheet],
      );
    },
  );

  app.post(
    '/residents',
    {
      schema: {
        tags: ['residents'],
        summary: 'Register a resident in a household (found or created by place, unit and room)',
        body: ResidentCreateBody,
        response: { 200: ResidentDetailSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => createResident(requestContext(request), request.body),
  );

  app.patch(
    '/residents/:id',
    {
      schema: {
        tags: ['residents'],
        summary: 'Change a resident’s name, phone, relation, residence type, tags or note',
        params: ResidentIdParams,
        body: ResidentUpdateBody,
        response: { 200: ResidentDetailSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) => updateResident(requestContext(request), request.params.id, request.body),
  );

  app.get(
    '/residents/:id',
    {
      schema: {
        tags: ['residents'],
        summary: 'One resident (masked) with the other members of the household',
        params: ResidentIdParams,
        response: { 200: ResidentDetailSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => getResident(requestContext(request), request.params.id),
  );

  app.post(
    '/residents/:id/reveal',
    {
      schema: {
        tags: ['residents'],
        summary: 'Show one resident’s full ID number or phone (audited with the reason given)',
        params: ResidentIdParams,
        body: RevealBody,
        response: { 200: RevealResult, ...errorResponses(403, 404) },
      },
    },
    async (request) => revealResident(requestContext(request), request.params.id, request.body),
  );

  app.get(
    '/households',
    {
      schema: {
        tags: ['residents'],
        summary: 'Households within my subtree, by place, grid or address',
        querystring: HouseholdListQuery,
        response: { 200: HouseholdPage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query;
      return listHouseholds(requestContext(request), { ...filters, page, pageSize });
    },
  );

  app.get(
    '/households/:id',
    {
      schema: {
        tags: ['residents'],
        summary: 'One household with its residents (masked)',
        params: HouseholdIdParams,
        response: { 200: HouseholdDetailSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => getHousehold(requestContext(request), request.params.id),
  );
};
