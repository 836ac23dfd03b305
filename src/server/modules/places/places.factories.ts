import type { AppContext } from '../../core/context.js';
import type { ManagementType, PlaceKind } from '../../db/types.js';
import { factoryContext, uniqueName } from '../../testing/factories.js';
import { createPlace } from './places.service.js';

export interface BuiltPlace {
  code: string;
  name: string;
  path: string;
  kind: PlaceKind;
  version: number;
}

/** A place under `parentCode` (default: the district root), made by the place.create command. */
export async function buildPlace(
  app: AppContext,
  input: {
    kind: PlaceKind;
    parentCode?: string;
    name?: string;
    managementType?: ManagementType;
    lng?: number;
    lat?: number;
  },
): Promise<BuiltPlace> {
  const ctx = await factoryContext(app);
  const place = await createPlace(ctx, {
    parentCode: input.parentCode ?? ctx.actor.placeCode,
    kind: input.kind,
    name: input.name ?? uniqueName(`测试${input.kind}`),
    ...(input.managementType ? { managementType: input.managementType } : {}),
    ...(input.lng !== undefined ? { lng: input.lng, lat: input.lat ?? null } : {}),
  });
  const row = await app.database.db
    .selectFrom('place')
    .select(['code', 'name', 'path', 'kind', 'version'])
    .where('code', '=', place.code)
    .executeTakeFirstOrThrow();
  return row;
}

/** A street of its own under the district, with `communities` communities (default 1). */
export async function buildStreet(
  app: AppContext,
  communities = 1,
): Promise<{ street: BuiltPlace; communities: BuiltPlace[] }> {
  const street = await buildPlace(app, { kind: 'street' });
  const list: BuiltPlace[] = [];
  for (let i = 0; i < communities; i++)
    list.push(await buildPlace(app, { kind: 'community', parentCode: street.code }));
  return { street, communities: list };
}

/** A compound in a community (unmanaged unless told otherwise), and its buildings. */
export async function buildCompound(
  app: AppContext,
  communityCode: string,
  options: { managementType?: ManagementType; buildings?: number } = {},
): Promise<{ compound: BuiltPlace; buildings: BuiltPlace[] }> {
  const compound = await buildPlace(app, {
    kind: 'compound',
    parentCode: communityCode,
    managementType: options.managementType ?? 'unmanaged',
  });
  const buildings: BuiltPlace[] = [];
  for (let i = 0; i < (options.buildings ?? 0); i++) {
    buildings.push(await buildPlace(app, { kind: 'building', parentCode: compound.code }));
  }
  return { compound, buildings };
}
