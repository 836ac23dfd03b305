import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { sql } from 'kysely';
import { auditRead } from '../../../core/command.js';
import type { RequestContext } from '../../../core/context.js';
import { requestContext } from '../../../http/request-context.js';
import { errorResponses } from '../../../http/schemas.js';
import { gridScopeOf } from '../../../policy/grid-scope.js';
import { FeedStream } from './cases.notify.schema.js';
import { caseScope } from '../cases.queries.js';
import { requireReader } from '../cases.service.js';
import type { FeedItem } from '../../../../shared/case-feed.js';

/**
 * The live feed (server-sent events) of case steps in the actor's sight, for wall screens and consoles: every
 * FEED_POLL_MS the timeline rows newer than the last one sent (from the newest at connect, or the browser's
 * Last-Event-ID after a reconnect) whose action is in the list, scoped by caseScope; a comment line every
 * FEED_HEARTBEAT_MS keeps proxies from closing the connection. Nothing personal is sent.
 */
export const FEED_ACTIONS = ['report', 'escalate', 'supervise', 'overdue', 'dispatch', 'close'] as const;
export const FEED_POLL_MS = 2_000;
export const FEED_HEARTBEAT_MS = 15_000;
const FEED_BATCH = 200;

/** The next steps after `afterId` that this actor may see, oldest first. */
export async function feedSince(
  ctx: RequestContext,
  gridScope: Awaited<ReturnType<typeof gridScopeOf>>,
  afterId: number,
  actions: readonly string[],
): Promise<FeedItem[]> {
  const rows = await ctx.app.database.db
    .selectFrom('case_event as e')
    .innerJoin('civic_case as c', 'c.id', 'e.case_id')
    .innerJoin('case_category as cat', 'cat.id', 'c.category_id')
    .select([
      'e.id',
      'e.case_id',
      'e.action',
      'e.to_status',
      'e.at',
      'c.code',
      'c.status',
      'c.address',
      ctx.lang === 'en' ? 'cat.name_en as category' : 'cat.name as category',
    ])
    .where('e.id', '>', afterId)
    .where('e.action', 'in', [...actions])
    .where(caseScope(ctx.actor, gridScope))
    // a resident follows the public steps of its own reports only
    .$if(ctx.actor.role === 'resident', (q) => q.where('e.public', '=', true))
    .orderBy('e.id')
    .limit(FEED_BATCH)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    code: r.code,
    action: r.action,
    status: r.to_status ?? r.status,
    category: r.category,
    address: r.address,
    at: r.at.toISOString(),
  }));
}

const FeedQuery = Type.Object(
  {
    actions: Type.Optional(
      Type.String({
        pattern: '^[a-z_]+(,[a-z_]+)*$',
        maxLength: 200,
        description: `comma-separated subset of ${FEED_ACTIONS.join(', ')}`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const feedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const open = new Set<ServerResponse>();
  // streams never end by themselves: close them when the server closes, or close() would wait for them
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
    open.clear();
  });

  app.get(
    '/cases/feed',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Live feed of case steps in my sight (server-sent events: report, escalate, supervise, overdue, ' +
          'dispatch, close); resumes after Last-Event-ID',
        querystring: FeedQuery,
        produces: ['text/event-stream'],
        response: { 200: FeedStream, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      requireReader(ctx.actor);
      const { db } = ctx.app.database;
      const gridScope = await gridScopeOf(db, ctx.actor);
      const asked = request.query.actions?.split(',') ?? [...FEED_ACTIONS];
      const actions = FEED_ACTIONS.filter((a) => asked.includes(a));
      const resume = Number(request.headers['last-event-id']);
      let last =
        Number.isSafeInteger(resume) && resume > 0
          ? resume
          : Number(
              (await sql<{ id: number }>`SELECT coalesce(max(id), 0)::int AS id FROM case_event`.execute(db))
                .rows[0]?.id ?? 0,
            );
      await auditRead(ctx, 'case.feed', { subjectType: 'case' }, { actions, from: last });

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 5000\n\n');
      open.add(raw);
      let closed = false;
      let polling = false;
      const poll = async () => {
        if (closed || polling) return;
        polling = true;
        try {
          const items = await feedSince(ctx, gridScope, last, actions);
          for (const item of items) {
            if (closed) break;
            raw.write(`id: ${item.id}\nevent: case\ndata: ${JSON.stringify(item)}\n\n`);
            last = item.id;
          }
        } catch (error) {
          request.log.warn({ err: error }, 'case feed poll failed');
        } finally {
          polling = false;
        }
      };
      void poll(); // at once: a reconnect with Last-Event-ID gets what it missed without waiting
      const pollTimer = setInterval(() => void poll(), FEED_POLL_MS);
      const beatTimer = setInterval(() => {
        if (!closed) raw.write(': ping\n\n');
      }, FEED_HEARTBEAT_MS);
      raw.on('close', () => {
        closed = true;
        clearInterval(pollTimer);
        clearInterval(beatTimer);
        open.delete(raw);
      });
    },
  );
};
