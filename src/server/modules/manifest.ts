import type { Command } from 'commander';
import type { FastifyPluginAsync } from 'fastify';
import type { TSchema } from 'typebox';
import type { Kysely, Transaction } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Config } from '../config.js';
import type { AppContext, RequestContext } from '../core/context.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/types.js';
import type { XlsxSheet } from '../core/xlsx-export.js';
import type { ErrorDefinition, Lang } from '../http/messages.js';
import type { Actor } from '../policy/actor.js';
import type { Capability, CapabilityDefinition } from '../policy/capabilities.js';

export interface SeedContext {
  db: Kysely<DB>;
  /** The demo seed number: the same number gives the same district. */
  seed: number;
  /** Share of the source text's households and residents to seed (0 < scale ≤ 1); places and grids are full. */
  scale: number;
  /** Seeded random numbers in [0, 1), private to the module so modules do not disturb each other's draws. */
  random: () => number;
  log: (message: string) => void;
  /**
   * The demo's now: activity (cases, and every later module's records) is generated over the time before it, so a
   * demo seeded on any day is current on that day. Seeding writes it to louyuan_meta `demo.asOf`.
   */
  asOf: Date;
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
  /** When the group's figures were last brought up to date (rollups); the overview shows the oldest. */
  asOf?(db: Kysely<DB>): Promise<Date | null>;
}

/** The query of GET /api/dashboard/export: area, period, section and the sheet's own parameters. */
export interface DashboardExportQuery {
  place?: string;
  grid?: string;
  period?: 'today' | 'week' | 'month' | 'quarter' | 'year' | 'custom';
  from?: string;
  to?: string;
  section: string;
  [parameter: string]: unknown;
}

/** A dashboard table or chart as an Excel sheet (a `section` of the export). */
export interface DashboardSheet {
  section: string;
  name: Record<Lang, string>;
  /** A present state (a watch list): the file is named for today rather than the period. */
  now?: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows differ by sheet
  build(ctx: RequestContext, query: DashboardExportQuery): Promise<XlsxSheet<any>>;
}

/**
 * A table whose rows carry a copy of a tree path, so lists scope with one index range (`path LIKE '/1/5/%'`).
 * Every C-collated `*path` column of the database belongs to one declaration (a database test checks this).
 */
export interface ScopedTable {
  table: string;
  /** The column holding a place path (or, for `place` itself, the tree's own path). */
  placePath?: string;
  /** The column holding a grid path (or, for `grid` itself, the tree's own path). */
  gridPath?: string;
  /**
   * How its paths follow the trees:
   * - 'copy' (default): a copy of the row's place path, rewritten in the moving transaction when a place moves
   *   (a grid-path copy is the module's to re-locate, in its `gridsAdjusted` hook);
   * - 'source': the tree's own path (place.path, grid.path), which the tree's commands keep;
   * - 'history': where something was when it happened (the audit trail), never rewritten;
   * - 'derived': recomputed from another scoped table by the module itself (the dashboard's rollups).
   */
  follows?: 'copy' | 'source' | 'history' | 'derived';
}

/** Leaf grids replaced by an adjustment, and where their ground went, for modules whose rows sit in grids. */
export interface GridsAdjusted {
  groups: {
    /** The grids whose geometry changed or that were retired. */
    touchedIds: number[];
    /** The live grids that now cover that ground (kept and new), with their paths. */
    targets: { id: number; path: string; geometry: unknown }[];
    /** [minLng, minLat, maxLng, maxLat] of everything touched, old and new. */
    box: [number, number, number, number];
    /** The target holding a point, or null. */
    locate(lng: number, lat: number): { id: number; path: string } | null;
  }[];
}

/** What a module's CLI commands get: the configuration, the database and a command-line actor. */
export interface CliKit {
  config: Config;
  /** Open the configured database (migrated unless told not to) and always close it. */
  withDatabase<T>(fn: (database: Database) => Promise<T>, migrate?: boolean): Promise<T>;
  /**
   * A context acting as the district administrator at the root of the place tree (or `role` at `placeCode`),
   * audited as `cli:<OS user>` with no account.
   */
  cliContext(
    database: Database,
    options?: { lang?: Lang; role?: Actor['role']; placeCode?: string },
  ): Promise<RequestContext>;
  /** A command group shared by several modules (e.g. `import`), made by whichever asks first. */
  group(name: string, description: string): Command;
}

/**
 * A module declares itself here; the app, the seeder and the statistics read manifests and keep no lists of
 * their own. Routes are registered under /api unless `prefix` says otherwise.
 */
export interface ModuleManifest {
  name: string;
  /**
   * An app-wide plugin registered at the root before every module's routes (wrap it in fastify-plugin so its hooks
   * apply to all routes): the auth module's resolves who is asking.
   */
  plugin?: FastifyPluginAsync;
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
  /** Sheets of the dashboard's Excel export, and the query parameters they take besides area and period. */
  dashboardSheets?: DashboardSheet[];
  dashboardSheetQuery?: Record<string, TSchema>;
  /**
   * Timers a running server starts after listening and stops before closing (overdue sweeps, webhook sending).
   * Tests never start them: they call the jobs' functions directly.
   */
  background?: (app: AppContext) => { stop(): Promise<void> };
  /** What each role may do at all in this module (`<module>.capabilities.ts`). */
  capabilities?: Record<string, CapabilityDefinition>;
  /** The module's error codes with status and messages (`<module>.errors.ts`). */
  errors?: Record<string, ErrorDefinition>;
  /**
   * Migrations of the module's own tables, by name. Names sort across all modules (the core's are 0001…0008;
   * a module's start with the date it was written, e.g. `20261208_orgs`) and pending ones run in that order; one
   * that sorts before a migration already applied still runs (modules are written in parallel), so a module's
   * migration may touch only its own tables and those of modules it builds on.
   */
  migrations?: Record<string, Migration>;
  /** The module's tables that carry tree paths (see ScopedTable). */
  scopedTables?: ScopedTable[];
  /** Grids were adjusted, in the adjusting transaction: re-locate the module's rows that sit in them. */
  gridsAdjusted?: (trx: Transaction<DB>, change: GridsAdjusted) => Promise<void>;
  /** The module's commands of the `louyuan` CLI. */
  cli?: (program: Command, kit: CliKit) => void;
}
