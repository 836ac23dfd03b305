import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, OPEN_STATUSES } from '../../../../shared/case-workflow.js';
import {
  calendarFrom,
  localDate,
  SHIPPED_CALENDAR,
  workingMinutesBetween,
} from '../../../../shared/working-time.js';
import { CATEGORIES, DEPARTMENTS } from '../cases.catalogue.js';
import { generateDemoCases, type DemoCase, type DemoCategory, type DemoSpot } from './cases.demo-data.js';

const calendar = calendarFrom(SHIPPED_CALENDAR);
const categories: DemoCategory[] = CATEGORIES.filter((c) => c.code.length === 4).map((c, i) => {
  const department = DEPARTMENTS.findIndex((d) => d.code === c.department);
  return {
    id: i + 1,
    code: c.code,
    name: c.name,
    acceptLimit: c.accept?.[0] ?? 2,
    acceptUnit: c.accept?.[1] ?? 'hours',
    dispatchLimit: c.dispatch?.[0] ?? 4,
    dispatchUnit: c.dispatch?.[1] ?? 'hours',
    handleLimit: c.handle?.[0] ?? 1,
    handleUnit: c.handle?.[1] ?? 'days',
    handler: c.handler ?? 'community',
    departmentId: department >= 0 ? department + 1 : null,
    departmentName: department >= 0 ? DEPARTMENTS[department]!.name : null,
  };
});
const spots: DemoSpot[] = Array.from({ length: 40 }, (_, i) => ({
  lng: 113.6 + i * 0.001,
  lat: 34.7,
  address: `某小区${i}号楼`,
  placeId: 100 + i,
  path: `/1/2/3/${100 + i}/`,
  gridId: 1000 + (i % 10),
  gridPath: `/9/${1000 + (i % 10)}/`,
  overlayGridIds: [],
  worker: i % 3 === 0 ? null : { id: 50 + (i % 10), name: `网格员${i % 10}` },
  community: { id: 3, name: '某社区' },
  street: { id: 2, name: '某街道' },
  district: { id: 1, name: '二七区' },
}));

/** The demo's now in these tests: a fixed instant, so the same seed gives the same cases. */
const DEMO_CASES_END = new Date('2026-11-20T00:00:00+08:00');

function generate(scale: number, seed = 'louyuan-demo-cases', end = DEMO_CASES_END): DemoCase[] {
  return generateDemoCases({ random: seedrandom(seed), scale, calendar, categories, spots, end });
}

const year = generate(0.1);
const small = generate(0.01);

function stepTimes(c: DemoCase): (Date | null)[] {
  return [c.reportedAt, c.acceptedAt, c.dispatchedAt, c.handledAt, c.verifiedAt, c.closedAt];
}

describe('the demo case generator', () => {
  it('follows the day it is seeded: this month has reports, and cases are open, due and overdue now', () => {
    for (const now of [new Date('2026-12-08T09:30:00+08:00'), new Date('2027-06-20T16:00:00+08:00')]) {
      const cases = generate(0.1, 'louyuan-demo-cases', now);
      const monthStart = new Date(`${localDate(now).slice(0, 8)}01T00:00:00+08:00`);
      const thisMonth = cases.filter((c) => c.reportedAt >= monthStart && c.reportedAt <= now);
      expect(thisMonth.length).toBeGreaterThan(50);
      expect(cases.at(-1)!.reportedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - cases[0]!.reportedAt.getTime()).toBeGreaterThan(360 * 86_400_000);
      const open = cases.filter((c) => (OPEN_STATUSES as readonly string[]).includes(c.status));
      expect(open.some((c) => c.currentDueAt && c.currentDueAt < now)).toBe(true);
      expect(open.some((c) => c.currentDueAt && c.currentDueAt > now)).toBe(true);
    }
  });

  it('makes round(40,000 × scale) cases with unique codes shaped like the default (local date + sequence)', () => {
    expect(year).toHaveLength(4000);
    expect(small).toHaveLength(400);
    expect(new Set(year.map((c) => c.code)).size).toBe(year.length);
    for (const c of year) {
      expect(c.code).toMatch(/^\d{14}$/);
      expect(c.code.slice(0, 8)).toBe(localDate(c.reportedAt).replaceAll('-', ''));
    }
    expect(generate(0.01).map((c) => `${c.code}${c.status}`)).toEqual(
      small.map((c) => `${c.code}${c.status}`),
    );
  });

  it('spreads a year up to the fixed end, in reporting order', () => {
    const first = year[0]!.reportedAt.getTime();
    const last = year[year.length - 1]!.reportedAt.getTime();
    expect(last).toBeLessThanOrEqual(DEMO_CASES_END.getTime());
    expect(DEMO_CASES_END.getTime() - first).toBeGreaterThan(360 * 86_400_000);
    for (let i = 1; i < year.length; i++) {
      expect(year[i]!.reportedAt.getTime()).toBeGreaterThanOrEqual(year[i - 1]!.reportedAt.getTime());
    }
  });

  it('orders every timestamp: reported ≤ accepted ≤ dispatched ≤ handled ≤ verified ≤ closed ≤ end', () => {
    for (const c of [...year, ...small]) {
      const times = stepTimes(c).filter((t): t is Date => t !== null);
      for (let i = 1; i < times.length; i++)
        expect(times[i]!.getTime()).toBeGreaterThanOrEqual(times[i - 1]!.getTime());
      for (const t of times) expect(t.getTime()).toBeLessThanOrEqual(DEMO_CASES_END.getTime());
      const steps = c.events.filter((e) => e.action !== 'merged_from');
      expect(steps[0]?.action).toBe('report');
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]!.at.getTime()).toBeGreaterThanOrEqual(steps[i - 1]!.at.getTime());
        expect(steps[i]!.fromStatus).toBe(steps[i - 1]!.toStatus);
      }
      expect(steps[steps.length - 1]!.toStatus).toBe(c.status);
      if (c.ratedAt) expect(c.ratedAt.getTime()).toBeGreaterThan(c.closedAt!.getTime());
    }
  });

  it('computes the facts as the workflow does: on time, working minutes, deadlines, closure reasons', () => {
    for (const c of year) {
      expect(c.acceptDueAt.getTime()).toBeGreaterThan(c.reportedAt.getTime());
      if (c.handledAt) {
        expect(c.handledOnTime).toBe(c.handledAt <= c.handleDueAt!);
        expect(c.handlingMinutes).toBe(
          Math.round(workingMinutesBetween(c.dispatchedAt!, c.handledAt, calendar)),
        );
      }
      if (c.status === 'closed') {
        expect(c.closureReason).not.toBeNull();
        expect(c.closedOnTime).toBe(c.closedAt! <= c.handleDueAt!);
      }
      if (c.status === 'merged') expect(c.mergedInto).not.toBeNull();
      if (c.mergedInto !== null) expect(year[c.mergedInto]!.reportedAt <= c.reportedAt).toBe(true);
      if (c.dispatchedAt && c.status !== 'rejected') expect(c.handleDueAt).not.toBeNull();
      const open = OPEN_STATUSES.includes(c.status);
      if (!open) expect(c.currentDueAt).toBeNull();
      if (['reported', 'accepted', 'dispatched', 'in_progress'].includes(c.status))
        expect(c.currentDueAt).not.toBeNull();
      if (c.handlerKind === 'department') expect(c.handlerDepartmentId).not.toBeNull();
    }
  });

  it('leaves every state present, older cases mostly closed and some open cases overdue at the end', () => {
    for (const list of [year, small]) {
      const states = new Set(list.map((c) => c.status));
      for (const s of CASE_STATUSES) expect(states, s).toContain(s);
    }
    const old = year.filter((c) => DEMO_CASES_END.getTime() - c.reportedAt.getTime() > 60 * 86_400_000);
    expect(old.filter((c) => c.status === 'closed').length / old.length).toBeGreaterThan(0.8);
    expect(old.filter((c) => c.rating !== null).length / old.length).toBeGreaterThan(0.5);
    const overdue = year.filter((c) => c.currentDueAt && c.currentDueAt < DEMO_CASES_END);
    expect(overdue.length).toBeGreaterThan(0);
    for (const key of ['returnedCount', 'reworkCount', 'escalationCount', 'extensionCount'] as const) {
      expect(
        year.some((c) => c[key] > 0),
        key,
      ).toBe(true);
    }
    expect(year.some((c) => c.handledOnTime === false)).toBe(true);
    const channels = new Set(year.map((c) => c.channel));
    expect([...channels].sort()).toEqual(['console', 'grid_app', 'hotline', 'open311', 'resident_app']);
    const phones = year.filter((c) => c.reporterPhone !== null).length / year.length;
    expect(phones).toBeGreaterThan(0.3);
    expect(phones).toBeLessThan(0.7);
  });

  it('shows the seasons: flooding in June–August, fire hazards in winter; common and rare categories', () => {
    const month = (c: DemoCase) => Number(localDate(c.reportedAt).slice(5, 7));
    const count = (code: string, months: number[]) =>
      year.filter((c) => c.category.code === code && months.includes(month(c))).length;
    const summer = [6, 7, 8];
    const winter = [12, 1, 2];
    const rest = [1, 2, 3, 4, 5, 9, 10, 11, 12];
    // per month: summer flooding at least five times the rest of the year's
    expect(count('0501', summer) / 3).toBeGreaterThan((5 * count('0501', rest)) / 9);
    expect(count('0502', winter)).toBeGreaterThan(2 * count('0502', summer));
    expect(count('0101', summer) / 3).toBeGreaterThan(count('0101', rest) / 9);
    const total = (code: string) => year.filter((c) => c.category.code === code).length;
    expect(total('1001')).toBeGreaterThan(10 * total('0901'));
    expect(total('0403')).toBeGreaterThan(10 * total('0802'));
  });
});
