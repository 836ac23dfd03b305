import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { requestContext } from '../../http/request-context.js';
import { errorResponses, Nullable, PageQuery, Paged } from '../../http/schemas.js';
import { requireCapability, scopePrefix } from '../../policy/authorize.js';
import { escapeLike, underPath } from '../../core/sql.js';
import { verifyAuditChain } from '../../core/audit-trail.js';

const tags = ['audit'];

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  result: Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')]),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealSeq: Nullable(Type.Integer()),
  hash: Nullable(Type.String()),
});

const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 40, description: 'Username (exact or prefix)' })),
    action: Type.Optional(
      Type.String({ maxLength: 60, description: 'Action or its prefix, e.g. "place." ' }),
    ),
    result: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')])),
    subjectType: Type.Optional(Type.String({ maxLength: 40 })),
    subjectId: Type.Optional(Type.String({ maxLength: 80 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const VerifySchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  unsealed: Type.Integer(),
  headSeq: Type.Integer(),
  firstBroken: Nullable(
    Type.Object({ seq: Type.Integer(), id: Nullable(Type.Integer()), reason: Type.String() }),
  ),
});

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
      const ctx = requestContext(request);
      requireCapability(ctx.actor, 'audit.read');
      const { page = 1, pageSize = 20, ...f } = request.query;
      const { db } = app.ctx.database;
      let query = db.selectFrom('audit_log');
      // Entries tied to a place are visible within the reader's subtree; entries without one (logins) too,
      // since the audit administrator sits at the district root.
      query = query.where((eb) =>
        eb.or([eb('place_path', 'is', null), eb('place_path', 'like', underPath(scopePrefix(ctx.actor)))]),
      );
      if (f.actor) query = query.where('actor_name', 'like', `${escapeLike(f.actor)}%`);
      if (f.action) query = query.where('action', 'like', `${escapeLike(f.action)}%`);
      if (f.result) query = query.where('result', '=', f.result);
      if (f.subjectType) query = query.where('subject_type', '=', f.subjectType);
      if (f.subjectId) query = query.where('subject_id', '=', f.subjectId);
      if (f.from) query = query.where('occurred_at', '>=', new Date(f.from));
      if (f.to) query = query.where('occurred_at', '<', new Date(f.to));
      const [rows, total] = await Promise.all([
        query
          .selectAll()
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurred_at.toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRole: r.actor_role,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          result: r.result,
          ip: r.ip,
          requestId: r.request_id,
          details: r.details,
          sealSeq: r.seal_seq,
          hash: r.hash,
        })),
        total: total.n,
        page,
        pageSize,
      };
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
    async (request) => {
      const ctx = requestContext(request);
      requireCapability(ctx.actor, 'audit.read');
      return verifyAuditChain(app.ctx.database.db);
    },
  );
};
