import { systemActor } from '../../../core/system-actor.js';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { runCommand } from '../../../core/command.js';
import type { AppContext, RequestContext } from '../../../core/context.js';
import { personalDataKeys } from '../../../core/keys.js';
import { lookupHash } from '../../../core/personal-data.js';
import type { SmsSender } from '../../../core/sms.js';
import { AppError } from '../../../http/errors.js';
import type { Lang } from '../../../http/messages.js';
import type { Actor } from '../../../policy/actor.js';
import { maskPhone } from '../../../../shared/masking.js';
import { parsePhone } from '../../../../shared/phone.js';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  canLeave,
  type CaseAction,
  type RatingReason,
} from '../../../../shared/case-workflow.js';
import type { Crs } from '../../grids/grids.geometry.js';
import { calendarFor } from '../workflow/cases.calendar.js';
import { caseQuery, type CaseRow } from '../cases.queries.js';
import { storageFor } from '../../../core/file-storage.js';
import { createCase } from '../cases.service.js';
import { applyTransition } from '../workflow/cases.transitions.js';

/**
 * The public (account-less) intake: a resident confirms a mobile number with a one-time code sent by SMS,
 * files a case, and follows it — and gives feedback — through the case's unguessable public token.
 */

export const OTP_TTL_SECONDS = 600;
export const OTP_MAX_ATTEMPTS = 5;
/** Codes per phone: one a minute, five an hour. */
export const OTP_PER_MINUTE = 1;
export const OTP_PER_HOUR = 5;

/** The feedback a reporter may give through the public page. */
export const PUBLIC_FEEDBACK = ['comment', 'confirm', 'not_fixed', 'rate'] as const;
export type PublicFeedback = (typeof PUBLIC_FEEDBACK)[number];

function mobileOf(input: string, path = '/phone'): string {
  const parsed = parsePhone(input);
  if (!parsed.ok || parsed.kind !== 'mobile') {
    throw new AppError('VALIDATION_FAILED', {}, [{ path, message: 'mobile' }]);
  }
  return parsed.value;
}

function codeHash(code: string, phoneHash: string): string {
  return createHash('sha256').update(`${code}:${phoneHash}`).digest('hex');
}

/** A public caller: no account; audited as public:<masked phone>; placed at the district root. */
async function publicActor(app: AppContext, phone: string | null, displayName: string): Promise<Actor> {
  return systemActor(app.database.db, {
    username: `public:${phone ? maskPhone(phone) : 'anonymous'}`,
    displayName,
    role: 'resident',
    via: 'public',
  });
}

export interface PublicRequest {
  app: AppContext;
  lang: Lang;
  ip: string;
  requestId: string;
}

function contextFor(request: PublicRequest, actor: Actor): RequestContext {
  return { app: request.app, actor, lang: request.lang, ip: request.ip, requestId: request.requestId };
}

/** Send a one-time code to a mobile number (limited per phone: 1 a minute, 5 an hour). */
export async function sendOtp(request: PublicRequest, sms: SmsSender, phoneInput: string) {
  const phone = mobileOf(phoneInput);
  const keys = personalDataKeys(request.app.config);
  const phoneHash = lookupHash(keys, 'phone', phone);
  const { db } = request.app.database;
  const now = Date.now();
  const recent = await db
    .selectFrom('otp_challenge')
    .select('created_at')
    .where('phone_hash', '=', phoneHash)
    .where('created_at', '>', new Date(now - 3_600_000))
    .orderBy('created_at', 'desc')
    .execute();
  const lastMinute = recent.filter((r) => new Date(r.created_at).getTime() > now - 60_000).length;
  if (lastMinute >= OTP_PER_MINUTE || recent.length >= OTP_PER_HOUR) {
    const oldest = recent.at(lastMinute >= OTP_PER_MINUTE ? 0 : OTP_PER_HOUR - 1)!;
    const window = lastMinute >= OTP_PER_MINUTE ? 60_000 : 3_600_000;
    const after = Math.max(1, Math.ceil((new Date(oldest.created_at).getTime() + window - now) / 1000));
    throw new AppError('RATE_LIMITED', { after: `${after}s` });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const ctx = contextFor(request, await publicActor(request.app, phone, '群众'));
  await runCommand(ctx, 'case.public_otp', async (trx) => {
    const row = await trx
      .insertInto('otp_challenge')
      .values({
        phone_hash: phoneHash,
        code_hash: codeHash(code, phoneHash),
        expires_at: new Date(now + OTP_TTL_SECONDS * 1000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { value: row.id, audit: { subjectType: 'otp_challenge', subjectId: String(row.id) } };
  });
  await sms.send(phone, `【楼院】您的验证码是 ${code}，10分钟内有效。`);
  return { sent: true as const, expiresInSeconds: OTP_TTL_SECONDS };
}

/**
 * Check a code against the newest open challenge of the phone: every try counts (at most OTP_MAX_ATTEMPTS),
 * a right code is consumed. Anything else is 422 OTP_INVALID, with no hint which part was wrong.
 */
async function verifyOtp(app: AppContext, phone: string, code: string): Promise<void> {
  const keys = personalDataKeys(app.config);
  const phoneHash = lookupHash(keys, 'phone', phone);
  const { db } = app.database;
  const invalid = () => new AppError('OTP_INVALID', {}, [{ path: '/code', message: '' }]);
  const challenge = await db
    .selectFrom('otp_challenge')
    .select('id')
    .where('phone_hash', '=', phoneHash)
    .where('consumed_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!challenge) throw invalid();
  const counted = await db
    .updateTable('otp_challenge')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', challenge.id)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', OTP_MAX_ATTEMPTS)
    .where('expires_at', '>', new Date())
    .returning('code_hash')
    .executeTakeFirst();
  if (!counted || !/^\d{6}$/.test(code)) throw invalid();
  const expected = Buffer.from(counted.code_hash, 'hex');
  const given = Buffer.from(codeHash(code, phoneHash), 'hex');
  if (!timingSafeEqual(expected, given)) throw invalid();
  const consumed = await db
    .updateTable('otp_challenge')
    .set({ consumed_at: new Date() })
    .where('id', '=', challenge.id)
    .where('consumed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!consumed) throw invalid();
}

export interface PublicReportInput {
  phone: string;
  code: string;
  categoryCode: string;
  description: string;
  lng: number;
  lat: number;
  crs?: Crs;
  address?: string;
  reporterName?: string;
}

/** File a case as an anonymous reporter whose phone the code confirmed. */
export async function publicReport(request: PublicRequest, input: PublicReportInput) {
  const phone = mobileOf(input.phone);
  await verifyOtp(request.app, phone, input.code.trim());
  const name = input.reporterName?.trim() || '群众';
  const ctx = contextFor(request, await publicActor(request.app, phone, name));
  const created = await createCase(
    ctx,
    {
      categoryCode: input.categoryCode,
      description: input.description,
      lng: input.lng,
      lat: input.lat,
      ...(input.crs ? { crs: input.crs } : {}),
      ...(input.address ? { address: input.address } : {}),
      ...(input.reporterName?.trim() ? { reporterName: input.reporterName.trim() } : {}),
      reporterPhone: phone,
    },
    'resident_app',
  );
  return { code: created.case.code, token: created.publicToken, duplicates: created.duplicates };
}

const ROLE_LABELS: Record<string, Record<Lang, string>> = {
  community_staff: { 'zh-CN': '社区工作人员', en: 'community staff' },
  street_staff: { 'zh-CN': '街道工作人员', en: 'street staff' },
  district_admin: { 'zh-CN': '区级工作人员', en: 'district staff' },
  grid_worker: { 'zh-CN': '网格员', en: 'grid worker' },
  department_staff: { 'zh-CN': '职能部门', en: 'department' },
  resident: { 'zh-CN': '反映人', en: 'reporter' },
};
const SYSTEM_LABEL: Record<Lang, string> = { 'zh-CN': '系统', en: 'system' };

function actionLabel(action: string, lang: Lang): string {
  if (action === 'report') return lang === 'en' ? 'reported' : '提交反映';
  return action in ACTION_LABELS ? ACTION_LABELS[action as CaseAction][lang] : action;
}

async function caseByToken(app: AppContext, token: string): Promise<CaseRow> {
  // tokens are 24 base64url characters; anything else cannot match
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new AppError('NOT_FOUND');
  const row = await caseQuery(app.database.db).where('c.public_token', '=', token).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function feedbackAllowed(row: CaseRow): PublicFeedback[] {
  return PUBLIC_FEEDBACK.filter(
    (action) => canLeave(action, row.status) && !(action === 'rate' && row.rating !== null),
  );
}

/** What the reporter sees: the case, its public steps (actors by role, never names), public photos. */
export async function publicCase(request: PublicRequest, token: string) {
  const { lang } = request;
  const { db } = request.app.database;
  const row = await caseByToken(request.app, token);
  const [events, photos] = await Promise.all([
    db
      .selectFrom('case_event')
      .select(['id', 'at', 'actor_role', 'action', 'to_status', 'note', 'details'])
      .where('case_id', '=', row.id)
      .where('public', '=', true)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('case_photo')
      .select(['id', 'stage', 'event_id', 'created_at'])
      .where('case_id', '=', row.id)
      .orderBy('id')
      .execute(),
  ]);
  const publicEvents = new Set(events.map((e) => e.id));
  const shown = photos.filter((p) => p.event_id === null || publicEvents.has(p.event_id));
  const base = `/api/public/cases/${token}/photos`;
  return {
    code: row.code,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status][lang],
    category: { code: row.category_code, name: lang === 'en' ? row.category_name_en : row.category_name },
    description: row.description,
    address: row.address,
    reportedAt: row.reported_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    closureReason: row.closure_reason,
    rating: row.rating,
    ratingReasons: row.rating_reasons,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actionLabel: actionLabel(e.action, lang),
      actor: e.actor_role ? (ROLE_LABELS[e.actor_role]?.[lang] ?? SYSTEM_LABEL[lang]) : SYSTEM_LABEL[lang],
      toStatus: e.to_status,
      toStatusLabel:
        e.to_status && e.to_status in STATUS_LABELS
          ? STATUS_LABELS[e.to_status as keyof typeof STATUS_LABELS][lang]
          : null,
      note: e.note,
      rating: typeof e.details.rating === 'number' ? e.details.rating : null,
      photos: shown
        .filter((p) => p.event_id === e.id)
        .map((p) => ({
          id: p.id,
          stage: p.stage,
          url: `${base}/${p.id}`,
          thumbUrl: `${base}/${p.id}?size=thumb`,
        })),
    })),
    photos: shown.map((p) => ({
      id: p.id,
      stage: p.stage,
      url: `${base}/${p.id}`,
      thumbUrl: `${base}/${p.id}?size=thumb`,
    })),
    feedbackActions: feedbackAllowed(row),
  };
}
export type PublicCaseView = Awaited<ReturnType<typeof publicCase>>;

export interface FeedbackInput {
  action: PublicFeedback;
  note?: string;
  rating?: number;
  ratingReasons?: RatingReason[];
}

/** The reporter's step through the public page: comment, confirm, not fixed (back to work), rate once. */
export async function publicFeedback(request: PublicRequest, token: string, input: FeedbackInput) {
  const first = await caseByToken(request.app, token);
  const ctx = contextFor(
    request,
    await publicActor(request.app, first.reporter_phone_masked, first.reporter_name || '群众'),
  );
  // the actor name on the public timeline is a role label; the audit says public:<masked phone>
  ctx.actor.username = `public:${first.reporter_phone_masked ?? 'anonymous'}`;
  const calendar = await calendarFor(request.app.database.db);
  await runCommand(
    ctx,
    `case.public_${input.action}`,
    async (trx) => {
      const row = await caseQuery(trx).where('c.id', '=', first.id).executeTakeFirstOrThrow();
      if (!(PUBLIC_FEEDBACK as readonly string[]).includes(input.action)) throw new AppError('FORBIDDEN');
      if (!feedbackAllowed(row).includes(input.action)) {
        throw new AppError('ILLEGAL_TRANSITION', {
          status: STATUS_LABELS[row.status][ctx.lang],
          action: ACTION_LABELS[input.action][ctx.lang],
        });
      }
      return applyTransition(
        ctx,
        trx,
        row,
        {
          action: input.action,
          version: row.version,
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.rating !== undefined ? { rating: input.rating } : {}),
          ...(input.ratingReasons ? { ratingReasons: input.ratingReasons } : {}),
        },
        calendar,
        null,
        { system: true },
      );
    },
    { subjectType: 'case', subjectId: String(first.id) },
  );
  return publicCase(request, token);
}

/**
 * A photo of the case as the reporter may see it: the public copy (no EXIF, no GPS) or its thumbnail, of a
 * photo not attached to a step or attached to a public one. Anything else is 404.
 */
export async function publicPhoto(
  request: PublicRequest,
  token: string,
  photoId: number,
  size: 'thumb' | 'full',
): Promise<{ bytes: Buffer; mime: string }> {
  const row = await caseByToken(request.app, token);
  const { db } = request.app.database;
  const photo = await db
    .selectFrom('case_photo as p')
    .leftJoin('case_event as e', 'e.id', 'p.event_id')
    .select(['p.storage_key', 'p.mime', 'p.event_id', 'e.public'])
    .where('p.id', '=', photoId)
    .where('p.case_id', '=', row.id)
    .executeTakeFirst();
  if (!photo || (photo.event_id !== null && photo.public !== true)) throw new AppError('NOT_FOUND');
  const variant = size === 'thumb' ? 'thumb' : 'public';
  const bytes = await storageFor(request.app).get(`${photo.storage_key}.${variant}`);
  if (!bytes) throw new AppError('NOT_FOUND');
  return { bytes, mime: variant === 'thumb' ? 'image/webp' : photo.mime };
}
