/** The grids' figures on the command dashboard: micro-grids in the area and the households each holds, now. */
import { sql } from 'kysely';
import { stateCount } from '../dashboard/dashboard.area-sql.js';
import type { DashboardArea, DashboardSource } from '../manifest.js';
import { underPath } from '../../core/sql.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** The live base micro-grids of an area (alias g, joined to its place p). */
export function areaMicroGrids(db: Kysely<DB>, area: DashboardArea) {
  let q = db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .where('g.kind', '=', 'base')
    .where('g.level', '=', 4)
    .where('g.retired_at', 'is', null)
    .where('p.path', 'like', underPath(area.placePath));
  if (area.kind !== 'place') {
    const paths = area.gridPaths ?? [];
    q = q.where(
      paths.length === 0
        ? sql<boolean>`false`
        : sql<boolean>`(${sql.join(
            paths.map((path) => sql`g.path LIKE ${underPath(path)}`),
            sql` OR `,
          )})`,
    );
  }
  return q;
}

export const gridsDashboard: DashboardSource[] = [
  {
    key: 'grids',
    label: { 'zh-CN': '网格', en: 'Grids' },
    order: 30,
    capability: 'grids.read',
    figures: async (db, area) => {
      const row = await areaMicroGrids(db, area)
        .select([
          (eb) => eb.fn.countAll<number>().as('n'),
          sql<number>`coalesce(sum(g.households), 0)::int`.as('households'),
        ])
        .executeTakeFirstOrThrow();
      const n = Number(row.n);
      return [
        stateCount('microGrids', '微网格', 'Micro-grids', n),
        {
          key: 'householdsPerGrid',
          label: { 'zh-CN': '户均网格规模（户/微网格）', en: 'Households per micro-grid' },
          unit: 'average',
          value: n === 0 ? null : Number(row.households) / n,
          previous: null,
          numerator: Number(row.households),
          denominator: n,
          higherIsBetter: null,
        },
      ];
    },
  },
];
