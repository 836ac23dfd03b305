/**
 * The cases module's figures on the command dashboard, read from the daily rollups (cases.rollup.ts): the period's
 * KPIs beside the same period before, and the open and overdue cases now.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { DashboardArea, DashboardFigure, DashboardPeriod, DashboardSource } from '../../manifest.js';
import { ratesFrom, type Ratio } from './cases.counters.js';
import { rollupAsOf, sumRollupWindows, type RollupSelector } from './cases.rollup.js';

/** The rollup rows an area adds up: its place node, or its grids. */
export function selectorFor(area: DashboardArea): RollupSelector {
  return area.kind === 'place'
    ? { dim: 'place', nodes: [area.placePath] }
    : { dim: 'grid', nodes: area.gridPaths ?? [] };
}

/** Every day: the present state (open, overdue) is carried by the rows of the days the cases were reported. */
export const ALL_DAYS = { fromDay: '1900-01-01', toDay: '9999-12-31' } as const;

const min = (a: string, b: string) => (a < b ? a : b);

type RateKey = Exclude<keyof ReturnType<typeof ratesFrom>, 'dispatchAccuracy'>;

const RATE_FIGURES: { key: RateKey; zh: string; en: string; unit: 'rate' | 'hours'; better: boolean }[] = [
  { key: 'acceptanceRate', zh: '受理率', en: 'Acceptance rate', unit: 'rate', better: true },
  { key: 'onTimeHandlingRate', zh: '按期处置率', en: 'On-time handling rate', unit: 'rate', better: true },
  { key: 'closureRate', zh: '结案率', en: 'Closure rate', unit: 'rate', better: true },
  { key: 'onTimeClosureRate', zh: '按期结案率', en: 'On-time closure rate', unit: 'rate', better: true },
  { key: 'reworkRate', zh: '返工率', en: 'Rework rate', unit: 'rate', better: false },
  { key: 'extensionRate', zh: '延期率', en: 'Extension rate', unit: 'rate', better: false },
  {
    key: 'avgHandlingHours',
    zh: '平均处置时长（工时）',
    en: 'Average handling time (working hours)',
    unit: 'hours',
    better: false,
  },
  { key: 'satisfactionRate', zh: '满意率', en: 'Satisfaction rate', unit: 'rate', better: true },
];

/** The KPIs of an area and period: reported, the rates beside the period before, open and overdue now. */
export async function caseKpis(
  db: Kysely<DB>,
  area: DashboardArea,
  period: DashboardPeriod,
): Promise<DashboardFigure[]> {
  const dueEnd = (toDay: string) => min(toDay, period.today);
  const counted = await sumRollupWindows(db, selectorFor(area), [
    { fromDay: period.fromDay, toDay: period.toDay, dueEnd: dueEnd(period.toDay) },
    { fromDay: period.previousFromDay, toDay: period.previousToDay, dueEnd: dueEnd(period.previousToDay) },
    { ...ALL_DAYS, dueEnd: period.today },
  ]);
  const [now, before, state] = [counted[0]!, counted[1]!, counted[2]!];
  const rates = ratesFrom(now);
  const previousRates = ratesFrom(before);
  const count = (
    key: string,
    zh: string,
    en: string,
    value: number,
    previous: number | null,
    better: boolean | null,
  ): DashboardFigure => ({
    key,
    label: { 'zh-CN': zh, en },
    unit: 'count',
    value,
    previous,
    numerator: null,
    denominator: null,
    higherIsBetter: better,
  });
  const rate = (f: (typeof RATE_FIGURES)[number]): DashboardFigure => {
    const r: Ratio = rates[f.key];
    return {
      key: f.key,
      label: { 'zh-CN': f.zh, en: f.en },
      unit: f.unit,
      value: r.value,
      previous: previousRates[f.key].value,
      numerator: r.numerator,
      denominator: r.denominator,
      higherIsBetter: f.better,
    };
  };
  return [
    count('reported', '上报案件', 'Cases reported', now.reported, before.reported, null),
    ...RATE_FIGURES.map(rate),
    count('open', '在办案件（当前）', 'Open cases (now)', state.open, null, null),
    count('overdue', '超期案件（当前）', 'Overdue cases (now)', state.overdue, null, false),
  ];
}

export const casesDashboard: DashboardSource[] = [
  {
    key: 'cases',
    label: { 'zh-CN': '案件办理', en: 'Cases' },
    order: 10,
    capability: 'cases.read',
    figures: caseKpis,
    asOf: rollupAsOf,
  },
];
