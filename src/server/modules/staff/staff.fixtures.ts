import type { ModuleFixtures } from '../../testing/walk-fixtures.js';

/** The route walks' fixtures for the staff routes: a current assignment on a grid of the community. */
export const fixtures: ModuleFixtures = {
  async load({ db, community }) {
    const assignment = await db
      .selectFrom('grid_staff_assignment as a')
      .innerJoin('grid as g', 'g.id', 'a.grid_id')
      .select('a.id')
      .where('g.place_id', '=', community.id)
      .where('a.ended_on', 'is', null)
      .orderBy('a.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { values: { assignmentId: assignment.id } };
  },
  params: { id: { '/api/grid-staff/': (v) => ({ value: String(v.assignmentId) }) } },
};
