/**
 * The counters case figures are made of, defined once: the rollups (`cases.rollup.ts`) and the direct count
 * (`cases.figures.ts`) both build their SQL from COUNTERS, and both turn counters into rates with `ratesFrom`.
 */
import { OPEN_STATUSES } from '../../../../shared/case-workflow.js';

/**
 * Each counter: its condition over one case (columns of civic_case) and the cohort it belongs to — 'r' the
 * cases reported on the day, 'd' the cases whose handling deadline falls on the day. `handling_minutes` is a
 * sum, every other counter a count.
 */
const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

export const COUNTERS = {
  reported: { cohort: 'r', when: 'true' },
  accepted: { cohort: 'r', when: `accepted_at IS NOT NULL AND status <> 'merged'` },
  rejected: { cohort: 'r', when: `status = 'rejected'` },
  still_reported: { cohort: 'r', when: `status = 'reported'` },
  merged: { cohort: 'r', when: `status = 'merged'` },
  dispatched: { cohort: 'r', when: 'dispatched_at IS NOT NULL' },
  dispatched_clean: { cohort: 'r', when: 'dispatched_at IS NOT NULL AND returned_count = 0' },
  extended: { cohort: 'r', when: 'dispatched_at IS NOT NULL AND extension_count > 0' },
  handled: { cohort: 'r', when: 'handled_at IS NOT NULL' },
  handled_on_time: { cohort: 'r', when: 'handled_at IS NOT NULL AND handled_on_time' },
  reworked: { cohort: 'r', when: 'handled_at IS NOT NULL AND rework_count > 0' },
  timed: { cohort: 'r', when: 'handled_at IS NOT NULL AND handling_minutes IS NOT NULL' },
  handling_minutes: { cohort: 'r', when: 'handled_at IS NOT NULL', sum: 'handling_minutes' },
  rated: { cohort: 'r', when: 'rating IS NOT NULL' },
  satisfied: { cohort: 'r', when: 'rating >= 4' },
  // the state now of the cases reported on the day: still open, and open past a deadline the overdue sweep marked
  open: { cohort: 'r', when: `status IN (${OPEN})` },
  overdue: {
    cohort: 'r',
    when: `status IN (${OPEN}) AND overdue_swept_at IS NOT NULL AND overdue_swept_at >= current_due_at`,
  },
  due: { cohort: 'd', when: 'true' },
  closed: { cohort: 'd', when: 'closed_at IS NOT NULL' },
  closed_on_time: { cohort: 'd', when: 'closed_on_time' },
} as const satisfies Record<string, { cohort: 'r' | 'd'; when: string; sum?: string }>;

export type CounterName = keyof typeof COUNTERS;
export type Counters = Record<CounterName, number>;
export const COUNTER_NAMES = Object.keys(COUNTERS) as CounterName[];

export const emptyCounters = (): Counters => Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Counters;

/** SQL of one counter over case rows: `inCohort(cohort)` says whether a row counts for that cohort. */
export function counterSql(name: CounterName, inCohort: (cohort: 'r' | 'd') => string): string {
  const c: { cohort: 'r' | 'd'; when: string; sum?: string } = COUNTERS[name];
  const condition = `(${inCohort(c.cohort)}) AND (${c.when})`;
  return c.sum
    ? `coalesce(sum(${c.sum}) FILTER (WHERE ${condition}), 0)::float8`
    : `(count(*) FILTER (WHERE ${condition}))::int`;
}

export interface Ratio {
  value: number | null;
  numerator: number;
  denominator: number;
}

export const ratio = (numerator: number, denominator: number): Ratio => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

/** The rates of docs/ARCHITECTURE.md "Case figures" from counters (each with its numerator and denominator). */
export function ratesFrom(c: Counters) {
  const decided = c.reported - c.still_reported - c.merged;
  const hours = c.handling_minutes / 60;
  return {
    acceptanceRate: ratio(c.accepted, decided),
    dispatchAccuracy: ratio(c.dispatched_clean, c.dispatched),
    onTimeHandlingRate: ratio(c.handled_on_time, c.handled),
    closureRate: ratio(c.closed, c.due),
    onTimeClosureRate: ratio(c.closed_on_time, c.due),
    reworkRate: ratio(c.reworked, c.handled),
    extensionRate: ratio(c.extended, c.dispatched),
    avgHandlingHours: {
      value: c.timed === 0 ? null : hours / c.timed,
      numerator: hours,
      denominator: c.timed,
    },
    satisfactionRate: ratio(c.satisfied, c.rated),
  };
}
export type Rates = ReturnType<typeof ratesFrom>;
