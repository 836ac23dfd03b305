import { sql, type Transaction } from 'kysely';
import type { DB, Role } from '../../../db/types.js';
import { type STATUS_LABELS, type CaseAction, type CaseEventName } from '../../../../shared/case-workflow.js';
import type { Lang } from '../../../http/messages.js';
import { notify } from '../../notifications/notifications.service.js';

/**
 * What a case step tells others, written in the step's own transaction (an outbox: nothing is announced for a
 * step that rolled back): inbox rows for the staff who must act next, and one delivery row per active webhook
 * subscribed to the event. Deliveries are sent later, with retries, by the webhook sender.
 */

/** The event name a workflow action announces, if any. */
export function eventOfAction(action: CaseAction | 'report'): CaseEventName | null {
  switch (action) {
    case 'report':
      return 'case.reported';
    case 'dispatch':
    case 'whistle':
      return 'case.dispatched';
    case 'escalate':
      return 'case.escalated';
    case 'supervise':
      return 'case.supervised';
    case 'handle':
      return 'case.handled';
    case 'close':
      return 'case.closed';
    case 'fail_verification':
    case 'not_fixed':
      return 'case.rework';
    case 'rate':
      return 'case.rated';
    case 'request_extension':
    case 'request_deferral':
      return 'case.request';
    default:
      return null;
  }
}

export interface CaseSnapshot {
  id: number;
  code: string;
  status: keyof typeof STATUS_LABELS;
  categoryName: string;
  address: string;
  path: string;
  handler_kind: string | null;
  handler_place_id: number | null;
  handler_user_id: number | null;
  handler_department_id: number | null;
  place_id: number;
}

/** Who should hear about a case now: its handler (person, unit staff or department staff). */
export async function handlerRecipients(trx: Transaction<DB>, c: CaseSnapshot): Promise<number[]> {
  if (c.handler_user_id) return [c.handler_user_id];
  let query = trx.selectFrom('app_user').select('id').where('disabled', '=', false);
  if (c.handler_kind === 'department' && c.handler_department_id) {
    query = query.where('department_id', '=', c.handler_department_id);
  } else if (c.handler_place_id && c.handler_kind && c.handler_kind !== 'grid_worker') {
    const role: Role =
      c.handler_kind === 'street'
        ? 'street_staff'
        : c.handler_kind === 'district'
          ? 'district_admin'
          : 'community_staff';
    query = query.where('place_id', '=', c.handler_place_id).where('role', '=', role);
  } else return [];
  return (await query.limit(50).execute()).map((r) => r.id);
}

/** Staff of the community that holds the case (they accept, dispatch and verify). */
async function dispatcherRecipients(trx: Transaction<DB>, c: CaseSnapshot): Promise<number[]> {
  const ids = c.path.split('/').filter(Boolean).map(Number);
  const rows = await trx
    .selectFrom('app_user as u')
    .innerJoin('place as p', 'p.id', 'u.place_id')
    .select('u.id')
    .where('u.place_id', 'in', ids)
    .where('u.role', '=', 'community_staff')
    .where('p.kind', 'in', ['community', 'village'])
    .where('u.disabled', '=', false)
    .limit(50)
    .execute();
  return rows.map((r) => r.id);
}

export async function announce(
  trx: Transaction<DB>,
  c: CaseSnapshot,
  action: CaseAction | 'report' | 'overdue',
  note?: string | null,
): Promise<void> {
  const event = action === 'overdue' ? 'case.overdue' : eventOfAction(action);
  if (!event) return;
  const toHandler = ['case.dispatched', 'case.escalated', 'case.supervised', 'case.overdue', 'case.rework'];
  const toDispatcher = ['case.reported', 'case.handled', 'case.request', 'case.overdue', 'case.rated'];
  const recipients = new Set<number>();
  if (toHandler.includes(event)) for (const id of await handlerRecipients(trx, c)) recipients.add(id);
  if (toDispatcher.includes(event)) for (const id of await dispatcherRecipients(trx, c)) recipients.add(id);
  const title = `${c.code} ${c.categoryName}：${EVENT_TITLES[event]['zh-CN']}`;
  const body = [c.address, note].filter(Boolean).join(' · ').slice(0, 500);
  await notify(trx, {
    event,
    subject: { type: 'case', id: c.id, path: c.path },
    recipients,
    title: { 'zh-CN': title, en: `${c.code} ${c.categoryName}: ${EVENT_TITLES[event].en}` },
    body,
  });
  const hooks = await trx
    .selectFrom('webhook')
    .select('id')
    .where('active', '=', true)
    .where(sql<boolean>`${event} = ANY(events)`)
    .execute();
  if (hooks.length > 0) {
    const payload = {
      event,
      case: { id: c.id, code: c.code, status: c.status, category: c.categoryName, address: c.address },
      title,
      note: note ?? null,
      at: new Date().toISOString(),
    };
    await trx
      .insertInto('webhook_delivery')
      .values(hooks.map((h) => ({ webhook_id: h.id, event, payload: JSON.stringify(payload) })))
      .execute();
  }
}

const EVENT_TITLES: Record<CaseEventName, Record<Lang, string>> = {
  'case.reported': { 'zh-CN': '新上报', en: 'new report' },
  'case.dispatched': { 'zh-CN': '派遣给你', en: 'dispatched to you' },
  'case.escalated': { 'zh-CN': '上报升级', en: 'escalated' },
  'case.supervised': { 'zh-CN': '督办', en: 'under supervision' },
  'case.overdue': { 'zh-CN': '已超时', en: 'overdue' },
  'case.handled': { 'zh-CN': '待核查', en: 'to verify' },
  'case.closed': { 'zh-CN': '已结案', en: 'closed' },
  'case.rework': { 'zh-CN': '返工', en: 'rework' },
  'case.rated': { 'zh-CN': '已评价', en: 'rated' },
  'case.request': { 'zh-CN': '延期或挂账申请', en: 'extension or deferral requested' },
};
