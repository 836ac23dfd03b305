import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsSender } from '../../../core/sms.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { pointServedBy } from '../../../testing/points.js';

let t: TestApp;
const s: Record<string, Session> = {};
/** The capturing sender (the SMS gateway is a true system edge). */
const sent: { phone: string; text: string }[] = [];
const sms: SmsSender = {
  send: async (phone, text) => {
    sent.push({ phone, text });
  },
};

let point = { lng: 0, lat: 0 };

/** A point in a micro-grid grid1 serves (community1's community). */
async function pointInGrid1(): Promise<{ lng: number; lat: number }> {
  const { lng, lat } = await pointServedBy(t.database.db);
  return { lng, lat };
}

function post(url: string, payload: unknown, ip = '10.0.0.1') {
  return t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip });
}

async function otp(phone: string, ip?: string): Promise<string> {
  const before = sent.length;
  const res = await post('/api/public/otp', { phone }, ip);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual({ sent: true, expiresInSeconds: 600 });
  expect(sent.length).toBe(before + 1);
  const last = sent.at(-1)!;
  expect(last.phone).toBe(phone);
  const code = /验证码是 (\d{6})，10分钟内有效/.exec(last.text)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

function reportBody(phone: string, code: string, extra: Record<string, unknown> = {}) {
  return {
    phone,
    code,
    categoryCode: '1006',
    description: '楼上住户深夜噪音，多次沟通无果',
    lng: point.lng,
    lat: point.lat,
    ...extra,
  };
}

interface PublicView {
  code: string;
  status: string;
  statusLabel: string;
  rating: number | null;
  closureReason: string | null;
  timeline: { action: string; actor: string; actionLabel: string; note: string | null }[];
  feedbackActions: string[];
}

async function view(token: string): Promise<PublicView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/cases/${token}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PublicView>();
}

interface StaffCase {
  id: number;
  version: number;
  status: string;
}
async function step(who: Session, id: number, body: Record<string, unknown>): Promise<StaffCase> {
  const current = (await who.request('GET', `/api/cases/${id}`)).json<StaffCase>();
  const res = await who.request('POST', `/api/cases/${id}/transitions`, {
    version: current.version,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StaffCase>();
}

/** Upload one JPEG to a case as multipart/form-data (stage field, then the file); one picture per stage. */
async function uploadPhoto(who: Session, caseId: number, stage: string): Promise<number> {
  const bytes = await sharp({
    create: { width: 64, height: 48, channels: 3, background: stage === 'after' ? '#4a8' : '#a84' },
  })
    .jpeg()
    .toBuffer();
  const boundary = `----louyuan${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="stage"\r\n\r\n${stage}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await who.request('POST', `/api/cases/${caseId}/photos`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: number }>().id;
}

/** Age every code of this number so the per-minute and per-hour limits start afresh. */
async function ageCodes(minutes: number) {
  await t.database.db
    .updateTable('otp_challenge')
    .set({ created_at: new Date(Date.now() - minutes * 60_000) })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.sms = sms;
  for (const u of ['community1', 'grid1']) s[u] = await t.login(u);
  point = await pointInGrid1();
});
afterAll(async () => t?.close());

describe('the public intake', () => {
  it('walks an anonymous report: code, report, public view, not fixed, handled again, closed, rated', async () => {
    const phone = '13900139001';
    const code = await otp(phone);
    const res = await post('/api/public/reports', reportBody(phone, code, { reporterName: '王女士' }));
    expect(res.statusCode, res.body).toBe(200);
    const { code: caseCode, token } = res.json<{ code: string; token: string }>();
    expect(token.length).toBeGreaterThanOrEqual(24);

    // the case is a resident_app report with the phone stored encrypted and masked, no account
    const row = await t.database.db
      .selectFrom('civic_case')
      .selectAll()
      .where('code', '=', caseCode)
      .executeTakeFirstOrThrow();
    expect(row.channel).toBe('resident_app');
    expect(row.reporter_user_id).toBeNull();
    expect(row.reporter_phone_masked).toBe('139****9001');
    expect(row.reporter_name).toBe('王女士');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'action'])
      .where('action', '=', 'case.report')
      .where('subject_id', '=', String(row.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('public:139****9001');

    // the code is used up
    const again = await post('/api/public/reports', reportBody(phone, code));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('OTP_INVALID');

    let v = await view(token);
    expect(v).toMatchObject({ code: caseCode, status: 'reported', statusLabel: '待受理', rating: null });
    expect(v.timeline.map((e) => e.action)).toEqual(['report']);
    expect(v.feedbackActions).toEqual(['comment']);

    // nothing to confirm yet
    const early = await post(`/api/public/cases/${token}/feedback`, { action: 'confirm' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ILLEGAL_TRANSITION');

    await step(s.community1!, row.id, { action: 'accept' });
    await step(s.community1!, row.id, {
      action: 'dispatch',
      handler: { kind: 'grid_worker', userId: s.grid1!.user.id },
    });
    await step(s.grid1!, row.id, { action: 'start' });
    await step(s.grid1!, row.id, { action: 'handle', note: '已上门劝导，住户承诺晚十点后保持安静' });

    v = await view(token);
    expect(v.status).toBe('handled');
    expect(v.feedbackActions).toEqual(['comment', 'confirm', 'not_fixed']);
    // roles, never staff names
    const shown = JSON.stringify(v.timeline);
    expect(shown).not.toContain('网格员甲');
    expect(v.timeline.find((e) => e.action === 'dispatch')?.actor).toBe('社区工作人员');
    expect(v.timeline.find((e) => e.action === 'handle')?.actor).toBe('网格员');
    // 'start' is not a public step
    expect(v.timeline.map((e) => e.action)).not.toContain('start');

    // not fixed: back to work (a note is required)
    const noNote = await post(`/api/public/cases/${token}/feedback`, { action: 'not_fixed' });
    expect(noNote.statusCode).toBe(422);
    const rework = await post(`/api/public/cases/${token}/feedback`, {
      action: 'not_fixed',
      note: '昨晚仍然很吵',
    });
    expect(rework.statusCode, rework.body).toBe(200);
    expect(rework.json<PublicView>().status).toBe('in_progress');
    const staffView = (await s.community1!.request('GET', `/api/cases/${row.id}`)).json<{
      counts: { rework: number };
    }>();
    expect(staffView.counts.rework).toBe(1);

    // a progress photo on the internal start step stays hidden; the after photo of the handle step is shown
    const hidden = await uploadPhoto(s.grid1!, row.id, 'update');
    await step(s.grid1!, row.id, { action: 'comment', note: '现场照片（内部）', photoIds: [hidden] });
    const after = await uploadPhoto(s.grid1!, row.id, 'after');
    await step(s.grid1!, row.id, {
      action: 'handle',
      note: '再次上门，物业已安装隔音垫',
      photoIds: [after],
    });
    const withPhoto = await view(token);
    const handled = withPhoto.timeline.at(-1) as unknown as {
      action: string;
      photos: { id: number; url: string }[];
    };
    expect(handled.action).toBe('handle');
    expect(handled.photos.map((p) => p.id)).toEqual([after]);
    const shownPhotos = (withPhoto as unknown as { photos: { id: number; thumbUrl: string }[] }).photos;
    expect(shownPhotos.map((p) => p.id)).toEqual([after]);
    const full = await t.app.inject({ method: 'GET', url: handled.photos[0]!.url });
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    const thumb = await t.app.inject({ method: 'GET', url: shownPhotos[0]!.thumbUrl });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const internal = await t.app.inject({
      method: 'GET',
      url: `/api/public/cases/${token}/photos/${hidden}`,
    });
    expect(internal.statusCode).toBe(404);
    await step(s.community1!, row.id, { action: 'verify' });
    await step(s.community1!, row.id, { action: 'close', closureReason: 'fixed' });

    v = await view(token);
    expect(v.status).toBe('closed');
    expect(v.closureReason).toBe('fixed');
    expect(v.feedbackActions).toEqual(['comment', 'confirm', 'not_fixed', 'rate']);

    const rated = await post(`/api/public/cases/${token}/feedback`, {
      action: 'rate',
      rating: 4,
      ratingReasons: ['thorough'],
      note: '第二次处理得很好',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    v = rated.json<PublicView>();
    expect(v.rating).toBe(4);
    expect(v.feedbackActions).not.toContain('rate');
    expect(v.timeline.at(-1)).toMatchObject({ action: 'rate', actor: '反映人' });
    expect(v.timeline.map((e) => e.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'handle',
      'not_fixed',
      'handle',
      'close',
      'rate',
    ]);
    // rated once only
    const twice = await post(`/api/public/cases/${token}/feedback`, { action: 'rate', rating: 1 });
    expect(twice.statusCode).toBe(409);
    const staffRated = (await s.community1!.request('GET', `/api/cases/${row.id}`)).json<{
      rating: number;
      ratingReasons: string[];
    }>();
    expect(staffRated).toMatchObject({ rating: 4, ratingReasons: ['thorough'] });
  });

  it('answers 404 for a wrong token and refuses staff-only steps', async () => {
    const wrong = await t.app.inject({ method: 'GET', url: '/api/public/cases/AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(wrong.statusCode).toBe(404);
    const junk = await t.app.inject({ method: 'GET', url: '/api/public/cases/..%2Fx' });
    expect(junk.statusCode).toBe(400);
    const fb = await post('/api/public/cases/AAAAAAAAAAAAAAAAAAAAAAAA/feedback', { action: 'confirm' });
    expect(fb.statusCode).toBe(404);
    const staffStep = await post('/api/public/cases/AAAAAAAAAAAAAAAAAAAAAAAA/feedback', { action: 'close' });
    expect(staffStep.statusCode).toBe(400);
  });

  it('refuses a wrong code, counts attempts, and expires codes', async () => {
    await ageCodes(120);
    const phone = '13900139002';
    const code = await otp(phone);
    const wrongCode = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i += 1) {
      const res = await post('/api/public/reports', reportBody(phone, wrongCode));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('OTP_INVALID');
    }
    // five wrong tries: even the right code no longer works
    const late = await post('/api/public/reports', reportBody(phone, code));
    expect(late.statusCode).toBe(422);
    const row = await t.database.db
      .selectFrom('otp_challenge')
      .select('attempts')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(5);

    // an expired code is refused even when right
    await ageCodes(120);
    const fresh = await otp(phone);
    await t.database.db
      .updateTable('otp_challenge')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('consumed_at', 'is', null)
      .execute();
    const expired = await post('/api/public/reports', reportBody(phone, fresh));
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.code).toBe('OTP_INVALID');

    // a code sent to one number does not confirm another
    await ageCodes(120);
    const other = await otp('13900139003');
    const crossed = await post('/api/public/reports', reportBody('13900139004', other));
    expect(crossed.statusCode).toBe(422);

    // a landline cannot receive a code
    const landline = await post('/api/public/otp', { phone: '0371-12345678' });
    expect(landline.statusCode).toBe(400);
  });

  it('limits codes to one a minute and five an hour per phone', async () => {
    await ageCodes(120);
    const phone = '13900139005';
    await otp(phone, '10.0.1.1');
    // another IP does not help: the limit is per phone
    const soon = await post('/api/public/otp', { phone }, '10.0.1.2');
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.code).toBe('RATE_LIMITED');
    for (let i = 0; i < 4; i += 1) {
      await ageCodes(2 + i); // a little over a minute apart, all within the hour
      await otp(phone, `10.0.2.${i}`);
    }
    await ageCodes(10);
    const sixth = await post('/api/public/otp', { phone }, '10.0.3.1');
    expect(sixth.statusCode).toBe(429);
    // a different phone is not affected
    await otp('13900139006', '10.0.3.1');
  });

  it('limits each IP address', async () => {
    let limited = 0;
    for (let i = 0; i < 12; i += 1) {
      const res = await post('/api/public/otp', { phone: `1370013${String(7000 + i)}` }, '10.9.9.9');
      if (res.statusCode === 429) limited += 1;
      else expect(res.statusCode, res.body).toBe(200);
    }
    expect(limited).toBe(2);
  });
});
