import Type from 'typebox';
import { Nullable, Paged, PageQuery } from '../../../http/schemas.js';
import { CASE_EVENT_NAMES, WEBHOOK_FORMATS } from '../../../../shared/case-workflow.js';

/** Schemas of the evidence-photo, inbox, webhook and live-feed routes. */
const Instant = Type.String({ format: 'date-time' });

export const PHOTO_STAGES = ['before', 'after', 'update'] as const;

export const PhotoParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  photoId: Type.Integer({ minimum: 1 }),
});

export const PhotoQuery = Type.Object(
  {
    size: Type.Optional(Type.Enum(['thumb', 'full'], { default: 'full' })),
    original: Type.Optional(
      Type.Boolean({ description: 'staff only: the file as uploaded, EXIF and GPS included (audited)' }),
    ),
  },
  { additionalProperties: false },
);

export const ImageFile = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'image/jpeg, image/png or image/webp',
});

const EventName = Type.Enum(CASE_EVENT_NAMES as readonly string[] as [string, ...string[]]);

export const WebhookSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  url: Type.String({
    description: 'query values (robot keys, tokens) shortened to their first 4 characters',
  }),
  format: Type.Enum(WEBHOOK_FORMATS),
  events: Type.Array(Type.String()),
  hasSecret: Type.Boolean(),
  active: Type.Boolean(),
  pending: Type.Integer({ description: 'deliveries not yet sent nor given up' }),
  failed: Type.Integer({ description: 'deliveries given up after 8 attempts' }),
  createdAt: Instant,
  updatedAt: Instant,
});

export const WebhookList = Type.Object({ items: Type.Array(WebhookSchema) });

export const WebhookCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: 'Not blank' }),
    url: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500 }),
    format: Type.Enum(WEBHOOK_FORMATS),
    events: Type.Array(EventName, { minItems: 1, maxItems: CASE_EVENT_NAMES.length, uniqueItems: true }),
    secret: Type.Optional(
      Type.String({
        minLength: 8,
        maxLength: 200,
        description: 'json format: HMAC-SHA256 key of the signature',
      }),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: '区网格中心值班群',
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=example-key',
        format: 'wecom',
        events: ['case.overdue', 'case.escalated'],
      },
    ],
  },
);

export const WebhookUpdateBody = Type.Object(
  {
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: 'Not blank' }),
    ),
    url: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500 })),
    format: Type.Optional(Type.Enum(WEBHOOK_FORMATS)),
    events: Type.Optional(
      Type.Array(EventName, { minItems: 1, maxItems: CASE_EVENT_NAMES.length, uniqueItems: true }),
    ),
    secret: Type.Optional(Nullable(Type.String({ minLength: 8, maxLength: 200 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, examples: [{ events: ['case.overdue'], active: true }] },
);

export const WebhookParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  event: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Instant,
  deliveredAt: Nullable(Instant),
  failedAt: Nullable(Instant),
  lastStatus: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: Instant,
});

export const DeliveryQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const DeliveryPage = Paged(DeliverySchema);

export const FeedStream = Type.String({
  description:
    'text/event-stream: `event: case` with `id:` (the timeline step) and `data:` JSON {id, caseId, code, ' +
    'action, status, category, address, at}; a `: ping` comment every 15 s',
});
