/**
 * The registry's figures on the command dashboard: households, residents and the residents under each tag that
 * is not sensitive (PIPL art. 28 tags are counted nowhere on the dashboard, whoever looks), now.
 */
import { sql } from 'kysely';
import { RESIDENT_TAGS } from '../../../shared/resident-tags.js';
import { inArea, stateCount } from '../dashboard/dashboard.area-sql.js';
import type { DashboardSource } from '../manifest.js';
import { TAG_NAMES_ZH } from './households.records.js';

const TAG_NAMES_EN: Record<string, string> = {
  elderly_alone: 'Elderly living alone',
  elderly_80: 'Aged 80 and over',
  left_behind_child: 'Left-behind children',
  party_member: 'Party members',
  veteran: 'Veterans',
  five_elders: '"Five elders"',
  volunteer: 'Volunteers',
};
const OPEN_TAGS = RESIDENT_TAGS.filter((t) => !t.sensitive).map((t) => t.key);

export const householdsDashboard: DashboardSource[] = [
  {
    key: 'registry',
    label: { 'zh-CN': '实有人口', en: 'Registry' },
    order: 20,
    capability: 'residents.read',
    figures: async (db, area) => {
      const households = await db
        .selectFrom('household')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(inArea(area, 'household.path', 'household.grid_path'))
        .executeTakeFirstOrThrow();
      const residents = await db
        .selectFrom('resident')
        .select([
          (eb) => eb.fn.countAll<number>().as('n'),
          ...OPEN_TAGS.map((tag) =>
            sql<number>`count(*) FILTER (WHERE tags @> ARRAY[${tag}]::text[])`.as(`tag_${tag}`),
          ),
        ])
        .where(inArea(area, 'resident.path', 'resident.grid_path'))
        .executeTakeFirstOrThrow();
      const row = residents as Record<string, unknown>;
      return [
        stateCount('households', '实有户数', 'Households', Number(households.n)),
        stateCount('residents', '实有人口', 'Residents', Number(residents.n)),
        ...OPEN_TAGS.map((tag) =>
          stateCount(
            `tag.${tag}`,
            TAG_NAMES_ZH[tag],
            TAG_NAMES_EN[tag] ?? tag,
            Number(row[`tag_${tag}`] ?? 0),
          ),
        ),
      ];
    },
  },
];
