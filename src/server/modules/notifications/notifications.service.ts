import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/context.js';
import { paged } from '../../core/paging.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';

/** What a notice is about: a record of some module, at a place (its path scopes the notice with the record). */
export interface NoticeSubject {
  type: string;
  id: string | number;
  path: string | null;
}

export interface Notice {
  /** The event, named `<module>.<what>` (case.dispatched, activity.reminder, emergency.mobilised …). */
  event: string;
  subject: NoticeSubject;
  recipients: Iterable<number>;
  title: Record<Lang, string>;
  body?: string;
}

/**
 * Put a notice in the inboxes of `recipients`, in the caller's transaction (an outbox: nothing is announced for
 * a write that rolled back). Any module calls this; the inbox routes serve what it wrote.
 */
export async function notify(trx: Transaction<DB>, notice: Notice): Promise<number> {
  const recipients = [...new Set(notice.recipients)];
  if (recipients.length === 0) return 0;
  const caseId = notice.subject.type === 'case' ? Number(notice.subject.id) : null;
  await trx
    .insertInto('notification')
    .values(
      recipients.map((userId) => ({
        user_id: userId,
        case_id: caseId,
        kind: notice.event,
        subject_type: notice.subject.type,
        subject_id: String(notice.subject.id),
        subject_path: notice.subject.path,
        title: notice.title['zh-CN'],
        title_en: notice.title.en,
        body: (notice.body ?? '').slice(0, 500),
      })),
    )
    .execute();
  return recipients.length;
}

type NotificationRow = {
  id: number;
  case_id: number | null;
  kind: string;
  subject_type: string | null;
  subject_id: string | null;
  title: string;
  title_en: string | null;
  body: string;
  read_at: Date | null;
  created_at: Date;
};

function present(row: NotificationRow, lang: Lang) {
  return {
    id: row.id,
    caseId: row.case_id,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    kind: row.kind,
    title: lang === 'en' && row.title_en ? row.title_en : row.title,
    body: row.body,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The inbox: everyone reads and marks only its own rows; another account's row answers 404. Marking read is a
 * flag on one's own notice, not business data: it is not audited.
 */
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
  const [page, unread] = await Promise.all([
    paged(filtered.selectAll(), options, (q) => q.orderBy('id', 'desc')),
    mine
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ...page, items: page.items.map((r) => present(r, ctx.lang)), unread: Number(unread.n) };
}

export async function markNotificationRead(ctx: RequestContext, id: number) {
  const userId = ownerOf(ctx);
  const row = await ctx.app.database.db
    .updateTable('notification')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return present(row, ctx.lang);
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
