import { SURNAMES, GIVEN } from './staff.demo-names.js';
import { at, demoMobile, pick, shuffled, type Rng } from '../../core/demo-utils.js';
import {
  GRID_DUTIES,
  type GridDuty,
  type GridStaffAgency,
  type GridStaffRole,
} from '../../../shared/grid-staff.js';

/**
 * Demo staff on the demo grids. PURE and deterministic: the same grids and the same random stream give the same
 * people, phones and assignments.
 *
 * Decisions
 * - Base micro-grids: one worker each (all six duties), except a seeded GAP_SHARE of them (2 %) left without a
 *   worker so the gap list is real. Within a level-3 grid a worker serves two neighbouring micro-grids (the next
 *   sibling in code order) with probability PAIR_SHARE, so some people serve two grids.
 * - Every base level-3 grid has a leader (网格长) of its own, from the community.
 * - The Erqi commercial district (二七商圈专属网格, "近500人的全要素专属网格员队伍"): its level-1 and each level-2
 *   grid are led by the management committee; each level-3 grid has a police officer, an urban-management
 *   officer, a patrol member and a mall-security member; each micro-grid a patrol member as its worker and a
 *   mall-security member (1 + 6 + 49 × 4 + 148 × 2 = 499 people).
 * - The other overlay grids (trades, economic, kinship) have no staff in the demo.
 * - Linked accounts: each given account (grid1, grid2) is the worker of the first LINKED_MICRO micro-grids of the
 *   first level-3 grid of its community (never gaps), so a grid worker's login has real grids to see.
 * - Names: a common surname (weighted towards Henan's most frequent) and a one- or two-character given name;
 *   phones: distinct mobiles on real mainland prefixes; start dates between 2019 and mid-2026.
 */

export interface StaffDemoGrid {
  code: string;
  parentCode: string | null;
  level: number;
  kind: 'base' | 'specialised' | 'economic' | 'kinship';
  placeCode: string;
}

export interface DemoStaffPerson {
  name: string;
  phone: string;
  /** The login account this person is (grid1, grid2), or null. */
  username: string | null;
}

export interface DemoStaffAssignment {
  /** Index into `people`. */
  person: number;
  gridCode: string;
  role: GridStaffRole;
  agency: GridStaffAgency;
  duties: GridDuty[];
  startedOn: string;
}

export interface DemoStaff {
  people: DemoStaffPerson[];
  assignments: DemoStaffAssignment[];
  /** Base micro-grids left without a worker. */
  gaps: string[];
}

export const GAP_SHARE = 0.02;
export const PAIR_SHARE = 0.15;
export const LINKED_MICRO = 2;
export const COMMERCIAL_CODE = '410103901';

function personName(rng: Rng): string {
  const given = rng() < 0.3 ? pick(rng, GIVEN) : `${pick(rng, GIVEN)}${pick(rng, GIVEN)}`;
  return `${pick(rng, SURNAMES)}${given}`;
}

function startDate(rng: Rng): string {
  // 2019-01-01 + up to 7.5 years, as a calendar date (no clock, no time zone)
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rng() * 2738) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** Demo staff for the given grids (base tree and overlays), drawn from `rng`. */
export function generateDemoStaff(
  grids: readonly StaffDemoGrid[],
  rng: Rng,
  accounts: readonly { username: string; communityCode: string }[] = [],
): DemoStaff {
  const people: DemoStaffPerson[] = [];
  const assignments: DemoStaffAssignment[] = [];
  const phones = new Set<string>();
  const newPerson = (username: string | null = null): number => {
    let phone: string;
    do phone = demoMobile(rng);
    while (phones.has(phone));
    phones.add(phone);
    people.push({ name: personName(rng), phone, username });
    return people.length - 1;
  };
  const assign = (
    person: number,
    gridCode: string,
    role: GridStaffRole,
    agency: GridStaffAgency,
    duties: GridDuty[] = [],
  ) => assignments.push({ person, gridCode, role, agency, duties, startedOn: startDate(rng) });

  const sorted = [...grids].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const childrenOf = new Map<string, StaffDemoGrid[]>();
  for (const g of sorted) {
    if (g.parentCode === null) continue;
    const list = childrenOf.get(g.parentCode) ?? [];
    list.push(g);
    childrenOf.set(g.parentCode, list);
  }
  const baseLevel3 = sorted.filter((g) => g.kind === 'base' && g.level === 3);
  const baseMicro = sorted.filter((g) => g.kind === 'base' && g.level === 4);

  // The linked accounts' micro-grids come first and are never gaps.
  const linked = new Map<string, string>();
  for (const account of accounts) {
    const level3 = baseLevel3.find((g) => g.placeCode === account.communityCode);
    if (!level3) throw new Error(`demo staff: no level-3 grid in community ${account.communityCode}`);
    const micro = (childrenOf.get(level3.code) ?? []).slice(0, LINKED_MICRO);
    const person = newPerson(account.username);
    for (const m of micro) {
      linked.set(m.code, account.username);
      assign(person, m.code, 'worker', 'community', [...GRID_DUTIES]);
    }
  }
  const gapCount = Math.round(baseMicro.length * GAP_SHARE);
  const gaps = new Set(
    shuffled(
      rng,
      baseMicro.filter((g) => !linked.has(g.code)),
    )
      .slice(0, gapCount)
      .map((g) => g.code),
  );

  for (const level3 of baseLevel3) {
    assign(newPerson(), level3.code, 'leader', 'community');
    const micro = (childrenOf.get(level3.code) ?? []).filter((g) => g.kind === 'base');
    for (let i = 0; i < micro.length; i++) {
      const grid = at(micro, i);
      if (gaps.has(grid.code) || linked.has(grid.code)) continue;
      const person = newPerson();
      assign(person, grid.code, 'worker', 'community', [...GRID_DUTIES]);
      const next = micro[i + 1];
      if (next && !gaps.has(next.code) && !linked.has(next.code) && rng() < PAIR_SHARE) {
        assign(person, next.code, 'worker', 'community', [...GRID_DUTIES]);
        i++;
      }
    }
  }

  // The commercial district's multi-agency team.
  for (const grid of sorted.filter((g) => g.code.startsWith(COMMERCIAL_CODE))) {
    if (grid.level <= 2) assign(newPerson(), grid.code, 'leader', 'management_committee');
    else if (grid.level === 3) {
      assign(newPerson(), grid.code, 'specialist', 'police', ['safety_patrol', 'dispute_mediation']);
      assign(newPerson(), grid.code, 'specialist', 'urban_management', ['safety_patrol', 'policy_publicity']);
      assign(newPerson(), grid.code, 'specialist', 'patrol', ['safety_patrol']);
      assign(newPerson(), grid.code, 'specialist', 'mall_security', ['safety_patrol', 'info_collection']);
    } else {
      assign(newPerson(), grid.code, 'worker', 'patrol', [...GRID_DUTIES]);
      assign(newPerson(), grid.code, 'specialist', 'mall_security', ['safety_patrol', 'info_collection']);
    }
  }
  return { people, assignments, gaps: [...gaps].sort() };
}
