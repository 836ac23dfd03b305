import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { smsSenderOf } from '../../../core/sms.js';
import { errorResponses, Nullable } from '../../../http/schemas.js';
import { CASE_STATUSES, CLOSURE_REASONS, RATING_REASONS } from '../../../../shared/case-workflow.js';
import { ImageFile } from '../outbound/cases.notify.schema.js';
import { DuplicateSchema } from '../cases.schema.js';
import {
  PUBLIC_FEEDBACK,
  publicCase,
  publicFeedback,
  publicPhoto,
  publicReport,
  sendOtp,
  type PublicRequest,
} from './cases.public.js';

const tags = ['cases-public'];

const OtpBody = Type.Object(
  { phone: Type.String({ minLength: 11, maxLength: 20 }) },
  { additionalProperties: false, examples: [{ phone: '13800138000' }] },
);
const OtpSent = Type.Object({ sent: Type.Literal(true), expiresInSeconds: Type.Integer() });

const ReportBody = Type.Object(
  {
    phone: Type.String({ minLength: 11, maxLength: 20 }),
    code: Type.String({ minLength: 4, maxLength: 8 }),
    categoryCode: Type.String({ pattern: '^[0-9]{4}$' }),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    crs: Type.Optional(Type.Enum(['wgs84', 'gcj02'])),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    reporterName: Type.Optional(Type.String({ maxLength: 50 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        phone: '13800138000',
        code: '123456',
        categoryCode: '1001',
        description: '楼道里有人拉电线给电动车充电',
        lng: 113.61,
        lat: 34.73,
      },
    ],
  },
);
const Reported = Type.Object({
  code: Type.String(),
  token: Type.String({ description: 'the key of the public case page /report/<token>; keep it' }),
  duplicates: Type.Array(DuplicateSchema),
});

const Token = Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' });
const TokenParams = Type.Object({ token: Token });
const TokenPhotoParams = Type.Object({ token: Token, photoId: Type.Integer({ minimum: 1 }) });
const PhotoSize = Type.Object(
  { size: Type.Optional(Type.Enum(['thumb', 'full'], { default: 'full' })) },
  { additionalProperties: false },
);
const PublicPhoto = Type.Object({
  id: Type.Integer(),
  stage: Type.Enum(['before', 'after', 'update']),
  url: Type.String(),
  thumbUrl: Type.String(),
});
const PublicCaseSchema = Type.Object({
  code: Type.String(),
  status: Type.Enum(CASE_STATUSES),
  statusLabel: Type.String(),
  category: Type.Object({ code: Type.String(), name: Type.String() }),
  description: Type.String(),
  address: Type.String(),
  reportedAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  closureReason: Nullable(Type.Enum(CLOSURE_REASONS)),
  rating: Nullable(Type.Integer()),
  ratingReasons: Type.Array(Type.String()),
  timeline: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      action: Type.String(),
      actionLabel: Type.String(),
      actor: Type.String({ description: 'a role label (社区工作人员, 网格员, …), never a name' }),
      toStatus: Nullable(Type.String()),
      toStatusLabel: Nullable(Type.String()),
      note: Nullable(Type.String()),
      rating: Nullable(Type.Integer()),
      photos: Type.Array(PublicPhoto),
    }),
  ),
  photos: Type.Array(PublicPhoto),
  feedbackActions: Type.Array(Type.Enum(PUBLIC_FEEDBACK)),
});
const FeedbackBody = Type.Object(
  {
    action: Type.Enum(PUBLIC_FEEDBACK),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    ratingReasons: Type.Optional(Type.Array(Type.Enum(RATING_REASONS), { maxItems: 7 })),
  },
  { additionalProperties: false, examples: [{ action: 'rate', rating: 5, ratingReasons: ['fast'] }] },
);

function publicRequest(request: FastifyRequest): PublicRequest {
  return { app: request.server.ctx, lang: request.lang, ip: request.ip, requestId: request.id };
}

/** The public intake: no login; a phone confirmed by SMS code files a case, its token follows it. */
export const casesPublicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rate = app.ctx.config.publicRatePerMinute;
  app.post(
    '/public/otp',
    {
      config: { public: true, rateLimit: { max: rate, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a one-time code to a mobile number (1 a minute and 5 an hour per number)',
        security: [],
        body: OtpBody,
        response: { 200: OtpSent, ...errorResponses(429) },
      },
    },
    async (request) => sendOtp(publicRequest(request), smsSenderOf(app.ctx, request.log), request.body.phone),
  );

  app.post(
    '/public/reports',
    {
      config: { public: true, rateLimit: { max: rate * 2, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'File a case without an account: the phone and its one-time code, the problem and a point',
        description: 'A wrong, expired or used code is 422 OTP_INVALID (each try counts; 5 per code).',
        security: [],
        body: ReportBody,
        response: { 200: Reported, ...errorResponses(404, 422, 429) },
      },
    },
    async (request) => publicReport(publicRequest(request), request.body),
  );

  app.get(
    '/public/cases/:token',
    {
      config: { public: true, rateLimit: { max: rate * 6, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The reporter’s view of a case: status, public timeline, photos, feedback allowed now',
        security: [],
        params: TokenParams,
        response: { 200: PublicCaseSchema, ...errorResponses(404, 429) },
      },
    },
    async (request) => publicCase(publicRequest(request), request.params.token),
  );

  app.post(
    '/public/cases/:token/feedback',
    {
      config: { public: true, rateLimit: { max: rate * 2, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The reporter’s feedback: comment, confirm fixed, not fixed (back to work), rate once',
        description: 'A step the case’s state does not allow now is 409 ILLEGAL_TRANSITION.',
        security: [],
        params: TokenParams,
        body: FeedbackBody,
        response: { 200: PublicCaseSchema, ...errorResponses(404, 409, 422, 429) },
      },
    },
    async (request) => publicFeedback(publicRequest(request), request.params.token, request.body),
  );

  app.get(
    '/public/cases/:token/photos/:photoId',
    {
      config: { public: true, rateLimit: { max: rate * 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'A photo of the case for the reporter: the public copy without EXIF (size=thumb: WebP, 320 px)',
        security: [],
        params: TokenPhotoParams,
        querystring: PhotoSize,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: ImageFile, ...errorResponses(404, 429) },
      },
    },
    async (request, reply) => {
      const photo = await publicPhoto(
        publicRequest(request),
        request.params.token,
        request.params.photoId,
        request.query.size ?? 'full',
      );
      return reply
        .type(photo.mime)
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', 'inline')
        .send(photo.bytes);
    },
  );
};
