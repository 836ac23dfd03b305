import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../http/errors.js';

/**
 * The staff inbox: `notification` rows written by announce() (cases.notify.ts) in each case step's transaction
 * and by the overdue sweep. Everyone reads and marks only its own rows; another account's row answers 404.
 * Marking read is a flag on one's own notice, not business data: it is not audited.
 */
function present(row: {
  id: number;
  case_id: number | null;
  kind: string;
  title: string;
  body: string;
  read_at: Date | null;
  created_at: Date;
}) {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

function ownerOf(ctx: RequestContext): number {
  // the CLI and public callers have no account, hence no inbox
  if (ctx.actor.via === 'cli' || ctx.actor.via === 'public') throw new AppError('FORBIDDEN');
  return ctx.actor.userId;
}

export async function listNotifications(
  ctx: RequestContext,
  options: { unread?: boolean; page: number; pageSize: number },
) {
  const userId = ownerOf(ctx);
  const { db } = ctx.app.database;
  const mine = db.selectFrom('notification').where('user_id', '=', userId);
  const filtered = options.unread ? mine.where('read_at', 'is', null) : mine;
  const [rows, total, unread] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(present),
    total: Number(total.n),
    unread: Number(unread.n),
    page: options.page,
    pageSize: options.pageSize,
  };
}

export async function markNotificationRead(ctx: RequestContext, id: number) {
  const userId = ownerOf(ctx);
  const { db } = ctx.app.database;
  const row = await db
    .updateTable('notification')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}

export async function markAllNotificationsRead(ctx: RequestContext) {
  const userId = ownerOf(ctx);
  const result = await ctx.app.database.db
    .updateTable('notification')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}
