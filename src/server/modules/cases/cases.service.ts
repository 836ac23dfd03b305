import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { auditRead, runCommand } from '../../core/command.js';
import type { RequestContext } from '../../core/context.js';
import { personalDataKeys } from '../../core/keys.js';
import { decryptField, encryptField, lookupHash } from '../../core/personal-data.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { authorize, requireCapability } from '../../policy/authorize.js';
import { gridScopeOf, type GridScope } from '../../policy/grid-scope.js';
import { maskPhone } from '../../../shared/masking.js';
import { parsePhone } from '../../../shared/phone.js';
import {
  OPEN_STATUSES,
  STATUS_LABELS,
  type CaseChannel,
  type CaseStatus,
} from '../../../shared/case-workflow.js';
import {
  addWorkingMinutes,
  deadlineState,
  limitMinutes,
  type WorkCalendar,
} from '../../../shared/working-time.js';
import { toWgs84, type Crs } from '../grids/grids.geometry.js';
import { locatorFor } from '../grids/grids.queries.js';
import { findByCode } from '../places/places.queries.js';
import { underPath } from '../../core/sql.js';
import { calendarFor, categoriesFor } from './workflow/cases.calendar.js';
import { announce } from './workflow/cases.notify.js';
import { allowedActions } from './workflow/cases.policy.js';
import { caseQuery, caseScope, caseVisible, type CaseRow } from './cases.queries.js';

export interface CaseInput {
  categoryCode: string;
  description: string;
  lng: number;
  lat: number;
  crs?: Crs;
  address?: string;
  attributes?: Record<string, unknown>;
  urgent?: boolean;
  /** A grid worker fixing a small matter on the spot: the case is dispatched to itself and in progress. */
  onTheSpot?: boolean;
  reporterName?: string;
  reporterPhone?: string;
  /** The hotline's own work-order number (12345), unique. */
  externalRef?: string;
  /** When the problem was reported, if earlier than now (hotline imports). */
  reportedAt?: Date;
  /** The Open311 client whose API key filed it (channel 'open311'). */
  open311ClientId?: number;
}

/** How far and how long back a similar report counts as a likely duplicate. */
export const DUPLICATE_RADIUS_M = 100;
export const DUPLICATE_WINDOW_DAYS = 7;
const M_PER_DEG_LAT = 111_320;

async function activeCategory(db: Kysely<DB>, code: string) {
  const category = (await categoriesFor(db)).get(code);
  if (!category || category.parent_code === null || !category.active)
    throw new AppError('UNKNOWN_CATEGORY', { code }, [{ path: '/categoryCode', message: '' }]);
  return category;
}

/** Working-time deadline `limit unit` after `from`. */
export function dueAfter(from: Date, limit: number, unit: 'hours' | 'days', calendar: WorkCalendar): Date {
  return addWorkingMinutes(from, limitMinutes(limit, unit), calendar);
}

/**
 * File a case: locate the point to its micro-grid chain, compound and overlay grids, set the first deadline,
 * write the case and its first timeline step in one audited transaction. Returns the case and likely duplicates.
 */
export async function createCase(ctx: RequestContext, input: CaseInput, channel: CaseChannel) {
  requireCapability(ctx.actor, 'cases.report');
  const { db } = ctx.app.database;
  const [lng, lat] = toWgs84(input.lng, input.lat, input.crs ?? 'wgs84');
  const locator = await locatorFor(db);
  const hit = locator.locate(lng, lat);
  if (!hit.micro) {
    throw new AppError('OUTSIDE_DISTRICT', { lng: input.lng, lat: input.lat }, [
      { path: '/lng', message: '' },
    ]);
  }
  const placePath = hit.compound?.placePath ?? hit.micro.placePath;
  const staff = ctx.actor.via !== 'public' && ctx.actor.role !== 'resident';
  if (input.onTheSpot && ctx.actor.role !== 'grid_worker') {
    throw new AppError('FORBIDDEN');
  }
  // read before the transaction: on PGlite its one connection is held by the transaction until it ends
  const [calendar, category] = await Promise.all([calendarFor(db), activeCategory(db, input.categoryCode)]);
  const keys = personalDataKeys(ctx.app.config);
  const parsed = input.reporterPhone?.trim() ? parsePhone(input.reporterPhone) : null;
  if (parsed && !parsed.ok) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/reporterPhone', message: 'phone' }]);
  }
  const phone = parsed?.ok ? parsed.value : null;
  const now = new Date();
  const reportedAt = input.reportedAt && input.reportedAt < now ? input.reportedAt : now;

  const created = await runCommand(
    ctx,
    'case.report',
    async (trx) => {
      // staff file cases within their own node; residents and anonymous reporters anywhere in the district
      if (staff && !placePath.startsWith(ctx.actor.placePath)) throw new AppError('NOT_FOUND');
      // the locator carries the place and paths it answers with, so intake needs no lookups of its own
      const place = hit.compound
        ? {
            id: hit.compound.id,
            code: hit.compound.code,
            name: hit.compound.name,
            path: hit.compound.placePath,
          }
        : ((hit.micro!.place && { ...hit.micro!.place, path: hit.micro!.placePath }) ??
          (await trx
            .selectFrom('place')
            .select(['id', 'code', 'name', 'path'])
            .where('path', '=', placePath)
            .executeTakeFirstOrThrow()));
      const microPath =
        hit.micro!.path ??
        (
          await trx
            .selectFrom('grid')
            .select('path')
            .where('id', '=', hit.micro!.id)
            .executeTakeFirstOrThrow()
        ).path;
      const onSpot = !!input.onTheSpot;
      const acceptDue = dueAfter(reportedAt, category.accept_limit, category.accept_unit, calendar);
      const handleDue = onSpot ? dueAfter(now, category.handle_limit, category.handle_unit, calendar) : null;
      const row = await trx
        .insertInto('civic_case')
        .values({
          category_id: category.id,
          status: onSpot ? 'in_progress' : 'reported',
          channel,
          description: input.description.trim(),
          address: (
            input.address?.trim() || [hit.compound?.name, hit.compound?.address].filter(Boolean).join(' ')
          ).slice(0, 200),
          lng,
          lat,
          place_id: place.id,
          path: place.path,
          grid_id: hit.micro!.id,
          grid_path: microPath,
          overlay_grid_ids: hit.overlays.map((g) => g.id),
          attributes: JSON.stringify(input.attributes ?? {}),
          reporter_user_id: actorAccount(ctx.actor),
          reporter_name:
            input.reporterName?.trim() || (ctx.actor.via === 'public' ? null : ctx.actor.displayName),
          reporter_phone_enc: phone ? encryptField(keys, phone) : null,
          reporter_phone_hash: phone ? lookupHash(keys, 'phone', phone) : null,
          reporter_phone_masked: phone ? maskPhone(phone) : null,
          public_token: randomBytes(18).toString('base64url'),
          external_ref: input.externalRef ?? null,
          open311_client_id: input.open311ClientId ?? null,
          urgent: !!input.urgent,
          on_the_spot: onSpot,
          reported_at: reportedAt,
          accept_due_at: acceptDue,
          ...(onSpot
            ? {
                accepted_at: now,
                dispatched_at: now,
                handle_due_at: handleDue,
                handler_kind: 'grid_worker' as const,
                handler_user_id: ctx.actor.userId,
                current_due_at: handleDue,
                current_started_at: now,
              }
            : { current_due_at: acceptDue, current_started_at: reportedAt }),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('case_event')
        .values({
          case_id: row.id,
          at: reportedAt,
          actor_id: actorAccount(ctx.actor),
          actor_name: ctx.actor.displayName,
          actor_role: ctx.actor.role,
          action: 'report',
          to_status: onSpot ? 'in_progress' : 'reported',
          note: input.description.trim().slice(0, 2000),
          public: true,
          details: JSON.stringify({ channel, onTheSpot: onSpot }),
        })
        .execute();
      await announce(
        trx,
        {
          id: row.id,
          code: row.code,
          status: row.status,
          categoryName: category.name,
          address: place.name,
          path: place.path,
          handler_kind: null,
          handler_place_id: null,
          handler_user_id: null,
          handler_department_id: null,
          place_id: place.id,
        },
        'report',
      );
      // the answer is built from what was written, as caseQuery would read it back
      const view: CaseRow = {
        ...row,
        category_code: category.code,
        category_name: category.name,
        category_name_en: category.name_en,
        photo_before: category.photo_before,
        photo_after: category.photo_after,
        handle_limit: category.handle_limit,
        handle_unit: category.handle_unit,
        dispatch_limit: category.dispatch_limit,
        dispatch_unit: category.dispatch_unit,
        default_handler: category.default_handler,
        default_department_id: category.default_department_id,
        escalate_when_overdue: category.escalate_when_overdue,
        place_code: place.code,
        place_name: place.name,
        grid_code: hit.micro!.code,
        grid_name: hit.micro!.name,
        handler_place_code: null,
        handler_place_name: null,
        handler_user_name: onSpot ? ctx.actor.displayName : null,
        handler_department_code: null,
        handler_department_name: null,
        department_ids: [],
      };
      return {
        value: view,
        audit: {
          subjectType: 'case',
          subjectId: String(row.id),
          placePath: place.path,
          details: { code: row.code, category: category.code, channel, onTheSpot: onSpot },
        },
      };
    },
    { subjectType: 'case', subjectId: 'new' },
  );
  const row = created;
  return {
    case: presentCase(ctx, row, calendar, null),
    publicToken: row.public_token,
    duplicates: await likelyDuplicates(db, row),
  };
}

/** Staff read with `cases.read`; a resident reads its own reports (the scope rule narrows it to them). */
export function requireReader(actor: Actor): void {
  requireCapability(actor, actor.role === 'resident' ? 'cases.report' : 'cases.read');
}

export function actorAccount(actor: Actor): number | null {
  return actor.via === 'cli' || actor.via === 'public' ? null : actor.userId;
}

export async function loadCase(db: Kysely<DB> | Transaction<DB>, id: number): Promise<CaseRow> {
  const row = await caseQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Open cases of the same category within DUPLICATE_RADIUS_M and DUPLICATE_WINDOW_DAYS of this one. */
export async function likelyDuplicates(db: Kysely<DB>, row: CaseRow) {
  const dLat = DUPLICATE_RADIUS_M / M_PER_DEG_LAT;
  const dLng = dLat / Math.cos((row.lat * Math.PI) / 180);
  const since = new Date(row.reported_at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const rows = await db
    .selectFrom('civic_case')
    .select(['id', 'code', 'status', 'lng', 'lat', 'reported_at', 'description'])
    .where('category_id', '=', row.category_id)
    .where('id', '!=', row.id)
    .where('lng', '>=', row.lng - dLng)
    .where('lng', '<=', row.lng + dLng)
    .where('lat', '>=', row.lat - dLat)
    .where('lat', '<=', row.lat + dLat)
    .where('reported_at', '>=', since)
    .where('status', 'not in', ['rejected', 'merged'])
    .orderBy('reported_at', 'desc')
    .limit(20)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status,
      reportedAt: r.reported_at.toISOString(),
      description: r.description.slice(0, 100),
      distanceM: Math.round(distanceM(row.lng, row.lat, r.lng, r.lat)),
    }))
    .filter((r) => r.distanceM <= DUPLICATE_RADIUS_M)
    .slice(0, 5);
}

function distanceM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dy = (lat2 - lat1) * M_PER_DEG_LAT;
  const dx = (lng2 - lng1) * M_PER_DEG_LAT * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

function deadline(start: Date | null, due: Date | null, now: Date, calendar: WorkCalendar, running: boolean) {
  if (!due) return null;
  return {
    dueAt: due.toISOString(),
    state: running && start ? deadlineState(start, due, now, calendar) : ('ok' as const),
  };
}

/** A case as staff see it (reporters see the public view, cases.public.ts). */
export function presentCase(ctx: RequestContext, row: CaseRow, calendar: WorkCalendar, gridScope: GridScope) {
  const now = new Date();
  const open = OPEN_STATUSES.includes(row.status);
  const handlerName =
    row.handler_kind === 'department'
      ? row.handler_department_name
      : row.handler_kind === 'grid_worker'
        ? (row.handler_user_name ?? null)
        : row.handler_place_name;
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status][ctx.lang],
    category: { code: row.category_code, name: ctx.lang === 'en' ? row.category_name_en : row.category_name },
    description: row.description,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    place: { code: row.place_code, name: row.place_name },
    grid: row.grid_code ? { code: row.grid_code, name: row.grid_name ?? '' } : null,
    channel: row.channel,
    level: row.level,
    handler: row.handler_kind ? { kind: row.handler_kind, name: handlerName ?? null } : null,
    urgent: row.urgent,
    supervised: row.supervised,
    onTheSpot: row.on_the_spot,
    pendingRequest: row.pending_request,
    reporter:
      ctx.actor.role === 'resident'
        ? null
        : { name: row.reporter_name, phoneMasked: row.reporter_phone_masked },
    attributes: row.attributes,
    reportedAt: row.reported_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    dispatchedAt: row.dispatched_at?.toISOString() ?? null,
    handledAt: row.handled_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    deadlines: {
      accept: deadline(row.reported_at, row.accept_due_at, now, calendar, row.status === 'reported'),
      dispatch: deadline(row.accepted_at, row.dispatch_due_at, now, calendar, row.status === 'accepted'),
      handle: deadline(
        row.dispatched_at,
        row.handle_due_at,
        now,
        calendar,
        row.status === 'dispatched' || row.status === 'in_progress',
      ),
    },
    current:
      open && row.current_due_at
        ? {
            dueAt: row.current_due_at.toISOString(),
            state: deadlineState(
              row.current_started_at ?? row.reported_at,
              row.current_due_at,
              now,
              calendar,
            ),
          }
        : null,
    counts: {
      returned: row.returned_count,
      rework: row.rework_count,
      escalation: row.escalation_count,
      extension: row.extension_count,
    },
    handledOnTime: row.handled_on_time,
    closedOnTime: row.closed_on_time,
    closureReason: row.closure_reason,
    rejectionReason: row.rejection_reason,
    rating: row.rating,
    ratingReasons: row.rating_reasons,
    ratingComment: row.rating_comment,
    mergedInto: row.merged_into_id,
    version: row.version,
    allowedActions: allowedActions(ctx.actor, row, gridScope),
  };
}
export type CaseView = ReturnType<typeof presentCase>;

/** One case the actor may see, with its timeline and photos. */
export async function getCase(ctx: RequestContext, id: number) {
  requireReader(ctx.actor);
  const { db } = ctx.app.database;
  const gridScope = await gridScopeOf(db, ctx.actor);
  const row = await caseQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!row || !caseVisible(ctx.actor, gridScope, row)) throw new AppError('NOT_FOUND');
  const calendar = await calendarFor(db);
  const [events, photos] = await Promise.all([
    db.selectFrom('case_event').selectAll().where('case_id', '=', id).orderBy('id').execute(),
    db.selectFrom('case_photo').selectAll().where('case_id', '=', id).orderBy('id').execute(),
  ]);
  await auditRead(ctx, 'case.read', { subjectType: 'case', subjectId: String(id), placePath: row.path });
  return {
    ...presentCase(ctx, row, calendar, gridScope),
    // a reporter sees the public steps of its own case; staff see every step
    timeline: events
      .filter((e) => e.public || ctx.actor.role !== 'resident')
      .map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actorName: e.actor_name,
        actorRole: e.actor_role,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
        public: e.public,
        details: e.details,
        photoIds: photos.filter((p) => p.event_id === e.id).map((p) => p.id),
      })),
    photos: photos.map(presentPhoto),
    duplicates: OPEN_STATUSES.includes(row.status) ? await likelyDuplicates(db, row) : [],
  };
}

export function presentPhoto(p: {
  id: number;
  case_id: number;
  stage: 'before' | 'after' | 'update';
  event_id: number | null;
  width: number;
  height: number;
  lng: number | null;
  lat: number | null;
  created_at: Date;
}) {
  return {
    id: p.id,
    stage: p.stage,
    eventId: p.event_id,
    width: p.width,
    height: p.height,
    lng: p.lng,
    lat: p.lat,
    url: `/api/cases/${p.case_id}/photos/${p.id}`,
    thumbUrl: `/api/cases/${p.case_id}/photos/${p.id}?size=thumb`,
    createdAt: p.created_at.toISOString(),
  };
}

export interface CaseFilters {
  q?: string;
  status?: CaseStatus[];
  category?: string;
  within?: string;
  grid?: string;
  from?: string;
  to?: string;
  /** Only cases past their current deadline. */
  overdue?: boolean;
  supervised?: boolean;
  /** Only cases this actor (or its unit or department) is handling now. */
  mine?: boolean;
  channel?: CaseChannel;
}

/** The list query with every filter applied, unordered and unpaged. */
export async function filteredCases(ctx: RequestContext, filters: CaseFilters) {
  requireReader(ctx.actor);
  const { db } = ctx.app.database;
  const gridScope = await gridScopeOf(db, ctx.actor);
  let query = caseQuery(db).where(caseScope(ctx.actor, gridScope));
  if (filters.within) {
    const place = authorize(ctx.actor, 'cases.read', await findByCode(db, filters.within));
    query = query.where('c.path', 'like', underPath(place.path));
  }
  if (filters.grid) {
    const grid = await db
      .selectFrom('grid')
      .select('path')
      .where('code', '=', filters.grid)
      .executeTakeFirst();
    if (!grid) throw new AppError('NOT_FOUND');
    query = query.where('c.grid_path', 'like', underPath(grid.path));
  }
  if (filters.status?.length) query = query.where('c.status', 'in', filters.status);
  if (filters.category) {
    query =
      filters.category.length === 2
        ? query.where('cat.parent_code', '=', filters.category)
        : query.where('cat.code', '=', filters.category);
  }
  if (filters.channel) query = query.where('c.channel', '=', filters.channel);
  if (filters.from) query = query.where('c.reported_at', '>=', new Date(filters.from));
  if (filters.to) query = query.where('c.reported_at', '<', new Date(filters.to));
  if (filters.overdue) query = query.where('c.current_due_at', '<', new Date());
  if (filters.supervised) query = query.where('c.supervised', '=', true);
  if (filters.mine) query = query.where(mineFilter(ctx.actor));
  if (filters.q) {
    const q = filters.q.trim();
    query = /^\d{8,}$/.test(q)
      ? query.where((eb) => eb.or([eb('c.code', '=', q), eb('c.external_ref', '=', q)]))
      : query.where((eb) =>
          eb.or([eb('c.description', 'like', `%${q}%`), eb('c.address', 'like', `%${q}%`)]),
        );
  }
  return { query, gridScope };
}

function mineFilter(actor: Actor) {
  if (actor.role === 'grid_worker') return sql<boolean>`c.handler_user_id = ${actor.userId}`;
  if (actor.role === 'department_staff') {
    return sql<boolean>`c.handler_department_id = ${actor.departmentId ?? -1}`;
  }
  return sql<boolean>`c.handler_place_id = ${actor.placeId} AND c.handler_kind IS NOT NULL
    AND c.handler_kind NOT IN ('grid_worker', 'department')`;
}

export async function listCases(
  ctx: RequestContext,
  filters: CaseFilters & { page: number; pageSize: number },
) {
  const { db } = ctx.app.database;
  const { query, gridScope } = await filteredCases(ctx, filters);
  const [rows, total, calendar] = await Promise.all([
    query
      .orderBy('c.reported_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    calendarFor(db),
  ]);
  await auditRead(
    ctx,
    'case.list',
    { subjectType: 'case' },
    { ...filters, q: filters.q ? '(search)' : undefined, rows: rows.length },
  );
  return {
    items: rows.map((row) => presentCase(ctx, row, calendar, gridScope)),
    total: total.n,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/**
 * The reporter's full phone number for a callback (回访): staff who dispatch the case may ask, with a reason; the
 * command's audit entry records the field and the reason, never the number (as the residents' reveal does).
 */
export async function revealReporterPhone(ctx: RequestContext, id: number, reason: string) {
  requireCapability(ctx.actor, 'cases.dispatch');
  const { db } = ctx.app.database;
  const gridScope = await gridScopeOf(db, ctx.actor);
  return runCommand(
    ctx,
    'case.reveal_reporter',
    async (trx) => {
      const row = await caseQuery(trx).where('c.id', '=', id).executeTakeFirst();
      if (!row || !caseVisible(ctx.actor, gridScope, row)) throw new AppError('NOT_FOUND');
      const phone = row.reporter_phone_enc
        ? decryptField(personalDataKeys(ctx.app.config), row.reporter_phone_enc)
        : null;
      return {
        value: { phone },
        audit: {
          subjectType: 'case',
          subjectId: String(id),
          placePath: row.path,
          details: { field: 'reporterPhone', reason: reason.trim() },
        },
      };
    },
    { subjectType: 'case', subjectId: String(id) },
  );
}
