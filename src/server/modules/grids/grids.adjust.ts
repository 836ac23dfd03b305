import { runCommand } from '../../core/command.js';
import type { RequestContext } from '../../core/context.js';
import { forgetLocator } from './grids.queries.js';
import { applyPlan, commonPath } from './grids.adjust-apply.js';
import { planAdjustment, type AdjustmentInput, type AdjustmentOutcome } from './grids.adjust-plan.js';

export * from './grids.adjust-plan.js';
export { applyPlan, groupFindings } from './grids.adjust-apply.js';

/**
 * Grid adjustments (网格调整): split, merge and redraw, versioned.
 *
 * Scope: LEAF grids only — base micro-grids (level 4) and overlay grids without children. An adjustment replaces
 * a set of SIBLING leaf grids (one parent; overlay roots count as siblings of each other) by new geometries:
 * - split:  one grid → n ≥ 2 new grids; the new codes are the next free sequence numbers under the parent (never
 *           a retired code), the old grid is retired;
 * - merge:  n ≥ 2 siblings → one grid; the lowest code survives with the merged geometry (the union of the old
 *           ones unless a geometry is given), the others are retired;
 * - redraw: the same grids (codes stable) get new polygons, e.g. moving the shared boundary of two neighbours;
 * - import: (GeoJSON/Shapefile files) any mix of redraws and new grids under existing parents, group by group.
 *
 * Before anything is written the coverage check runs on each parent with its proposed children (gaps, overlaps,
 * children outside the parent, invalid polygons; for overlays: validity and lying inside the district). Any such
 * finding refuses the whole adjustment (422 COVERAGE_BROKEN, the findings in the error details) and nothing is
 * written; `dryRun` answers the same findings and the households that would move, without writing.
 *
 * Writing, in one transaction (runCommand, audited): a `grid_adjustment` row; for every grid touched its open
 * `grid_version` row is closed (a grid never adjusted first gets its version-1 row, valid from its creation) and
 * a new one opened for a grid that lives on; retired grids get `retired_at`; every household whose micro-grid
 * was touched or whose point lies in the touched area is located again among the new geometries, and
 * household.grid_id/grid_path and resident.grid_path follow it; `grid.households` is recounted for the touched
 * micro-grids (their households) and every ancestor (the sum of its live children); the grids' version is
 * bumped so every process rebuilds its locator.
 */

export async function adjustGrids(ctx: RequestContext, input: AdjustmentInput): Promise<AdjustmentOutcome> {
  const dryRun = input.dryRun ?? false;
  const outcome = await runCommand(
    ctx,
    dryRun ? 'grids.adjust.dry_run' : `grids.${input.kind}`,
    async (trx) => {
      const plan = await planAdjustment(trx, ctx.actor, input);
      const result = await applyPlan(trx, ctx.actor, plan, dryRun);
      const paths = [...plan.groups.flatMap((g) => [...g.updates.map((u) => u.grid), ...g.retire])].map(
        (g) => g.place_path,
      );
      return {
        value: result,
        audit: {
          subjectType: 'grid_adjustment',
          subjectId: String(result.adjustmentId ?? input.codes.join(',')),
          placePath: commonPath(paths),
          details: {
            kind: input.kind,
            reason: input.reason,
            codes: input.codes,
            dryRun,
            ok: result.ok,
            retired: result.retired,
            created: result.created.map((c) => c.code),
            householdsMoved: result.moves.total,
          },
        },
      };
    },
    { subjectType: 'grid', subjectId: input.codes.join(',') },
  );
  if (!dryRun) forgetLocator(ctx.app.database.db);
  return outcome;
}

// ---- reading the history ----------------------------------------------------------------------------------------

/** A grid by code, live or retired, authorized for grids.read. */
