import Type from 'typebox';
import { Nullable, Paged, PageQuery } from '../../http/schemas.js';
import {
  CASE_ACTIONS,
  CASE_LEVELS,
  CASE_STATUSES,
  CHANNELS,
  CLOSURE_REASONS,
  HANDLER_KINDS,
  RATING_REASONS,
} from '../../../shared/case-workflow.js';

const Ref = Type.Object({ code: Type.String(), name: Type.String() });
const Instant = Type.String({ format: 'date-time' });
const Deadline = Nullable(Type.Object({ dueAt: Instant, state: Type.Enum(['ok', 'warning', 'overdue']) }));
const Free = Type.Record(Type.String(), Type.Unknown());

export const CaseStatusSchema = Type.Enum(CASE_STATUSES);
export const CaseActionSchema = Type.Enum(CASE_ACTIONS);
export const HandlerKindSchema = Type.Enum(HANDLER_KINDS);

export const CaseIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const DuplicateSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  status: CaseStatusSchema,
  reportedAt: Instant,
  description: Type.String(),
  distanceM: Type.Integer(),
});

export const CaseSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: 'the case number: local date + sequence' }),
  status: CaseStatusSchema,
  statusLabel: Type.String(),
  category: Ref,
  description: Type.String(),
  address: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  place: Ref,
  grid: Nullable(Ref),
  channel: Type.Enum(CHANNELS),
  level: Type.Enum(CASE_LEVELS),
  handler: Nullable(Type.Object({ kind: HandlerKindSchema, name: Nullable(Type.String()) })),
  urgent: Type.Boolean(),
  supervised: Type.Boolean(),
  onTheSpot: Type.Boolean(),
  pendingRequest: Nullable(Type.Enum(['extension', 'deferral'])),
  reporter: Nullable(Type.Object({ name: Nullable(Type.String()), phoneMasked: Nullable(Type.String()) })),
  attributes: Free,
  reportedAt: Instant,
  acceptedAt: Nullable(Instant),
  dispatchedAt: Nullable(Instant),
  handledAt: Nullable(Instant),
  closedAt: Nullable(Instant),
  deadlines: Type.Object({ accept: Deadline, dispatch: Deadline, handle: Deadline }),
  current: Deadline,
  counts: Type.Object({
    returned: Type.Integer(),
    rework: Type.Integer(),
    escalation: Type.Integer(),
    extension: Type.Integer(),
  }),
  handledOnTime: Nullable(Type.Boolean()),
  closedOnTime: Nullable(Type.Boolean()),
  closureReason: Nullable(Type.Enum(CLOSURE_REASONS)),
  rejectionReason: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  ratingReasons: Type.Array(Type.String()),
  ratingComment: Nullable(Type.String()),
  mergedInto: Nullable(Type.Integer()),
  version: Type.Integer(),
  allowedActions: Type.Array(CaseActionSchema),
});

export const PhotoSchema = Type.Object({
  id: Type.Integer(),
  stage: Type.Enum(['before', 'after', 'update']),
  eventId: Nullable(Type.Integer()),
  width: Type.Integer(),
  height: Type.Integer(),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  url: Type.String(),
  thumbUrl: Type.String(),
  createdAt: Instant,
});

export const TimelineStepSchema = Type.Object({
  id: Type.Integer(),
  at: Instant,
  actorName: Type.String(),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
  public: Type.Boolean(),
  details: Free,
  photoIds: Type.Array(Type.Integer()),
});

export const CaseDetailSchema = Type.Object({
  ...CaseSchema.properties,
  timeline: Type.Array(TimelineStepSchema),
  photos: Type.Array(PhotoSchema),
  duplicates: Type.Array(DuplicateSchema),
});

export const CasePage = Paged(CaseSchema);

const CaseFilterProps = {
  q: Type.Optional(Type.String({ maxLength: 100, description: 'case number, hotline number, or text' })),
  status: Type.Optional(Type.Array(CaseStatusSchema, { maxItems: 10 })),
  category: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$' })),
  within: Type.Optional(Type.String({ pattern: '^[0-9]{6,24}$', description: 'place code' })),
  grid: Type.Optional(Type.String({ pattern: '^[0-9]{6,30}$', description: 'grid code' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  overdue: Type.Optional(Type.Boolean()),
  supervised: Type.Optional(Type.Boolean()),
  mine: Type.Optional(Type.Boolean({ description: 'only cases I (my unit, my department) handle now' })),
  channel: Type.Optional(Type.Enum(CHANNELS)),
};

export const CaseListQuery = Type.Object(
  { ...CaseFilterProps, ...PageQuery },
  { additionalProperties: false },
);

export const CaseCreateBody = Type.Object(
  {
    categoryCode: Type.String({ pattern: '^[0-9]{4}$' }),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    crs: Type.Optional(Type.Enum(['wgs84', 'gcj02'])),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    attributes: Type.Optional(Free),
    urgent: Type.Optional(Type.Boolean()),
    onTheSpot: Type.Optional(
      Type.Boolean({ description: 'grid workers: fixing it now, dispatched to myself' }),
    ),
    reporterName: Type.Optional(Type.String({ maxLength: 50 })),
    reporterPhone: Type.Optional(Type.String({ maxLength: 20 })),
    channel: Type.Optional(Type.Enum(['console', 'grid_app'])),
  },
  {
    additionalProperties: false,
    examples: [
      {
        categoryCode: '1001',
        description: '3号楼2单元有人从五楼窗口拉电线给电动车充电',
        lng: 113.61,
        lat: 34.73,
        channel: 'console',
      },
    ],
  },
);

export const CaseCreated = Type.Object({
  case: CaseSchema,
  publicToken: Type.String(),
  duplicates: Type.Array(DuplicateSchema),
});

export const TransitionBody = Type.Object(
  {
    action: CaseActionSchema,
    version: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    handler: Type.Optional(
      Type.Object(
        {
          kind: HandlerKindSchema,
          userId: Type.Optional(Type.Integer({ minimum: 1 })),
          departmentCode: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
        },
        { additionalProperties: false },
      ),
    ),
    departments: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z_]{2,40}$' }), { minItems: 1, maxItems: 11 }),
    ),
    lead: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
    closureReason: Type.Optional(Type.Enum(CLOSURE_REASONS)),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    ratingReasons: Type.Optional(Type.Array(Type.Enum(RATING_REASONS), { maxItems: 7 })),
    extension: Type.Optional(
      Type.Object(
        { limit: Type.Number({ exclusiveMinimum: 0, maximum: 365 }), unit: Type.Enum(['hours', 'days']) },
        { additionalProperties: false },
      ),
    ),
    mergeInto: Type.Optional(Type.String({ pattern: '^[0-9]{8,20}$' })),
    public: Type.Optional(Type.Boolean()),
    photoIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 })),
  },
  {
    additionalProperties: false,
    examples: [
      { action: 'dispatch', version: 2, handler: { kind: 'grid_worker' }, note: '请网格员现场处置' },
    ],
  },
);

export const CategorySchema = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  name: Type.String(),
  nameEn: Type.String(),
  kind: Nullable(Type.Enum(['event', 'component', 'local'])),
  openingStandard: Type.String(),
  closingStandard: Type.String(),
  acceptLimit: Type.Number(),
  acceptUnit: Type.Enum(['hours', 'days']),
  dispatchLimit: Type.Number(),
  dispatchUnit: Type.Enum(['hours', 'days']),
  handleLimit: Type.Number(),
  handleUnit: Type.Enum(['hours', 'days']),
  defaultHandler: HandlerKindSchema,
  defaultDepartment: Nullable(Type.String()),
  photoBefore: Type.Boolean(),
  photoAfter: Type.Boolean(),
  escalateWhenOverdue: Type.Boolean(),
  /** Shown in full to the public (Open311); false for personal matters, which are published only in outline. */
  published: Type.Boolean(),
  keywords: Type.Array(Type.String()),
  attributes: Type.Array(Free),
  active: Type.Boolean(),
  version: Type.Integer(),
});

export const CategoryList = Type.Object({ items: Type.Array(CategorySchema) });
export const CategoryCodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$' }) });

const LimitUnit = Type.Enum(['hours', 'days']);
// the table keeps two decimals (numeric(7,2), > 0): a smaller limit would round to 0 and break its check
const Limit = Type.Number({ minimum: 0.01, maximum: 365 });
const CategoryFields = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  nameEn: Type.String({ maxLength: 100 }),
  kind: Type.Enum(['event', 'component', 'local']),
  openingStandard: Type.String({ maxLength: 500 }),
  closingStandard: Type.String({ maxLength: 500 }),
  acceptLimit: Limit,
  acceptUnit: LimitUnit,
  dispatchLimit: Limit,
  dispatchUnit: LimitUnit,
  handleLimit: Limit,
  handleUnit: LimitUnit,
  defaultHandler: HandlerKindSchema,
  defaultDepartment: Nullable(Type.String({ pattern: '^[a-z_]{2,40}$' })),
  photoBefore: Type.Boolean(),
  photoAfter: Type.Boolean(),
  escalateWhenOverdue: Type.Boolean(),
  published: Type.Boolean(),
  keywords: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 }),
  active: Type.Boolean(),
};

export const CategoryUpdateBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...Type.Partial(Type.Object(CategoryFields)).properties },
  { additionalProperties: false, examples: [{ version: 1, handleLimit: 2, handleUnit: 'days' }] },
);

export const CategoryCreateBody = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{4}$' }),
    ...CategoryFields,
    nameEn: Type.Optional(CategoryFields.nameEn),
    openingStandard: Type.Optional(CategoryFields.openingStandard),
    closingStandard: Type.Optional(CategoryFields.closingStandard),
    defaultDepartment: Type.Optional(CategoryFields.defaultDepartment),
    escalateWhenOverdue: Type.Optional(CategoryFields.escalateWhenOverdue),
    published: Type.Optional(CategoryFields.published),
    keywords: Type.Optional(CategoryFields.keywords),
    active: Type.Optional(CategoryFields.active),
  },
  {
    additionalProperties: false,
    examples: [
      {
        code: '1007',
        name: '高空抛物',
        kind: 'local',
        acceptLimit: 1,
        acceptUnit: 'hours',
        dispatchLimit: 1,
        dispatchUnit: 'hours',
        handleLimit: 1,
        handleUnit: 'days',
        defaultHandler: 'community',
        photoBefore: true,
        photoAfter: false,
      },
    ],
  },
);

export const CalendarQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
export const CalendarDaySchema = Type.Object({
  day: Type.String({ format: 'date' }),
  kind: Type.Enum(['holiday', 'workday']),
  name: Type.String({ maxLength: 50 }),
});
export const CalendarYear = Type.Object({
  year: Type.Integer(),
  days: Type.Array(CalendarDaySchema),
  /** Whether the year has any exceptions recorded (a year without them counts weekends only). */
  known: Type.Boolean(),
});
export const CalendarPutBody = Type.Object(
  { days: Type.Array(CalendarDaySchema, { maxItems: 120 }) },
  {
    additionalProperties: false,
    examples: [{ days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] }],
  },
);

export const DepartmentList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() })),
});

export const RevealReporterBody = Type.Object(
  {
    reason: Type.String({
      minLength: 2,
      maxLength: 200,
      description: 'why the full number is needed, e.g. a callback (kept in the audit trail)',
    }),
  },
  { additionalProperties: false, examples: [{ reason: '结案回访' }] },
);
export const RevealReporterResult = Type.Object({ phone: Nullable(Type.String()) });
