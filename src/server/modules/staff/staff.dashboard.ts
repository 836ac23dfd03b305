/** Grid staffing on the command dashboard: micro-grids without a current worker, and the workers serving. */
import { sql } from 'kysely';
import { stateCount } from '../dashboard/dashboard.area-sql.js';
import { areaMicroGrids } from '../grids/grids.dashboard.js';
import type { DashboardSource } from '../manifest.js';

export const staffDashboard: DashboardSource[] = [
  {
    key: 'staff',
    label: { 'zh-CN': '网格力量', en: 'Grid staff' },
    order: 40,
    capability: 'grids.read',
    figures: async (db, area) => {
      const row = await areaMicroGrids(db, area)
        .leftJoin('grid_staff_assignment as a', (join) =>
          join.onRef('a.grid_id', '=', 'g.id').on('a.role', '=', 'worker').on('a.ended_on', 'is', null),
        )
        .select([
          sql<number>`(count(DISTINCT g.id) FILTER (WHERE a.id IS NULL))::int`.as('gaps'),
          sql<number>`(count(DISTINCT a.staff_id))::int`.as('workers'),
        ])
        .executeTakeFirstOrThrow();
      return [
        stateCount('microGridsWithoutWorker', '缺员微网格', 'Micro-grids without a worker', Number(row.gaps)),
        stateCount('gridWorkers', '在岗网格员', 'Grid workers serving', Number(row.workers)),
      ];
    },
  },
];
