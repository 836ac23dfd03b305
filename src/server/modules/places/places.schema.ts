import Type from 'typebox';
import { MANAGEMENT_TYPES, PLACE_KINDS } from '../../../shared/place-kinds.js';
import { Nullable, PageQuery, Paged } from '../../http/schemas.js';
import { PLACE_ACTIONS } from './places.policy.js';

export const PlaceKindSchema = Type.Enum(PLACE_KINDS);
export const ManagementTypeSchema = Type.Enum(MANAGEMENT_TYPES);
const CodeSchema = Type.String({
  pattern: '^[0-9]{6,24}$',
  description: 'Digits: GB/T 2260 district code + 3 per level',
});
const Lng = Type.Number({ minimum: -180, maximum: 180, description: 'WGS-84 longitude' });
const Lat = Type.Number({ minimum: -90, maximum: 90, description: 'WGS-84 latitude' });

export const PlaceSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: PlaceKindSchema,
  parentCode: Nullable(Type.String()),
  depth: Type.Integer(),
  address: Nullable(Type.String()),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  managementType: Nullable(ManagementTypeSchema),
  childCount: Type.Integer(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  allowedActions: Type.Array(Type.Enum(PLACE_ACTIONS)),
});

export const PlaceDetailSchema = Type.Object({
  ...PlaceSchema.properties,
  ancestors: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), kind: PlaceKindSchema }), {
    description: 'From the top of what the reader may see down to the parent',
  }),
  descendantCounts: Type.Record(Type.String(), Type.Integer(), {
    description: 'Number of descendants by kind',
  }),
});

export const PlacePage = Paged(PlaceSchema);

export const CodeParams = Type.Object({ code: CodeSchema }, { additionalProperties: false });

export const ChildrenQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 50, description: 'Name, pinyin, pinyin initials or code prefix' }),
    ),
    kind: Type.Optional(PlaceKindSchema),
    within: Type.Optional(CodeSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** The search's filters without paging: an export lists every match. */
export const ExportQuery = Type.Object(
  { q: SearchQuery.properties.q, kind: SearchQuery.properties.kind, within: SearchQuery.properties.within },
  { additionalProperties: false },
);

export const CreatePlaceBody = Type.Object(
  {
    parentCode: CodeSchema,
    kind: PlaceKindSchema,
    code: Type.Optional(CodeSchema),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    lng: Type.Optional(Nullable(Lng)),
    lat: Type.Optional(Nullable(Lat)),
    managementType: Type.Optional(Nullable(ManagementTypeSchema)),
  },
  {
    additionalProperties: false,
    examples: [
      {
        parentCode: '410103001001',
        kind: 'compound',
        name: '示例小区',
        address: '郑州市二七区示例路1号',
        lng: 113.62,
        lat: 34.72,
        managementType: 'unmanaged',
      },
    ],
  },
);

export const UpdatePlaceBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version you read; a stale one answers 409' }),
    code: Type.Optional(CodeSchema),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    lng: Type.Optional(Nullable(Lng)),
    lat: Type.Optional(Nullable(Lat)),
    managementType: Type.Optional(Nullable(ManagementTypeSchema)),
  },
  { additionalProperties: false, examples: [{ version: 1, name: '示例小区（更名）' }] },
);

export const MovePlaceBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), newParentCode: CodeSchema },
  { additionalProperties: false, examples: [{ version: 1, newParentCode: '410103001002' }] },
);

export const DeleteQuery = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
