import { sql, type Expression, type SqlBool } from 'kysely';
import type { DashboardArea, DashboardFigure } from '../manifest.js';
import { underPath } from '../../core/sql.js';

/**
 * The WHERE condition "this row lies in the dashboard's area", for tables carrying copies of their place path and
 * micro-grid path (households, residents, cases): `path` under the place, and for a grid area `grid_path` under
 * one of its grids.
 */
export function inArea(area: DashboardArea, pathColumn: string, gridPathColumn: string): Expression<SqlBool> {
  const place = sql<SqlBool>`${sql.ref(pathColumn)} LIKE ${underPath(area.placePath)}`;
  if (area.kind === 'place' || !area.gridPaths) return place;
  if (area.gridPaths.length === 0) return sql<SqlBool>`false`;
  const grids = sql.join(
    area.gridPaths.map((p) => sql`${sql.ref(gridPathColumn)} LIKE ${underPath(p)}`),
    sql` OR `,
  );
  return sql<SqlBool>`(${place} AND (${grids}))`;
}

/** A figure of the present state (a count, no period before to compare with). */
export function stateCount(key: string, zh: string, en: string, value: number): DashboardFigure {
  return {
    key,
    label: { 'zh-CN': zh, en },
    unit: 'count',
    value,
    previous: null,
    numerator: null,
    denominator: null,
    higherIsBetter: null,
  };
}
