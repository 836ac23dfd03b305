import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../http/request-context.js';
import { errorResponses, Paged } from '../../http/schemas.js';
import { AuditEntrySchema, AuditQuery, VerifySchema } from './audit.schema.js';
import { searchAudit, verifyAudit } from './audit.service.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'Search the audit trail (audit administrator only)',
        querystring: AuditQuery,
        response: { 200: Paged(AuditEntrySchema), ...errorResponses(403) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query;
      return searchAudit(requestContext(request), filters, { page, pageSize });
    },
  );

  app.post(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the hash chain and report the first broken link (audit administrator only)',
        response: { 200: VerifySchema, ...errorResponses(403) },
      },
    },
    async (request) => verifyAudit(requestContext(request)),
  );
};
