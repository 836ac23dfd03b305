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
  /**
   * Timers a running server starts after listening and stops before closing (overdue sweeps, webhook sending).
   * Tests never start them: they call the jobs' functions directly.
   */
  background?: (app: AppContext) => { stop(): Promise<void> };
}
