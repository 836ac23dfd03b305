import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../core/context.js';
import type { DB } from '../db/types.js';
import type { Lang } from '../http/messages.js';
import type { Actor } from '../policy/actor.js';
import type { Capability } from '../policy/capabilities.js';

export interface SeedContext {
  db: Kysely<DB>;
  /** The demo seed number: the same number gives the same district. */
  seed: number;
  /** Share of the source text's households and residents to seed (0 < scale ≤ 1); places and grids are full. */
  scale: number;
  /** Seeded random numbers in [0, 1), private to the module so modules do not disturb each other's draws. */
  random: () => number;
  log: (message: string) => void;
}

/** A figure a module contributes to the home page and dashboards, computed from records in the actor's scope. */
export interface StatDefinition {
  key: string;
  label: Record<Lang, string>;
  /** Only actors with this capability see the figure. */
  capability: Capability;
  compute(db: Kysely<DB>, actor: Actor): Promise<number | null>;
}

/**
 * The area a dashboard shows: a place (district, street or community: everything under `placePath`), or grids
 * (one chosen grid, or the grids a grid worker serves: everything under any of `gridPaths`, which are disjoint).
 */
export interface DashboardArea {
  kind: 'place' | 'grid' | 'grids';
  /** The place path the area lies under (for grids: the narrowest place holding them). */
  placePath: string;
  /** null for a place area. */
  gridPaths: string[] | null;
}

/** A period of whole Beijing calendar days [fromDay, toDay), the same length before it, and today. */
export interface DashboardPeriod {
  fromDay: string;
  toDay: string;
  previousFromDay: string;
  previousToDay: string;
  today: string;
}

export interface DashboardFigure {
  key: string;
  label: Record<Lang, string>;
  unit: 'count' | 'rate' | 'hours' | 'average';
  value: number | null;
  /** The same figure over the period before (null when it has none: a present state such as a count of people). */
  previous: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Whether a rise is good news (colours the change); null when neither. */
  higherIsBetter: boolean | null;
}

/**
 * A group of figures a module contributes to the command dashboard, computed from records for an area and a
 * period. The dashboard reads these from the manifests and knows none of them by name.
 */
export interface DashboardSource {
  key: string;
  label: Record<Lang, string>;
  /** Groups are shown in ascending order. */
  order: number;
  /** Only actors with this capability see the group. */
  capability: Capability;
  figures(db: Kysely<DB>, area: DashboardArea, period: DashboardPeriod): Promise<DashboardFigure[]>;
}

/**
 * A module declares itself here; the app, the seeder and the statistics read manifests and keep no lists of
 * their own. Routes are registered under /api unless `prefix` says otherwise.
 */
export interface ModuleManifest {
  name: string;
  routes?: FastifyPluginAsync;
  /**
   * Where the routes live instead of /api (a standard API with its own URL and error shape, e.g. Open311 at
   * /open311/v2). Such routes get no session, CSRF or login from the app: the plugin authenticates on its own
   * and sets its own error handler.
   */
  prefix?: string;
  /** Demo data, run in ascending order by `louyuan seed --demo`. */
  seed?: { order: number; run(ctx: SeedContext): Promise<void> };
  stats?: StatDefinition[];
  /** Figure groups for the command dashboard. */
  dashboard?: DashboardSource[];
  /**
   * Timers a running server starts after listening and stops before closing (overdue sweeps, webhook sending).
   * Tests never start them: they call the jobs' functions directly.
   */
  background?: (app: AppContext) => { stop(): Promise<void> };
}
