import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalDataKeys } from '../../../core/keys.js';
import { decryptField } from '../../../core/personal-data.js';
import { CASE_STATUSES } from '../../../../shared/case-workflow.js';
import { localDate, workingMinutesBetween } from '../../../../shared/working-time.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { calendarFor } from '../workflow/cases.calendar.js';
import { locatorFor } from '../../grids/grids.queries.js';
import { demoAsOf } from '../../../seed.js';

let t: TestApp;
let admin: Session;
/** The instant the test database's demo was seeded as of: its year of cases ends there. */
let DEMO_CASES_END: Date;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  DEMO_CASES_END = (await demoAsOf(t.database.db))!;
});
afterAll(async () => t?.close());

describe('the seeded demo cases (scale 0.01)', () => {
  it('hold 400 consistent cases with timelines, located by the real locator', async () => {
    const { db } = t.database;
    const rows = await db.selectFrom('civic_case').selectAll().orderBy('id').execute();
    expect(rows).toHaveLength(400);
    const calendar = await calendarFor(db);
    const locator = await locatorFor(db);
    const grids = new Map(
      (await db.selectFrom('grid').select(['id', 'path']).execute()).map((g) => [g.id, g.path]),
    );
    const events = await db.selectFrom('case_event').selectAll().orderBy('id').execute();
    const byCase = new Map<number, typeof events>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of CASE_STATUSES) expect(statuses, s).toContain(s);
    for (const r of rows) {
      expect(r.code).toMatch(/^\d{14}$/);
      expect(r.code.slice(0, 8)).toBe(localDate(r.reported_at).replaceAll('-', ''));
      const times = [
        r.reported_at,
        r.accepted_at,
        r.dispatched_at,
        r.handled_at,
        r.verified_at,
        r.closed_at,
      ].filter((x): x is Date => x !== null);
      for (let i = 1; i < times.length; i++) expect(times[i]! >= times[i - 1]!).toBe(true);
      expect(times.every((x) => x <= DEMO_CASES_END)).toBe(true);
      if (r.handled_at) {
        expect(r.handled_on_time).toBe(r.handled_at <= r.handle_due_at!);
        expect(r.handling_minutes).toBe(
          Math.round(workingMinutesBetween(r.dispatched_at!, r.handled_at, calendar)),
        );
      }
      const hit = locator.locate(r.lng, r.lat);
      expect(hit.micro?.id).toBe(r.grid_id);
      expect(r.grid_path).toBe(grids.get(r.grid_id!));
      expect(r.path.startsWith(hit.micro!.placePath) || hit.micro!.placePath.startsWith(r.path)).toBe(true);
      const steps = byCase.get(r.id) ?? [];
      expect(steps[0]?.action).toBe('report');
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.at >= steps[i - 1]!.at).toBe(true);
      expect(steps.filter((e) => e.action !== 'merged_from').at(-1)?.to_status).toBe(r.status);
    }
    // phones as createCase stores them: encrypted, hashed, masked, for some of the cases
    const keys = personalDataKeys();
    const withPhone = rows.filter((r) => r.reporter_phone_enc !== null);
    expect(withPhone.length).toBeGreaterThan(100);
    expect(withPhone.length).toBeLessThan(300);
    const phone = decryptField(keys, withPhone[0]!.reporter_phone_enc!);
    expect(phone).toMatch(/^1\d{10}$/);
    expect(withPhone[0]!.reporter_phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    // no audit rows for demo data; department cases carry their case_department row
    const audit = await db.selectFrom('audit_log').select('id').where('subject_type', '=', 'case').execute();
    expect(audit).toHaveLength(0);
    const departments = await db.selectFrom('case_department').select('case_id').execute();
    expect(departments.length).toBe(rows.filter((r) => r.handler_department_id !== null).length);
  });

  it('open to the console: a seeded case reads with its timeline, new reports continue the codes', async () => {
    const closed = await t.database.db
      .selectFrom('civic_case')
      .select(['id', 'code'])
      .where('status', '=', 'closed')
      .where('rating', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const res = await admin.request('GET', `/api/cases/${closed.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<{ timeline: { action: string }[]; status: string }>();
    expect(detail.timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['report', 'accept', 'dispatch', 'start', 'handle', 'verify', 'close', 'rate']),
    );
    const max = await t.database.db
      .selectFrom('civic_case')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const point = await t.database.db
      .selectFrom('civic_case')
      .select(['lng', 'lat'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const created = await admin.request('POST', '/api/cases', {
      categoryCode: '1002',
      description: '楼道堆放杂物',
      lng: point.lng,
      lat: point.lat,
    });
    expect(created.statusCode, created.body).toBe(200);
    const c = created.json<{ case: { id: number; code: string } }>().case;
    expect(c.id).toBeGreaterThan(Number(max.id));
    expect(Number(c.code.slice(8))).toBe(401);
  });

  it('give non-trivial figures over the seeded year', async () => {
    const res = await admin.request(
      'GET',
      `/api/cases/figures?from=${encodeURIComponent(new Date(DEMO_CASES_END.getTime() - 366 * 86_400_000).toISOString())}&to=${encodeURIComponent(DEMO_CASES_END.toISOString())}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json<
      Record<string, { value: number | null; denominator: number }> & { reported: number }
    >();
    expect(f.reported).toBe(400);
    for (const key of [
      'acceptanceRate',
      'dispatchAccuracy',
      'onTimeHandlingRate',
      'closureRate',
      'onTimeClosureRate',
      'satisfactionRate',
    ]) {
      expect(f[key]!.value, key).toBeGreaterThan(0.5);
      expect(f[key]!.value, key).toBeLessThan(1);
    }
    for (const key of ['reworkRate', 'extensionRate']) {
      expect(f[key]!.value, key).toBeGreaterThan(0);
      expect(f[key]!.value, key).toBeLessThan(0.2);
    }
    expect(f.avgHandlingHours!.value).toBeGreaterThan(0.5);
  });
});
