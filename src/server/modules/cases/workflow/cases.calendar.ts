import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../db/types.js';
import { calendarFrom, type WorkCalendar } from '../../../../shared/working-time.js';

/**
 * The working-time calendar (and below, the category catalogue) as the deadline arithmetic needs it, read from `work_calendar_day` and kept for a
 * short while per process. An edit in this process drops the copy at once; other processes see it within
 * CALENDAR_TTL_MS (deadlines already set are not recomputed).
 */
const CALENDAR_TTL_MS = 30_000;
const cache = new WeakMap<Kysely<DB>, { at: number; calendar: Promise<WorkCalendar> }>();

export function calendarFor(db: Kysely<DB>): Promise<WorkCalendar> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CALENDAR_TTL_MS) return hit.calendar;
  const calendar = db
    .selectFrom('work_calendar_day')
    .select(['day', 'kind'])
    .execute()
    .then((rows) => calendarFrom(rows));
  calendar.catch(() => cache.delete(db));
  cache.set(db, { at: Date.now(), calendar });
  return calendar;
}

export function forgetCalendar(db: Kysely<DB>): void {
  cache.delete(db);
}

type CategoryRow = Selectable<DB['case_category']>;
const categoryCache = new WeakMap<Kysely<DB>, { at: number; byCode: Promise<Map<string, CategoryRow>> }>();

/**
 * The category catalogue by code, kept like the calendar: intake reads a category for every report, and the
 * catalogue changes rarely. An edit in this process drops the copy; other processes see it within
 * CALENDAR_TTL_MS (a report filed in between uses the previous limits).
 */
export function categoriesFor(db: Kysely<DB>): Promise<Map<string, CategoryRow>> {
  const hit = categoryCache.get(db);
  if (hit && Date.now() - hit.at < CALENDAR_TTL_MS) return hit.byCode;
  const byCode = db
    .selectFrom('case_category')
    .selectAll()
    .execute()
    .then((rows) => new Map(rows.map((r) => [r.code, r])));
  byCode.catch(() => categoryCache.delete(db));
  categoryCache.set(db, { at: Date.now(), byCode });
  return byCode;
}

export function forgetCategories(db: Kysely<DB>): void {
  categoryCache.delete(db);
}
