import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { FINAL_STATUSES } from '../../../shared/case-workflow.js';

/**
 * The public columns of a case for Open311, and nothing else: the reporter's name, phone and account are never
 * selected, so they cannot reach a response by mistake.
 */
export function publicRequestQuery(db: Kysely<DB>) {
  return db
    .selectFrom('civic_case as c')
    .innerJoin('case_category as cat', 'cat.id', 'c.category_id')
    .leftJoin('department as hd', 'hd.id', 'c.handler_department_id')
    .leftJoin('place as hp', 'hp.id', 'c.handler_place_id')
    .leftJoin('grid as g', 'g.id', 'c.grid_id')
    .leftJoin('civic_case as m', 'm.id', 'c.merged_into_id')
    .select([
      'c.id',
      'c.code',
      'c.status',
      'c.description',
      'c.address',
      'c.lng',
      'c.lat',
      'c.handler_kind',
      'c.closure_reason',
      'c.rejection_reason',
      'c.reported_at',
      'c.updated_at',
      'c.closed_at',
      'c.current_due_at',
      'c.handle_due_at',
      'cat.code as service_code',
      'cat.name as service_name',
      'cat.accept_limit',
      'cat.accept_unit',
      'cat.handle_limit',
      'cat.handle_unit',
      'cat.closing_standard',
      'cat.published',
      'hd.name as department_name',
      'hp.name as handler_place_name',
      'g.name as grid_name',
      'm.code as merged_into_code',
      // the first photo tied to a public step of the timeline (what the reporter may see too)
      sql<number | null>`(SELECT ph.id FROM case_photo ph JOIN case_event e ON e.id = ph.event_id
        WHERE ph.case_id = c.id AND e.public ORDER BY ph.id LIMIT 1)`.as('photo_id'),
    ]);
}
export type PublicRequestRow = Awaited<
  ReturnType<ReturnType<typeof publicRequestQuery>['executeTakeFirstOrThrow']>
>;

export interface RequestFilter {
  codes?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  /** open: still being worked on; closed: closed, rejected or merged. Both or none: no filter. */
  status?: 'open' | 'closed';
}

export async function findRequests(
  db: Kysely<DB>,
  filter: RequestFilter,
  page: number,
  pageSize: number,
): Promise<PublicRequestRow[]> {
  let query = publicRequestQuery(db);
  if (filter.codes) query = query.where('c.code', 'in', filter.codes);
  if (filter.serviceCodes) query = query.where('cat.code', 'in', filter.serviceCodes);
  if (filter.from) query = query.where('c.reported_at', '>=', filter.from);
  if (filter.to) query = query.where('c.reported_at', '<=', filter.to);
  if (filter.status === 'open') query = query.where('c.status', 'not in', [...FINAL_STATUSES]);
  if (filter.status === 'closed') query = query.where('c.status', 'in', [...FINAL_STATUSES]);
  return query
    .orderBy('c.reported_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}

/** The public steps of these cases' timelines, oldest first. */
export async function publicNotes(db: Kysely<DB>, caseIds: number[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_event')
    .select(['case_id', 'at', 'action', 'note'])
    .where('case_id', 'in', caseIds)
    .where('public', '=', true)
    .orderBy('case_id')
    .orderBy('id')
    .execute();
}

/** Active minor categories (the services), with their major class's name as the group. */
export function serviceQuery(db: Kysely<DB>) {
  return db
    .selectFrom('case_category as cat')
    .innerJoin('case_category as major', 'major.code', 'cat.parent_code')
    .select([
      'cat.code',
      'cat.name',
      'cat.opening_standard',
      'cat.keywords',
      'cat.attributes',
      'major.name as group_name',
    ])
    .where('cat.parent_code', 'is not', null)
    .where('cat.active', '=', true)
    .orderBy('cat.code');
}
