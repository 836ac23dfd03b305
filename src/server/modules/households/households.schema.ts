import { RESIDENT_ACTIONS } from './households.policy.js';
import Type from 'typebox';
import { Nullable, Paged, PageQuery } from '../../http/schemas.js';
import {
  HOUSING_TYPES,
  RELATIONS,
  RESIDENCE_TYPES,
  RESIDENT_TAG_KEYS,
} from '../../../shared/resident-tags.js';

const Code = Type.String({ pattern: '^[0-9]{6,24}$', description: 'place or grid code' });
const Ref = Type.Object({ code: Type.String(), name: Type.String() });

export const RelationSchema = Type.Enum(RELATIONS);
export const ResidenceTypeSchema = Type.Enum(RESIDENCE_TYPES);
export const HousingSchema = Type.Enum(HOUSING_TYPES);
export const TagSchema = Type.Enum(RESIDENT_TAG_KEYS);

export const HouseholdRef = Type.Object({
  id: Type.Integer(),
  address: Type.String(),
  unit: Nullable(Type.String()),
  room: Nullable(Type.String()),
});

export const ResidentSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  gender: Nullable(Type.Enum(['male', 'female'])),
  /** Age in whole years; the birth date itself is part of the ID number and stays masked. */
  age: Nullable(Type.Integer()),
  idNumberMasked: Nullable(Type.String({ description: '6 digits + 8 stars + 4' })),
  phoneMasked: Nullable(Type.String({ description: '3 digits + 4 stars + 4' })),
  relation: RelationSchema,
  residenceType: ResidenceTypeSchema,
  /** Sensitive tags only for roles allowed to see them. */
  tags: Type.Array(TagSchema),
  household: HouseholdRef,
  place: Ref,
  grid: Nullable(Ref),
  version: Type.Integer(),
  allowedActions: Type.Array(Type.Enum(RESIDENT_ACTIONS)),
});

export const ResidentDetailSchema = Type.Object({
  ...ResidentSchema.properties,
  note: Nullable(Type.String()),
  housemates: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      relation: RelationSchema,
      age: Nullable(Type.Integer()),
    }),
  ),
});

export const ResidentPage = Paged(ResidentSchema);

export const ResidentListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'name (prefix), pinyin initials, a full ID number or phone (exact, by keyed hash), or the masked forms 410103********1234 / 138****8000',
      }),
    ),
    address: Type.Optional(Type.String({ maxLength: 60, description: 'part of the household address' })),
    within: Type.Optional(Code),
    grid: Type.Optional(Code),
    tag: Type.Optional(TagSchema),
    residenceType: Type.Optional(ResidenceTypeSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ResidentIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) },
  { additionalProperties: false },
);
export const HouseholdIdParams = ResidentIdParams;

export const RevealBody = Type.Object(
  {
    field: Type.Enum(['idNumber', 'phone']),
    reason: Type.String({
      minLength: 2,
      maxLength: 200,
      description: 'why the full value is needed (kept in the audit trail)',
    }),
  },
  { additionalProperties: false, examples: [{ field: 'phone', reason: '入户走访联系' }] },
);
export const RevealResult = Type.Object({
  field: Type.Enum(['idNumber', 'phone']),
  value: Nullable(Type.String()),
});

export const HouseholdSchema = Type.Object({
  id: Type.Integer(),
  address: Type.String(),
  unit: Nullable(Type.String()),
  room: Nullable(Type.String()),
  housing: HousingSchema,
  members: Type.Integer(),
  head: Nullable(Type.String({ description: 'name of the head of household' })),
  place: Ref,
  grid: Nullable(Ref),
  version: Type.Integer(),
});
export const HouseholdPage = Paged(HouseholdSchema);
export const HouseholdDetailSchema = Type.Object({
  ...HouseholdSchema.properties,
  residents: Type.Array(ResidentSchema),
});

export const HouseholdListQuery = Type.Object(
  {
    address: Type.Optional(Type.String({ maxLength: 60, description: 'part of the address' })),
    within: Type.Optional(Code),
    grid: Type.Optional(Code),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ResidentCreateBody = Type.Object(
  {
    placeCode: Code,
    unit: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    room: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    housing: Type.Optional(HousingSchema),
    relation: RelationSchema,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    residenceType: ResidenceTypeSchema,
    tags: Type.Optional(Type.Array(TagSchema, { maxItems: 12, uniqueItems: true })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  {
    additionalProperties: false,
    examples: [
      {
        placeCode: '410103001001001001',
        unit: '1单元',
        room: '502',
        relation: 'head',
        name: '王建国',
        idNumber: '410103195803121233',
        phone: '13803711234',
        residenceType: 'registered',
        tags: ['party_member'],
      },
    ],
  },
);

export const ResidentUpdateBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    relation: Type.Optional(RelationSchema),
    residenceType: Type.Optional(ResidenceTypeSchema),
    tags: Type.Optional(Type.Array(TagSchema, { maxItems: 12, uniqueItems: true })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false, examples: [{ version: 1, phone: '13903712345', tags: ['elderly_alone'] }] },
);

const { page: _page, pageSize: _pageSize, ...ResidentFilterProperties } = ResidentListQuery.properties;
export const ResidentExportQuery = Type.Object(ResidentFilterProperties, { additionalProperties: false });
