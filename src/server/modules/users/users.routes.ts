import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../http/request-context.js';
import { errorResponses } from '../../http/schemas.js';
import {
  CreateUserBody,
  ManagedUserSchema,
  ResetPasswordBody,
  UpdateUserBody,
  UserIdParams,
  UserListQuery,
  UserPage,
} from './users.schema.js';
import { createUser, getUser, listUsers, resetPassword, unlockUser, updateUser } from './users.service.js';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Accounts bound within my subtree',
        querystring: UserListQuery,
        response: { 200: UserPage, ...errorResponses(403) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return listUsers(requestContext(request), { ...rest, page, pageSize });
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'One account',
        params: UserIdParams,
        response: { 200: ManagedUserSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => getUser(requestContext(request), request.params.id),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create an account bound to a place (system administrator)',
        body: CreateUserBody,
        response: { 200: ManagedUserSchema, ...errorResponses(403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => createUser(requestContext(request), request.body),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit an account: profile and disable (system admin), role and binding (security admin)',
        params: UserIdParams,
        body: UpdateUserBody,
        response: { 200: ManagedUserSchema, ...errorResponses(403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => updateUser(requestContext(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a temporary password; the user must change it at next login (security admin)',
        params: UserIdParams,
        body: ResetPasswordBody,
        response: { 200: ManagedUserSchema, ...errorResponses(403, 404, 413, 415, 422) },
      },
    },
    async (request) => resetPassword(requestContext(request), request.params.id, request.body.newPassword),
  );

  app.post(
    '/users/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Unlock an account locked by failed logins (security admin)',
        params: UserIdParams,
        response: { 200: ManagedUserSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => unlockUser(requestContext(request), request.params.id),
  );
};
