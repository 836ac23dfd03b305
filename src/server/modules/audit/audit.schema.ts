import Type, { type Static } from 'typebox';
import { Nullable, PageQuery } from '../../http/schemas.js';

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  result: Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')]),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealSeq: Nullable(Type.Integer()),
  hash: Nullable(Type.String()),
});

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 40, description: 'Username (exact or prefix)' })),
    action: Type.Optional(
      Type.String({ maxLength: 60, description: 'Action or its prefix, e.g. "place." ' }),
    ),
    result: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')])),
    subjectType: Type.Optional(Type.String({ maxLength: 40 })),
    subjectId: Type.Optional(Type.String({ maxLength: 80 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const VerifySchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  unsealed: Type.Integer(),
  headSeq: Type.Integer(),
  firstBroken: Nullable(
    Type.Object({ seq: Type.Integer(), id: Nullable(Type.Integer()), reason: Type.String() }),
  ),
});

export type AuditFilters = Omit<Static<typeof AuditQuery>, 'page' | 'pageSize'>;
