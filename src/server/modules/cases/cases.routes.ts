import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../http/request-context.js';
import { AppError } from '../../http/errors.js';
import { errorResponses } from '../../http/schemas.js';
import {
  CalendarPutBody,
  CalendarQuery,
  CalendarYear,
  CaseCreateBody,
  CaseCreated,
  CaseDetailSchema,
  CaseIdParams,
  CaseListQuery,
  CasePage,
  CategoryCodeParams,
  CategoryCreateBody,
  CategoryList,
  CategorySchema,
  CategoryUpdateBody,
  DepartmentList,
  DuplicateSchema,
  RevealReporterBody,
  RevealReporterResult,
  TransitionBody,
} from './cases.schema.js';
import Type from 'typebox';
import {
  createCategory,
  getCalendarYear,
  listCategories,
  listDepartments,
  putCalendarYear,
  updateCategory,
} from './cases.config.js';
import {
  createCase,
  getCase,
  likelyDuplicates,
  listCases,
  loadCase,
  revealReporterPhone,
} from './cases.service.js';
import { transitionCase } from './workflow/cases.transitions.js';
import { casesDataRoutes } from './cases.data.routes.js';

const tags = ['cases'];

export const casesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases I may see, newest first, filtered by status, category, place, grid, period or text',
        querystring: CaseListQuery,
        response: { 200: CasePage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query;
      return listCases(requestContext(request), { ...filters, page, pageSize });
    },
  );

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary:
          'File a case (console or grid worker’s phone); located to its grid; likely duplicates returned',
        body: CaseCreateBody,
        response: { 200: CaseCreated, ...errorResponses(403, 404, 422) },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      const { channel, ...input } = request.body;
      const chosen = channel ?? (ctx.actor.role === 'grid_worker' ? 'grid_app' : 'console');
      return createCase(ctx, input, ctx.actor.role === 'resident' ? 'resident_app' : chosen);
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with its timeline, photos and likely duplicates',
        params: CaseIdParams,
        response: { 200: CaseDetailSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => getCase(requestContext(request), request.params.id),
  );

  app.get(
    '/cases/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Open cases of the same category nearby and recent: candidates to merge',
        params: CaseIdParams,
        response: { 200: Type.Object({ items: Type.Array(DuplicateSchema) }), ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      await getCase(ctx, request.params.id); // visibility and audit
      return {
        items: await likelyDuplicates(
          ctx.app.database.db,
          await loadCase(ctx.app.database.db, request.params.id),
        ),
      };
    },
  );

  app.post(
    '/cases/:id/reporter-phone',
    {
      schema: {
        tags,
        summary: 'The reporter’s full phone number for a callback (audited with the reason given)',
        params: CaseIdParams,
        body: RevealReporterBody,
        response: { 200: RevealReporterResult, ...errorResponses(403, 404) },
      },
    },
    async (request) => revealReporterPhone(requestContext(request), request.params.id, request.body.reason),
  );

  app.post(
    '/cases/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Take one workflow step (accept, dispatch, handle, verify, close, rate, escalate, …)',
        description:
          'An illegal step for the case’s state is 409 ILLEGAL_TRANSITION; a stale `version` is 409 VERSION_CONFLICT.',
        params: CaseIdParams,
        body: TransitionBody,
        response: { 200: CaseDetailSchema, ...errorResponses(403, 404, 409, 422) },
      },
    },
    async (request) => transitionCase(requestContext(request), request.params.id, request.body),
  );

  app.get(
    '/case-categories',
    {
      schema: {
        tags,
        summary: 'The category catalogue (major and minor classes) with standards, limits and handlers',
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: CategoryList, ...errorResponses(403) },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      if (request.query.all && !['district_admin'].includes(ctx.actor.role)) throw new AppError('FORBIDDEN');
      return listCategories(ctx, request.query.all === true);
    },
  );

  app.post(
    '/case-categories',
    {
      schema: {
        tags,
        summary: 'Add a minor category under a major class',
        body: CategoryCreateBody,
        response: { 200: CategorySchema, ...errorResponses(403, 409, 422) },
      },
    },
    async (request) => createCategory(requestContext(request), request.body),
  );

  app.patch(
    '/case-categories/:code',
    {
      schema: {
        tags,
        summary: 'Change a category’s standards, limits, handler, evidence or retire it',
        params: CategoryCodeParams,
        body: CategoryUpdateBody,
        response: { 200: CategorySchema, ...errorResponses(403, 404, 409, 422) },
      },
    },
    async (request) => updateCategory(requestContext(request), request.params.code, request.body),
  );

  app.get(
    '/work-calendar',
    {
      schema: {
        tags,
        summary: 'One year’s holidays and make-up workdays (the rest follows Monday–Friday)',
        querystring: CalendarQuery,
        response: { 200: CalendarYear, ...errorResponses(403) },
      },
    },
    async (request) => getCalendarYear(requestContext(request), request.query.year),
  );

  app.put(
    '/work-calendar',
    {
      schema: {
        tags,
        summary: 'Replace one year’s holidays and make-up workdays',
        querystring: CalendarQuery,
        body: CalendarPutBody,
        response: { 200: CalendarYear, ...errorResponses(403, 422) },
      },
    },
    async (request) => putCalendarYear(requestContext(request), request.query.year, request.body),
  );

  app.get(
    '/departments',
    {
      schema: {
        tags,
        summary: 'The departments cases are dispatched to',
        response: { 200: DepartmentList, ...errorResponses(403) },
      },
    },
    async (request) => listDepartments(requestContext(request)),
  );

  // figures and the 12345 hotline import (their own plugin: multipart is parsed there only)
  await app.register(casesDataRoutes);
};
