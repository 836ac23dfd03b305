import { ASSIGNMENT_ACTIONS } from './staff.policy.js';
import Type from 'typebox';
import { GRID_DUTIES, GRID_STAFF_AGENCIES, GRID_STAFF_ROLES } from '../../../shared/grid-staff.js';
import { Nullable, PageQuery, Paged } from '../../http/schemas.js';
import { GridKindSchema, GridRef } from '../grids/grids.schema.js';

const CODE_PATTERN = '^[0-9]{6,24}$';
const DATE = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const GridStaffRoleSchema = Type.Enum(GRID_STAFF_ROLES, {
  description: 'worker (网格员), leader (网格长), specialist (专属网格力量)',
});
export const GridStaffAgencySchema = Type.Enum(GRID_STAFF_AGENCIES);
export const GridDutySchema = Type.Enum(GRID_DUTIES, {
  description: 'The six duties of a grid worker (六员): see src/shared/grid-staff.ts',
});

export const StaffAssignmentSchema = Type.Object({
  id: Type.Integer({ description: 'The assignment' }),
  staffId: Type.Integer({ description: 'The person' }),
  name: Type.String(),
  phoneMasked: Nullable(Type.String()),
  username: Nullable(Type.String({ description: 'The login account linked to the person' })),
  grid: GridRef,
  place: Type.Object({ code: Type.String(), name: Type.String() }),
  role: GridStaffRoleSchema,
  agency: GridStaffAgencySchema,
  duties: Type.Array(GridDutySchema),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String()),
  allowedActions: Type.Array(Type.Enum(ASSIGNMENT_ACTIONS)),
});

export const GridStaffList = Type.Object({
  items: Type.Array(StaffAssignmentSchema),
  allowedActions: Type.Array(Type.Enum(['assign']), { description: 'What the reader may do on this grid' }),
});

export const GridStaffQuery = Type.Object(
  { includeEnded: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);

export const StaffIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, description: 'An assignment' }) },
  { additionalProperties: false },
);

export const AssignBody = Type.Object(
  {
    staffId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'An existing person; otherwise name (and phone) make a new one',
      }),
    ),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    phone: Type.Optional(Type.String({ maxLength: 30, description: 'Mobile or landline; stored encrypted' })),
    username: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'Link a grid-worker account (in your subtree) to the person',
      }),
    ),
    role: GridStaffRoleSchema,
    agency: Type.Optional(GridStaffAgencySchema),
    duties: Type.Optional(
      Type.Array(GridDutySchema, {
        uniqueItems: true,
        maxItems: 6,
        description: 'Default: all six for a worker, none otherwise',
      }),
    ),
    startedOn: Type.Optional(DATE),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: '王建华',
        phone: '13937100001',
        role: 'worker',
        agency: 'community',
        duties: ['info_collection', 'policy_publicity'],
        startedOn: '2026-01-05',
      },
    ],
  },
);

export const EndBody = Type.Object(
  {
    endedOn: Type.Optional(DATE),
    reason: Type.Optional(Type.String({ maxLength: 200, description: 'Kept in the audit trail' })),
  },
  { additionalProperties: false, examples: [{ endedOn: '2026-06-30', reason: '工作调动' }] },
);

export const StaffListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 50, description: 'Name, pinyin initials, or a full phone number' }),
    ),
    grid: Type.Optional(
      Type.String({ pattern: CODE_PATTERN, description: 'A grid code: staff of that grid and below' }),
    ),
    role: Type.Optional(GridStaffRoleSchema),
    agency: Type.Optional(GridStaffAgencySchema),
    within: Type.Optional(
      Type.String({ pattern: CODE_PATTERN, description: 'A place code: staff on grids of that subtree' }),
    ),
    includeEnded: Type.Optional(Type.Boolean({ default: false })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const StaffPage = Paged(StaffAssignmentSchema);

export const GapQuery = Type.Object(
  {
    level: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 4, default: 4, description: '4 = micro-grids' }),
    ),
    kind: Type.Optional(GridKindSchema),
    role: Type.Optional(
      Type.Enum(GRID_STAFF_ROLES, { default: 'worker', description: 'List grids without a current …' }),
    ),
    within: Type.Optional(
      Type.String({ pattern: CODE_PATTERN, description: 'A place code: grids of that subtree' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const GapPage = Type.Object({
  items: Type.Array(
    Type.Object({
      ...GridRef.properties,
      parentCode: Nullable(Type.String()),
      place: Type.Object({ code: Type.String(), name: Type.String() }),
      households: Type.Integer(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  byPlace: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), gaps: Type.Integer() }), {
    description: 'Gaps per place (the community for levels 2–4), all pages, most first',
  }),
});
