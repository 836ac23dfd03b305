import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../http/request-context.js';
import { errorResponses } from '../../http/schemas.js';
import { GridCodeParams } from '../grids/grids.schema.js';
import {
  AssignBody,
  EndBody,
  GapPage,
  GapQuery,
  GridStaffList,
  GridStaffQuery,
  StaffAssignmentSchema,
  StaffIdParams,
  StaffListQuery,
  StaffPage,
} from './staff.schema.js';
import { assignStaff, endAssignment, listGaps, listGridStaff, listStaff } from './staff.service.js';

const tags = ['grid staff'];

export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/grids/:code/staff',
    {
      schema: {
        tags,
        summary: "A grid's staff: workers, leader, specialised team (current, or with ended assignments)",
        params: GridCodeParams,
        querystring: GridStaffQuery,
        response: { 200: GridStaffList, ...errorResponses(403, 404) },
      },
    },
    async (request) =>
      listGridStaff(requestContext(request), request.params.code, request.query.includeEnded ?? false),
  );

  app.post(
    '/grids/:code/staff',
    {
      schema: {
        tags,
        summary: 'Assign a new or an existing person to a grid (audited)',
        params: GridCodeParams,
        body: AssignBody,
        response: { 200: StaffAssignmentSchema, ...errorResponses(403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => assignStaff(requestContext(request), request.params.code, request.body),
  );

  app.get(
    '/grid-staff',
    {
      schema: {
        tags,
        summary: 'Staff assignments on grids within my subtree: search by name, initials or phone; filters',
        querystring: StaffListQuery,
        response: { 200: StaffPage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return listStaff(requestContext(request), { ...rest, page, pageSize });
    },
  );

  app.get(
    '/grid-staff/gaps',
    {
      schema: {
        tags,
        summary: 'Grids without a current worker (or leader), by level, with counts per community',
        querystring: GapQuery,
        response: { 200: GapPage, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return listGaps(requestContext(request), { ...rest, page, pageSize });
    },
  );

  app.post(
    '/grid-staff/:id/end',
    {
      schema: {
        tags,
        summary: 'End an assignment: the person leaves the grid (audited)',
        params: StaffIdParams,
        body: EndBody,
        response: { 200: StaffAssignmentSchema, ...errorResponses(403, 404, 409, 413, 415) },
      },
    },
    async (request) => endAssignment(requestContext(request), request.params.id, request.body),
  );
};
