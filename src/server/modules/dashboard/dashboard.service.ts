/**
 * The command dashboard (指挥中心 · 驾驶舱): the figure groups modules contribute through their manifests. The
 * views built on them (the cases' trend, categories, rankings and map) are the contributing modules' routes. See
 * docs/ARCHITECTURE.md, "Dashboard and rollups".
 */
import type { RequestContext } from '../../core/context.js';
import { can } from '../../policy/capabilities.js';
import type { ModuleManifest } from '../manifest.js';
import { areaView, periodView, resolveAreaAndPeriod, type DashboardQuery } from './dashboard.area.js';

export type { DashboardQuery } from './dashboard.area.js';

export async function dashboardOverview(
  ctx: RequestContext,
  query: DashboardQuery,
  modules: readonly ModuleManifest[],
) {
  const { area, period } = await resolveAreaAndPeriod(ctx, query);
  const db = ctx.app.database.db;
  const sources = modules
    .flatMap((m) => m.dashboard ?? [])
    .filter((s) => can(ctx.actor.role, s.capability))
    .sort((a, b) => a.order - b.order);
  // The groups are independent reads: asked at once, the overview waits for the slowest, not for their sum.
  const [asOfs, ...groups] = await Promise.all([
    Promise.all(sources.map((s) => s.asOf?.(db) ?? null)),
    ...sources.map(async (source) => {
      const figures = await source.figures(db, area, period);
      return {
        key: source.key,
        label: source.label[ctx.lang],
        figures: figures.map((f) => ({ ...f, label: f.label[ctx.lang] })),
      };
    }),
  ]);
  // the oldest "as of" of the groups that keep derived figures (the cases' rollups)
  const asOf = asOfs.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
  return { area: areaView(area), period: periodView(period), asOf: asOf?.toISOString() ?? null, groups };
}
export type DashboardOverview = Awaited<ReturnType<typeof dashboardOverview>>;
