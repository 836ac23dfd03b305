import Type from 'typebox';
import { Nullable, PageQuery } from '../../http/schemas.js';

const Instant = Type.String({ format: 'date-time' });

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  caseId: Nullable(Type.Integer({ description: 'the case, for a notice about a case' })),
  subject: Nullable(
    Type.Object({
      type: Type.String({ description: 'what the notice is about: case, …' }),
      id: Type.String(),
    }),
  ),
  kind: Type.String({ description: 'the event: case.reported, case.dispatched, case.overdue, …' }),
  title: Type.String({ description: "in the request's language" }),
  body: Type.String(),
  readAt: Nullable(Instant),
  createdAt: Instant,
});

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const NotificationPage = Type.Object({
  items: Type.Array(NotificationSchema),
  total: Type.Integer(),
  unread: Type.Integer({ description: 'all unread notices of the caller, whatever the filter' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const NotificationParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ReadAllAnswer = Type.Object({ updated: Type.Integer() });
