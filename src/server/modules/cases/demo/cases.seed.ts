import { sql, type Insertable } from 'kysely';
import { personalDataKeys } from '../../../core/keys.js';
import { encryptField, lookupHash } from '../../../core/personal-data.js';
import type { CaseEventTable, CivicCaseTable } from '../../../db/types.js';
import { maskPhone } from '../../../../shared/masking.js';
import { calendarFrom } from '../../../../shared/working-time.js';
import { locatorFor } from '../../grids/grids.queries.js';
import type { SeedContext } from '../../manifest.js';
import { rebuildRollupsIn } from '../analytics/cases.rollup.js';
import { OPEN_STATUSES, type CaseStatus } from '../../../../shared/case-workflow.js';
import { generateDemoCases, type DemoCategory, type DemoSpot } from './cases.demo-data.js';

/** Rows per multi-row INSERT. */
const BATCH = 500;
/** Located points the cases are spread over (households' buildings and points inside micro-grids). */
const SPOTS = 3_000;

type Unit = { id: number; name: string };

/**
 * A year of demo cases (cases.demo-data.ts) with their timelines, written in bulk inside the seed's
 * transaction, without audit rows (demo data is not anybody's act). Every point is located with the real
 * locator, so place, micro-grid path and overlays are what a report at that point would get.
 */
export async function seedCases(ctx: SeedContext): Promise<void> {
  const { db } = ctx;
  const categories: DemoCategory[] = (
    await db
      .selectFrom('case_category as c')
      .leftJoin('department as d', 'd.id', 'c.default_department_id')
      .select([
        'c.id',
        'c.code',
        'c.name',
        'c.accept_limit',
        'c.accept_unit',
        'c.dispatch_limit',
        'c.dispatch_unit',
        'c.handle_limit',
        'c.handle_unit',
        'c.default_handler',
        'c.default_department_id',
        'd.name as department_name',
      ])
      .where('c.parent_code', 'is not', null)
      .where('c.active', '=', true)
      .orderBy('c.code')
      .execute()
  ).map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    acceptLimit: Number(c.accept_limit),
    acceptUnit: c.accept_unit,
    dispatchLimit: Number(c.dispatch_limit),
    dispatchUnit: c.dispatch_unit,
    handleLimit: Number(c.handle_limit),
    handleUnit: c.handle_unit,
    handler: c.default_handler,
    departmentId: c.default_department_id,
    departmentName: c.department_name,
  }));
  const calendar = calendarFrom(await db.selectFrom('work_calendar_day').select(['day', 'kind']).execute());
  const spots = await demoSpots(ctx);
  if (spots.length === 0 || categories.length === 0) {
    ctx.log('cases: no located points or no categories, nothing seeded');
    return;
  }
  const end = ctx.asOf;
  const cases = generateDemoCases({ random: ctx.random, scale: ctx.scale, calendar, categories, spots, end });
  // Open cases whose deadline passed before the demo's end were marked by the overdue sweep a minute later, as a
  // running server would have done: the mark, and the sweep's timeline step.
  const sweptAt = cases.map((c) => {
    const due = c.currentDueAt;
    if (!due || !OPEN_STATUSES.includes(c.status as CaseStatus) || due >= end) return null;
    const at = new Date(due.getTime() + 60_000);
    c.events.push({
      at,
      action: 'overdue',
      fromStatus: c.status,
      toStatus: c.status,
      note: null,
      public: false,
      details: { dueAt: due.toISOString(), level: c.level },
      actor: { id: null, name: '系统（超时巡检）', role: null },
    });
    return at;
  });

  const keys = personalDataKeys();
  const first =
    Number(
      (
        await db
          .selectFrom('civic_case')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst()
      )?.id ?? 0,
    ) + 1;
  const rows: Insertable<CivicCaseTable>[] = cases.map((c, i) => {
    const phone = c.reporterPhone;
    return {
      id: first + i,
      code: c.code,
      category_id: c.category.id,
      status: c.status,
      channel: c.channel,
      description: c.description,
      address: c.spot.address.slice(0, 200),
      lng: c.spot.lng,
      lat: c.spot.lat,
      place_id: c.spot.placeId,
      path: c.spot.path,
      grid_id: c.spot.gridId,
      grid_path: c.spot.gridPath,
      overlay_grid_ids: c.spot.overlayGridIds,
      reporter_user_id: c.reporterUserId,
      reporter_name: c.reporterName,
      reporter_phone_enc: phone ? encryptField(keys, phone) : null,
      reporter_phone_hash: phone ? lookupHash(keys, 'phone', phone) : null,
      reporter_phone_masked: phone ? maskPhone(phone) : null,
      public_token: c.publicToken,
      external_ref: c.channel === 'hotline' ? `DEMO${c.code}` : null,
      level: c.level,
      handler_kind: c.handlerKind,
      handler_place_id: c.handlerPlaceId,
      handler_user_id: c.handlerUserId,
      handler_department_id: c.handlerDepartmentId,
      urgent: c.urgent,
      supervised: c.supervised,
      pending_detail: c.pendingDetail ? JSON.stringify(c.pendingDetail) : null,
      reported_at: c.reportedAt,
      accepted_at: c.acceptedAt,
      dispatched_at: c.dispatchedAt,
      handled_at: c.handledAt,
      verified_at: c.verifiedAt,
      closed_at: c.closedAt,
      accept_due_at: c.acceptDueAt,
      dispatch_due_at: c.dispatchDueAt,
      handle_due_at: c.handleDueAt,
      current_due_at: c.currentDueAt,
      current_started_at: c.currentStartedAt,
      overdue_swept_at: sweptAt[i],
      handled_on_time: c.handledOnTime,
      closed_on_time: c.closedOnTime,
      handling_minutes: c.handlingMinutes,
      returned_count: c.returnedCount,
      rework_count: c.reworkCount,
      escalation_count: c.escalationCount,
      extension_count: c.extensionCount,
      closure_reason: c.closureReason,
      rejection_reason: c.rejectionReason,
      rating: c.rating,
      rating_reasons: c.ratingReasons,
      rated_at: c.ratedAt,
      merged_into_id: c.mergedInto === null ? null : first + c.mergedInto,
      version: c.events.filter((e) => e.action !== 'merged_from' && e.action !== 'overdue').length,
      created_at: c.reportedAt,
      updated_at: c.events[c.events.length - 1]?.at ?? c.reportedAt,
    };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('civic_case')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }

  const departments = cases.flatMap((c, i) =>
    c.handlerDepartmentId === null
      ? []
      : [
          {
            case_id: first + i,
            department_id: c.handlerDepartmentId,
            lead: true,
            created_at: c.dispatchedAt!,
          },
        ],
  );
  for (let i = 0; i < departments.length; i += BATCH) {
    await db
      .insertInto('case_department')
      .values(departments.slice(i, i + BATCH))
      .execute();
  }

  const events: Insertable<CaseEventTable>[] = cases.flatMap((c, i) =>
    [...c.events]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((e) => ({
        case_id: first + i,
        at: e.at,
        actor_id: e.actor.id,
        actor_name: e.actor.name,
        actor_role: e.actor.role,
        action: e.action,
        from_status: e.fromStatus,
        to_status: e.toStatus,
        note: e.note,
        public: e.public,
        details: JSON.stringify(e.details),
      })),
  );
  for (let i = 0; i < events.length; i += BATCH) {
    await db
      .insertInto('case_event')
      .values(events.slice(i, i + BATCH))
      .execute();
  }
  if (rows.length > 0) {
    await sql`SELECT setval(pg_get_serial_sequence('civic_case', 'id'), (SELECT max(id) FROM civic_case))`.execute(
      db,
    );
    await sql`SELECT setval('civic_case_code_seq', ${cases.length})`.execute(db);
  }
  const rollup = await rebuildRollupsIn(db);
  ctx.log(
    `cases: ${rows.length} cases, ${events.length} timeline steps at scale ${ctx.scale}; ` +
      `${rollup.rows} rollup rows over ${rollup.days} days`,
  );
}

/**
 * Points cases happen at: mostly households' buildings (a few metres off), the rest random points inside
 * micro-grids, each located to its place, micro-grid and overlays; with the handlers there.
 */
async function demoSpots(ctx: SeedContext): Promise<DemoSpot[]> {
  const { db, random } = ctx;
  const [places, grids, workers, households] = await Promise.all([
    db.selectFrom('place').select(['id', 'kind', 'name', 'path', 'address']).execute(),
    db
      .selectFrom('grid')
      .select(['id', 'path', 'kind', 'level', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
      .where('retired_at', 'is', null)
      .execute(),
    db
      .selectFrom('grid_staff as s')
      .innerJoin('grid_staff_assignment as a', 'a.staff_id', 's.id')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(['a.grid_id', 'u.id', 'u.display_name'])
      .where('a.ended_on', 'is', null)
      .where('a.role', '=', 'worker')
      .where('u.disabled', '=', false)
      .orderBy('u.id')
      .execute(),
    db
      .selectFrom('household')
      .select(['lng', 'lat', 'address'])
      .where('lng', 'is not', null)
      .orderBy('id')
      .execute(),
  ]);
  const placeById = new Map(places.map((p) => [p.id, p]));
  const gridPath = new Map(grids.map((g) => [g.id, g.path]));
  const workerOf = new Map<number, Unit>();
  for (const w of workers)
    if (!workerOf.has(w.grid_id)) workerOf.set(w.grid_id, { id: w.id, name: w.display_name });
  const micro = grids.filter((g) => g.kind === 'base' && g.level === 4);
  const root = places.find((p) => p.kind === 'district') ?? places[0];
  if (!root || micro.length === 0) return [];
  const locator = await locatorFor(db);

  const spots: DemoSpot[] = [];
  const unitOf = (path: string, kinds: string[]): Unit | null => {
    const ids = path.split('/').filter(Boolean).map(Number).reverse();
    for (const id of ids) {
      const p = placeById.get(id);
      if (p && kinds.includes(p.kind)) return { id: p.id, name: p.name };
    }
    return null;
  };
  const jitter = () => (random() - 0.5) * 0.0004;
  for (let tries = 0; spots.length < SPOTS && tries < SPOTS * 4; tries++) {
    let lng: number;
    let lat: number;
    let address: string | null = null;
    if (households.length > 0 && random() < 0.7) {
      const h = households[Math.floor(random() * households.length)]!;
      lng = h.lng! + jitter();
      lat = h.lat! + jitter();
      address = h.address;
    } else {
      const g = micro[Math.floor(random() * micro.length)]!;
      lng = g.min_lng + random() * (g.max_lng - g.min_lng);
      lat = g.min_lat + random() * (g.max_lat - g.min_lat);
    }
    const hit = locator.locate(lng, lat);
    if (!hit.micro) continue;
    const placePath = hit.compound?.placePath ?? hit.micro.placePath;
    const placeId = Number(placePath.split('/').filter(Boolean).pop());
    const place = placeById.get(placeId);
    const path = gridPath.get(hit.micro.id);
    if (!place || !path) continue;
    spots.push({
      lng,
      lat,
      address: address ?? [hit.compound?.name, place.address ?? place.name].filter(Boolean).join(' '),
      placeId,
      path: place.path,
      gridId: hit.micro.id,
      gridPath: path,
      overlayGridIds: hit.overlays.map((g) => g.id),
      worker: workerOf.get(hit.micro.id) ?? null,
      community: unitOf(place.path, ['community', 'village']),
      street: unitOf(place.path, ['street', 'town', 'park']),
      district: { id: root.id, name: root.name },
    });
  }
  return spots;
}
