/// <reference types="vite/client" />
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { Session } from './app.js';

/**
 * What a module gives the route walks (access, scope matrix, bad input, fuzz) for its own routes: its records in
 * one community's subtree, and fixtures for its path parameters made from them. A module keeps this in
 * `src/server/modules/<module>/<module>.fixtures.ts` (exporting `fixtures`); the walks find every such file, so a
 * new module with path parameters touches no shared test file. Test support only: no manifest imports it.
 */
export type FixtureValues = Record<string, string | number>;

export interface FixtureContext {
  db: Kysely<DB>;
  community: { id: number; code: string; path: string };
  /** A staff account of the community: what the module's records may be made as. */
  owner: Session;
}

export interface ModuleFixtures {
  load(ctx: FixtureContext): Promise<{ values: FixtureValues; identifiers?: string[] }>;
  /** By path parameter name, then URL prefix (the longest matching prefix wins over the shared table's too). */
  params: Record<string, Record<string, (values: FixtureValues) => { value: string; version?: number }>>;
}

const found = import.meta.glob<{ fixtures: ModuleFixtures }>('../modules/*/*.fixtures.ts', { eager: true });

/** Every module's fixtures, by module folder name. */
export function moduleFixtures(): [string, ModuleFixtures][] {
  return Object.entries(found).map(([file, loaded]) => [
    /modules\/([^/]+)\//.exec(file)?.[1] ?? file,
    loaded.fixtures,
  ]);
}

/** Load every module's fixtures for one community. */
export async function loadModuleFixtures(
  ctx: FixtureContext,
): Promise<{ values: Record<string, FixtureValues>; identifiers: string[] }> {
  const values: Record<string, FixtureValues> = {};
  const identifiers: string[] = [];
  for (const [name, fixtures] of moduleFixtures()) {
    const loaded = await fixtures.load(ctx);
    values[name] = loaded.values;
    identifiers.push(...(loaded.identifiers ?? []));
  }
  return { values, identifiers };
}

/** The module fixtures for one parameter of a URL, as [prefix, make] pairs over loaded values. */
export function moduleParamFixtures(
  param: string,
  values: Record<string, FixtureValues>,
): Record<string, () => { value: string; version?: number }> {
  const out: Record<string, () => { value: string; version?: number }> = {};
  for (const [name, fixtures] of moduleFixtures()) {
    for (const [prefix, make] of Object.entries(fixtures.params[param] ?? {})) {
      out[prefix] = () => make(values[name] ?? {});
    }
  }
  return out;
}
