import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { runCommand } from '../../../core/command.js';
import type { AppContext, RequestContext } from '../../../core/context.js';
import { personalDataKeys } from '../../../core/keys.js';
import { decryptField, encryptField } from '../../../core/personal-data.js';
import { AppError } from '../../../http/errors.js';
import { requireCapability } from '../../../policy/authorize.js';
import { STATUS_LABELS, type CaseStatus } from '../../../../shared/case-workflow.js';

/**
 * Outgoing webhooks. announce() (cases.notify.ts) writes one `webhook_delivery` row per subscribed active
 * webhook inside the case step's transaction (an outbox); the sender below posts them later, with retries.
 *
 * Formats: 'json' — the payload as stored, signed `x-louyuan-signature: sha256=<HMAC-SHA256 of the body>` when the
 * webhook has a secret; 'wecom' — a 企业微信 group robot's markdown message; 'dingtalk' — a 钉钉 custom robot's
 * markdown message. Payloads carry the case number, category, status, address and the step's note only: no
 * names or phones of reporters; phone and ID numbers a person typed into a note are masked before sending.
 *
 * Secrets are stored encrypted with the personal-data key; robot URLs carry their key in the query, so answers
 * and audit entries show query values shortened to 4 characters.
 */
export type WebhookFormat = 'json' | 'wecom' | 'dingtalk';

export const MAX_ATTEMPTS = 8;
export const BACKOFF_BASE_MS = 30_000;
export const SEND_TIMEOUT_MS = 5_000;
/** A claimed delivery is left alone this long by other senders (a crashed sender's claim runs out). */
const CLAIM_MS = 60_000;
const BATCH = 50;
const PARALLEL = 5;

export interface DeliveryPayload {
  event: string;
  case: { id: number; code: string; status: string; category: string; address: string };
  title: string;
  note: string | null;
  at: string;
}

/** Mobile numbers and ID numbers someone typed into free text, masked. */
export function scrubText(text: string): string {
  return text
    .replace(/(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g, '$1********$2')
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
}

function scrubPayload(p: DeliveryPayload): DeliveryPayload {
  return { ...p, note: p.note ? scrubText(p.note) : null, title: scrubText(p.title) };
}

function statusLabel(status: string): string {
  return STATUS_LABELS[status as CaseStatus]?.['zh-CN'] ?? status;
}

/** The body one delivery posts, by format. */
export function renderBody(format: WebhookFormat, stored: DeliveryPayload): string {
  const p = scrubPayload(stored);
  if (format === 'json') return JSON.stringify(p);
  const lines = [
    `**案件** ${p.case.code}`,
    `**类别** ${p.case.category}`,
    `**状态** ${statusLabel(p.case.status)}`,
    `**地址** ${p.case.address}`,
    ...(p.note ? [`**说明** ${p.note}`] : []),
    `**时间** ${p.at}`,
  ];
  if (format === 'wecom') {
    return JSON.stringify({
      msgtype: 'markdown',
      markdown: { content: [`### ${p.title}`, ...lines.map((l) => `> ${l}`)].join('\n') },
    });
  }
  return JSON.stringify({
    msgtype: 'markdown',
    markdown: { title: p.title, text: [`### ${p.title}`, ...lines].join('\n\n') },
  });
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A URL for people: query values (robot keys, access tokens) shortened to their first 4 characters. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '***';
      parsed.password = '';
    }
    for (const [k, v] of [...parsed.searchParams]) {
      parsed.searchParams.set(k, v.length > 4 ? `${v.slice(0, 4)}…` : v);
    }
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

interface WebhookRow {
  id: number;
  name: string;
  url: string;
  format: WebhookFormat;
  events: string[];
  secret: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

async function present(ctx: RequestContext, rows: WebhookRow[]) {
  const ids = rows.map((r) => r.id);
  const counts =
    ids.length === 0
      ? []
      : await ctx.app.database.db
          .selectFrom('webhook_delivery')
          .select([
            'webhook_id',
            sql<number>`count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL)::int`.as(
              'pending',
            ),
            sql<number>`count(*) FILTER (WHERE failed_at IS NOT NULL)::int`.as('failed'),
          ])
          .where('webhook_id', 'in', ids)
          .groupBy('webhook_id')
          .execute();
  return rows.map((r) => {
    const c = counts.find((x) => x.webhook_id === r.id);
    return {
      id: r.id,
      name: r.name,
      url: maskUrl(r.url),
      format: r.format,
      events: r.events,
      hasSecret: !!r.secret,
      active: r.active,
      pending: c?.pending ?? 0,
      failed: c?.failed ?? 0,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

async function loadWebhook(ctx: RequestContext, id: number): Promise<WebhookRow> {
  const row = await ctx.app.database.db
    .selectFrom('webhook')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function listWebhooks(ctx: RequestContext) {
  requireCapability(ctx.actor, 'cases.configure');
  const rows = await ctx.app.database.db.selectFrom('webhook').selectAll().orderBy('id').execute();
  return { items: await present(ctx, rows) };
}

export interface WebhookInput {
  name: string;
  url: string;
  format: WebhookFormat;
  events: string[];
  secret?: string | null;
  active?: boolean;
}

function sealSecret(ctx: RequestContext, secret: string | null | undefined): string | null {
  return secret ? encryptField(personalDataKeys(ctx.app.config), secret) : null;
}

export async function createWebhook(ctx: RequestContext, input: WebhookInput) {
  requireCapability(ctx.actor, 'cases.configure');
  const id = await runCommand(
    ctx,
    'webhook.create',
    async (trx) => {
      const row = await trx
        .insertInto('webhook')
        .values({
          name: input.name.trim(),
          url: input.url,
          format: input.format,
          events: input.events,
          secret: sealSecret(ctx, input.secret),
          created_by: ctx.actor.via === 'cli' ? null : ctx.actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        value: row.id,
        audit: {
          subjectType: 'webhook',
          subjectId: String(row.id),
          details: {
            name: input.name,
            url: maskUrl(input.url),
            format: input.format,
            events: input.events,
            hasSecret: !!input.secret,
          },
        },
      };
    },
    { subjectType: 'webhook', subjectId: 'new' },
  );
  return (await present(ctx, [await loadWebhook(ctx, id)]))[0]!;
}

export async function updateWebhook(ctx: RequestContext, id: number, input: Partial<WebhookInput>) {
  requireCapability(ctx.actor, 'cases.configure');
  await runCommand(
    ctx,
    input.active === false && Object.keys(input).length === 1 ? 'webhook.deactivate' : 'webhook.update',
    async (trx) => {
      const patch = {
        updated_at: new Date(),
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.format !== undefined ? { format: input.format } : {}),
        ...(input.events !== undefined ? { events: input.events } : {}),
        ...(input.secret !== undefined ? { secret: sealSecret(ctx, input.secret) } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      };
      const row = await trx
        .updateTable('webhook')
        .set(patch)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      const { secret, url, ...rest } = input;
      return {
        value: row.id,
        audit: {
          subjectType: 'webhook',
          subjectId: String(id),
          details: {
            ...rest,
            ...(url !== undefined ? { url: maskUrl(url) } : {}),
            ...(secret !== undefined ? { secret: secret ? 'set' : 'removed' } : {}),
          },
        },
      };
    },
    { subjectType: 'webhook', subjectId: String(id) },
  );
  return (await present(ctx, [await loadWebhook(ctx, id)]))[0]!;
}

export async function listDeliveries(ctx: RequestContext, id: number, page: number, pageSize: number) {
  requireCapability(ctx.actor, 'cases.configure');
  await loadWebhook(ctx, id);
  const { db } = ctx.app.database;
  const base = db.selectFrom('webhook_delivery').where('webhook_id', '=', id);
  const [rows, total] = await Promise.all([
    base
      .select([
        'id',
        'event',
        'attempts',
        'next_attempt_at',
        'delivered_at',
        'failed_at',
        'last_status',
        'last_error',
        'created_at',
      ])
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      event: r.event,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at.toISOString(),
      deliveredAt: r.delivered_at?.toISOString() ?? null,
      failedAt: r.failed_at?.toISOString() ?? null,
      lastStatus: r.last_status,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
    })),
    total: Number(total.n),
    page,
    pageSize,
  };
}

export interface DeliveryResult {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** Wait after the n-th failed attempt (n from 1): 30 s, 60 s, 120 s, … */
export function backoffMs(failedAttempts: number): number {
  return BACKOFF_BASE_MS * 2 ** Math.max(0, failedAttempts - 1);
}

/**
 * Send the deliveries that are due at `now`. They are claimed first in a short transaction (FOR UPDATE SKIP
 * LOCKED: parallel senders on PostgreSQL take disjoint rows; the claim pushes next_attempt_at CLAIM_MS ahead so
 * a claimed row is not taken again while its request runs), then posted outside any transaction (a slow
 * receiver never holds a database connection or, on PGlite, the one connection), then recorded.
 */
export async function deliverWebhooks(app: AppContext, now: Date = new Date()): Promise<DeliveryResult> {
  const { db } = app.database;
  const claimed = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('webhook_delivery as d')
      .innerJoin('webhook as w', 'w.id', 'd.webhook_id')
      .select(['d.id', 'd.event', 'd.payload', 'd.attempts', 'w.url', 'w.format', 'w.secret', 'w.active'])
      .where('d.delivered_at', 'is', null)
      .where('d.failed_at', 'is', null)
      .where('d.next_attempt_at', '<=', now)
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(BATCH)
      .forUpdate(['d'])
      .skipLocked()
      .execute();
    if (rows.length > 0) {
      await trx
        .updateTable('webhook_delivery')
        .set({ next_attempt_at: new Date(now.getTime() + CLAIM_MS) })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    }
    return rows;
  });
  const result: DeliveryResult = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  const keys = personalDataKeys(app.config);
  for (let i = 0; i < claimed.length; i += PARALLEL) {
    await Promise.all(
      claimed.slice(i, i + PARALLEL).map(async (d) => {
        let status: number | null = null;
        let error: string | null = null;
        if (!d.active) {
          error = 'webhook deactivated';
        } else {
          const body = renderBody(d.format, d.payload as unknown as DeliveryPayload);
          const headers: Record<string, string> = {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Louyuan-Webhook/1',
            'x-louyuan-event': d.event,
            'x-louyuan-delivery': String(d.id),
          };
          if (d.format === 'json' && d.secret)
            headers['x-louyuan-signature'] = signature(decryptField(keys, d.secret), body);
          try {
            const response = await fetch(d.url, {
              method: 'POST',
              headers,
              body,
              redirect: 'manual',
              signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
            });
            status = response.status;
            await response.body?.cancel().catch(() => undefined);
            if (status < 200 || status >= 300) error = `HTTP ${status}`;
          } catch (e) {
            const err = e as Error & { cause?: { code?: string } };
            error = err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.message).slice(0, 200);
          }
        }
        result.attempted++;
        const attempts = d.attempts + 1;
        if (!error) {
          result.delivered++;
          await db
            .updateTable('webhook_delivery')
            .set({ attempts, delivered_at: new Date(), last_status: status, last_error: null })
            .where('id', '=', d.id)
            .execute();
          return;
        }
        const giveUp = attempts >= MAX_ATTEMPTS || !d.active;
        if (giveUp) result.failed++;
        else result.retrying++;
        await db
          .updateTable('webhook_delivery')
          .set({
            attempts,
            last_status: status,
            last_error: error,
            ...(giveUp
              ? { failed_at: new Date() }
              : { next_attempt_at: new Date(now.getTime() + backoffMs(attempts)) }),
          })
          .where('id', '=', d.id)
          .execute();
      }),
    );
  }
  return result;
}
