/**
 * Working-time arithmetic for case deadlines, in Asia/Shanghai local time (UTC+8 all year: China has kept no
 * daylight saving since 1991, so a fixed offset is exact and no time-zone database is needed).
 *
 * A working day is a weekday that is not a public holiday, or a weekend day named a make-up workday (调休上班).
 * Its working hours are WORK_PERIODS (08:30–12:00 and 13:30–18:00, 8 hours). A limit of N working days is
 * N × 8 working hours, so "2 working days" from 10:00 on a Friday ends at 10:00 the next Tuesday.
 */

export interface WorkCalendar {
  /** Public holidays that fall on what would be a working day ('YYYY-MM-DD', local date). */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休上班). */
  readonly workdays: ReadonlySet<string>;
}

export type LimitUnit = 'hours' | 'days';

const OFFSET_MS = 8 * 3600_000;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** Working periods of a working day, in minutes after local midnight: [start, end). */
export const WORK_PERIODS: readonly (readonly [number, number])[] = [
  [8 * 60 + 30, 12 * 60],
  [13 * 60 + 30, 18 * 60],
];
export const WORKDAY_MINUTES = WORK_PERIODS.reduce((sum, [a, b]) => sum + b - a, 0);
/** How far forward or back a computation may look for a working day before it gives up (a broken calendar). */
const MAX_DAYS = 3660;

export function emptyCalendar(): WorkCalendar {
  return { holidays: new Set(), workdays: new Set() };
}

/** The local (Asia/Shanghai) date of an instant, 'YYYY-MM-DD'. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Local midnight of a local date, as an instant. */
function localMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - OFFSET_MS;
}

/** The instant a Beijing calendar day ('YYYY-MM-DD') begins. */
export function dayStart(day: string): Date {
  return new Date(localMidnight(day));
}

/** The calendar day `n` days after `day` (before, for negative n). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWorkday(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const dow = weekday(day);
  return dow !== 0 && dow !== 6;
}

function nextDay(day: string, step = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10);
}

export function limitMinutes(limit: number, unit: LimitUnit): number {
  return unit === 'hours' ? limit * 60 : limit * WORKDAY_MINUTES;
}

/**
 * The instant `minutes` working minutes after `start`. Time outside working hours does not count; a start
 * outside them counts from the next working period. Zero minutes from inside a period is the start itself.
 */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`bad working minutes: ${minutes}`);
  let left = minutes;
  let day = localDate(start);
  let cursor = start.getTime();
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    if (!isWorkday(day, calendar)) continue;
    const midnight = localMidnight(day);
    for (const [from, to] of WORK_PERIODS) {
      const begin = Math.max(cursor, midnight + from * MINUTE);
      const end = midnight + to * MINUTE;
      if (begin >= end) continue;
      const available = (end - begin) / MINUTE;
      if (left <= available) return new Date(begin + left * MINUTE);
      left -= available;
      cursor = end;
    }
  }
  throw new RangeError('no working day within ten years: check the calendar');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  let day = localDate(from);
  const last = localDate(to);
  for (let i = 0; i < MAX_DAYS && day <= last; i++, day = nextDay(day)) {
    if (!isWorkday(day, calendar)) continue;
    const midnight = localMidnight(day);
    for (const [start, end] of WORK_PERIODS) {
      const lo = Math.max(a, midnight + start * MINUTE);
      const hi = Math.min(b, midnight + end * MINUTE);
      if (hi > lo) total += (hi - lo) / MINUTE;
    }
  }
  return total;
}

export type DeadlineState = 'ok' | 'warning' | 'overdue';
/** The share of the allowed working time after which a deadline turns yellow. */
export const WARNING_SHARE = 0.8;

/**
 * Where a deadline stands at `now`: red once past it, yellow once 80% of the working time allowed between
 * `start` and `due` has gone, green before.
 */
export function deadlineState(start: Date, due: Date, now: Date, calendar: WorkCalendar): DeadlineState {
  if (now.getTime() > due.getTime()) return 'overdue';
  const allowed = workingMinutesBetween(start, due, calendar);
  const used = workingMinutesBetween(start, now, calendar);
  return allowed > 0 && used >= WARNING_SHARE * allowed ? 'warning' : 'ok';
}

export interface CalendarDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/**
 * The years whose official arrangement (国务院办公厅关于部分节假日安排的通知) is known and shipped: holidays that
 * fall on weekdays are listed as holidays, weekend days worked in exchange as workdays. Holidays that fall on a
 * weekend are listed too (harmless, and the console shows the whole festival).
 */
export const SHIPPED_CALENDAR: readonly CalendarDay[] = [
  ...range('2025-01-01', 1, '元旦'),
  ...range('2025-01-28', 8, '春节'),
  { day: '2025-01-26', kind: 'workday', name: '春节调休' },
  { day: '2025-02-08', kind: 'workday', name: '春节调休' },
  ...range('2025-04-04', 3, '清明节'),
  ...range('2025-05-01', 5, '劳动节'),
  { day: '2025-04-27', kind: 'workday', name: '劳动节调休' },
  ...range('2025-05-31', 3, '端午节'),
  ...range('2025-10-01', 8, '国庆节、中秋节'),
  { day: '2025-09-28', kind: 'workday', name: '国庆节调休' },
  { day: '2025-10-11', kind: 'workday', name: '国庆节调休' },
  ...range('2026-01-01', 3, '元旦'),
  { day: '2026-01-04', kind: 'workday', name: '元旦调休' },
  ...range('2026-02-15', 9, '春节'),
  { day: '2026-02-14', kind: 'workday', name: '春节调休' },
  { day: '2026-02-28', kind: 'workday', name: '春节调休' },
  ...range('2026-04-04', 3, '清明节'),
  ...range('2026-05-01', 5, '劳动节'),
  { day: '2026-05-09', kind: 'workday', name: '劳动节调休' },
  ...range('2026-06-19', 3, '端午节'),
  ...range('2026-09-25', 3, '中秋节'),
  ...range('2026-10-01', 7, '国庆节'),
  { day: '2026-09-20', kind: 'workday', name: '国庆节调休' },
  { day: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];

function range(first: string, days: number, name: string): CalendarDay[] {
  return Array.from({ length: days }, (_, i) => ({ day: nextDay(first, i), kind: 'holiday' as const, name }));
}

export function calendarFrom(days: readonly Pick<CalendarDay, 'day' | 'kind'>[]): WorkCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.day)),
  };
}
