import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { pointServedBy } from '../../../testing/points.js';
import { deliverWebhooks, renderBody, type DeliveryPayload } from './cases.webhooks.js';

let t: TestApp;
const s: Record<string, Session> = {};

/** The receiving end: a real HTTP server that records every request; some paths fail. */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let receiver: http.Server;
let base = '';
let jsonFailuresLeft = 1;

interface Hook {
  id: number;
  url: string;
  format: string;
  hasSecret: boolean;
  active: boolean;
  pending: number;
  failed: number;
}

/** A point in a micro-grid grid1 serves (community1's community). */
async function pointInGrid1(): Promise<{ lng: number; lat: number }> {
  const { lng, lat } = await pointServedBy(t.database.db);
  return { lng, lat };
}

async function report(who: Session, description: string, extra: Record<string, unknown> = {}) {
  const res = await who.request('POST', '/api/cases', {
    categoryCode: '1006',
    description,
    ...(await pointInGrid1()),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ case: { id: number; code: string; version: number } }>().case;
}

async function addHook(body: Record<string, unknown>): Promise<Hook> {
  const res = await s.admin!.request('POST', '/api/webhooks', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Hook>();
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const fail = req.url === '/always-fail' || (req.url === '/json' && jsonFailuresLeft-- > 0);
      res.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' });
      res.end(fail ? '{"errcode":500}' : '{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  t = await createTestApp();
  for (const u of ['admin', 'community1', 'community3', 'resident1']) s[u] = await t.login(u);
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('outgoing webhooks', () => {
  it('are managed by cases.configure only and never show their secret', async () => {
    const hook = await addHook({
      name: '钉钉值班群',
      url: `${base}/unused?access_token=abcdefghijk`,
      format: 'dingtalk',
      events: ['case.closed'],
      secret: 'not-shown-anywhere',
    });
    expect(hook.url).toBe(`${base}/unused?access_token=abcd%E2%80%A6`);
    expect(hook.hasSecret).toBe(true);
    const list = await s.admin!.request('GET', '/api/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('not-shown-anywhere');
    expect(list.body).not.toContain('abcdefghijk');
    for (const who of ['community1', 'resident1']) {
      expect((await s[who]!.request('GET', '/api/webhooks')).statusCode, who).toBe(403);
      const body = { name: 'x', url: `${base}/x`, format: 'json', events: ['case.closed'] };
      expect((await s[who]!.request('POST', '/api/webhooks', body)).statusCode, who).toBe(403);
    }
    const patched = await s.admin!.request('PATCH', `/api/webhooks/${hook.id}`, {
      secret: null,
      name: '钉钉群',
    });
    expect(patched.json<Hook>()).toMatchObject({ hasSecret: false, active: true });
    for (const blank of [' ', '\u3000\t']) {
      const named = await s.admin!.request('PATCH', `/api/webhooks/${hook.id}`, { name: blank });
      expect(named.statusCode, named.body).toBe(400);
      expect(named.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('/name');
      const created = await s.admin!.request('POST', '/api/webhooks', {
        name: blank,
        url: `${base}/x`,
        format: 'json',
        events: ['case.closed'],
      });
      expect(created.statusCode, created.body).toBe(400);
    }
    const off = await s.admin!.request('DELETE', `/api/webhooks/${hook.id}`);
    expect(off.json<Hook>().active).toBe(false);
    expect((await s.admin!.request('DELETE', '/api/webhooks/999999')).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_type', '=', 'webhook')
      .where('subject_id', '=', String(hook.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.update', 'webhook.deactivate']);
    expect(JSON.stringify(audit)).not.toContain('not-shown-anywhere');
    expect(JSON.stringify(audit)).not.toContain('abcdefghijk');
  });

  it('posts json (signed), wecom and dingtalk bodies, retries a failure with backoff, and holds no personal data', async () => {
    const secret = 'hook-secret-0123456789';
    const json = await addHook({
      name: 'JSON 接收端',
      url: `${base}/json`,
      format: 'json',
      events: ['case.reported'],
      secret,
    });
    await addHook({ name: '企业微信', url: `${base}/wecom`, format: 'wecom', events: ['case.reported'] });
    await addHook({ name: '钉钉', url: `${base}/dingtalk`, format: 'dingtalk', events: ['case.reported'] });
    const c = await report(s.community1!, '楼道内有人长期堆放杂物', {
      reporterName: '张秀英',
      reporterPhone: '13812345678',
    });

    const start = new Date();
    const first = await deliverWebhooks(t.ctx, start);
    expect(first).toEqual({ attempted: 3, delivered: 2, retrying: 1, failed: 0 });
    const byPath = (p: string) => received.filter((r) => r.path === p);
    expect(byPath('/json')).toHaveLength(1);
    for (const r of received) {
      expect(r.body).not.toContain('张秀英');
      expect(r.body).not.toContain('13812345678');
      expect(r.body).not.toContain('5678'.padStart(8, '*'));
      expect(r.headers['content-type']).toContain('application/json');
    }

    const wecom = JSON.parse(byPath('/wecom')[0]!.body) as { msgtype: string; markdown: { content: string } };
    expect(wecom.msgtype).toBe('markdown');
    expect(wecom.markdown.content).toContain(c.code);
    expect(wecom.markdown.content).toContain('邻里纠纷');
    expect(wecom.markdown.content).toContain('新上报');
    const ding = JSON.parse(byPath('/dingtalk')[0]!.body) as {
      msgtype: string;
      markdown: { title: string; text: string };
    };
    expect(ding.msgtype).toBe('markdown');
    expect(ding.markdown.title).toContain(c.code);
    expect(ding.markdown.text).toContain('待受理');
    expect(byPath('/wecom')[0]!.headers['x-louyuan-signature']).toBeUndefined();

    const sent = byPath('/json')[0]!;
    const payload = JSON.parse(sent.body) as DeliveryPayload;
    expect(payload).toMatchObject({
      event: 'case.reported',
      case: { id: c.id, code: c.code, status: 'reported' },
    });
    expect(sent.headers['x-louyuan-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(sent.body).digest('hex')}`,
    );
    expect(sent.headers['x-louyuan-event']).toBe('case.reported');

    // the failed one waits 30 s
    const row = await t.database.db
      .selectFrom('webhook_delivery')
      .selectAll()
      .where('webhook_id', '=', json.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, last_status: 500, delivered_at: null, failed_at: null });
    expect(row.next_attempt_at.getTime() - start.getTime()).toBe(30_000);
    expect((await deliverWebhooks(t.ctx, new Date(start.getTime() + 29_000))).attempted).toBe(0);

    const second = await deliverWebhooks(t.ctx, new Date(start.getTime() + 31_000));
    expect(second).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });
    expect(byPath('/json')).toHaveLength(2);
    expect(byPath('/json')[1]!.body).toBe(sent.body);
    const deliveries = await s.admin!.request('GET', `/api/webhooks/${json.id}/deliveries`);
    const page = deliveries.json<{
      items: { attempts: number; deliveredAt: string | null; lastStatus: number }[];
    }>();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ attempts: 2, lastStatus: 200 });
    expect(page.items[0]!.deliveredAt).not.toBeNull();
    expect((await deliverWebhooks(t.ctx, new Date(start.getTime() + 3_600_000))).attempted).toBe(0);

    // deactivated hooks get no new deliveries
    for (const h of (await s.admin!.request('GET', '/api/webhooks')).json<{ items: Hook[] }>().items) {
      await s.admin!.request('DELETE', `/api/webhooks/${h.id}`);
    }
    await report(s.community1!, '又有杂物');
    expect((await deliverWebhooks(t.ctx, new Date(start.getTime() + 7_200_000))).attempted).toBe(0);
  });

  it('gives up after 8 attempts with growing waits', async () => {
    const hook = await addHook({
      name: '坏地址',
      url: `${base}/always-fail`,
      format: 'json',
      events: ['case.reported'],
    });
    await report(s.community1!, '楼道灯不亮');
    let now = Date.now();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await deliverWebhooks(t.ctx, new Date(now));
      expect(r.attempted).toBe(1);
      const row = await t.database.db
        .selectFrom('webhook_delivery')
        .selectAll()
        .where('webhook_id', '=', hook.id)
        .executeTakeFirstOrThrow();
      if (i < 7) {
        waits.push(row.next_attempt_at.getTime() - now);
        now = row.next_attempt_at.getTime();
      } else {
        expect(row).toMatchObject({ attempts: 8, last_status: 500, last_error: 'HTTP 500' });
        expect(row.failed_at).not.toBeNull();
      }
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920].map((x) => x * 1000));
    expect((await deliverWebhooks(t.ctx, new Date(now + 86_400_000))).attempted).toBe(0);
    const list = (await s.admin!.request('GET', '/api/webhooks')).json<{ items: Hook[] }>();
    expect(list.items.find((h) => h.id === hook.id)).toMatchObject({ failed: 1, pending: 0 });
    await s.admin!.request('DELETE', `/api/webhooks/${hook.id}`);
  });

  it('masks phone and ID numbers typed into a note', () => {
    const payload: DeliveryPayload = {
      event: 'case.escalated',
      case: { id: 1, code: '20261127000001', status: 'dispatched', category: '邻里纠纷', address: '某小区' },
      title: '20261127000001 邻里纠纷：上报升级',
      note: '联系住户 13812345678，身份证 410103199001011234',
      at: '2026-11-27T01:00:00.000Z',
    };
    for (const format of ['json', 'wecom', 'dingtalk'] as const) {
      const body = renderBody(format, payload);
      expect(body).not.toContain('13812345678');
      expect(body).not.toContain('410103199001011234');
      expect(body).toContain('138****5678');
      expect(body).toContain('20261127000001');
    }
  });
});

describe('the live feed', () => {
  it('streams new case steps in my sight as server-sent events, and resumes after Last-Event-ID', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/cases/feed`;

    const open = async (who: Session, headers: Record<string, string> = {}) => {
      const abort = new AbortController();
      const res = await fetch(url, { headers: { cookie: who.cookie, ...headers }, signal: abort.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            text += decoder.decode(value, { stream: true });
          }
        } catch {
          // aborted
        }
      })();
      return { read: () => text, close: () => abort.abort() };
    };
    const events = (text: string) =>
      text
        .split('\n\n')
        .filter((block) => block.includes('event: case'))
        .map((block) => ({
          id: Number(/^id: (\d+)$/m.exec(block)?.[1]),
          data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as {
            code: string;
            action: string;
            caseId: number;
          },
        }));
    const waitFor = async (check: () => boolean, ms = 8_000) => {
      const until = Date.now() + ms;
      while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      return check();
    };

    const c1 = await open(s.community1!);
    const c3 = await open(s.community3!);
    const mine = await report(s.community1!, '单元门禁损坏');
    await s.community1!.request('POST', `/api/cases/${mine.id}/transitions`, {
      version: mine.version,
      action: 'comment',
      note: '已联系物业',
    });
    expect(await waitFor(() => events(c1.read()).some((e) => e.data.code === mine.code))).toBe(true);
    const seen = events(c1.read()).filter((e) => e.data.caseId === mine.id);
    expect(seen.map((e) => e.data.action)).toEqual(['report']); // a comment is not in the feed
    expect(seen[0]!.data).toMatchObject({
      code: mine.code,
      action: 'report',
      status: 'reported',
      category: '邻里纠纷',
    });
    expect(c1.read()).toContain('retry: 5000');
    // the other community sees nothing of it
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(events(c3.read()).map((e) => e.data.caseId)).not.toContain(mine.id);
    c1.close();
    c3.close();

    // a reconnect with Last-Event-ID gets what came after that id at once
    const resumed = await open(s.community1!, { 'last-event-id': String(seen[0]!.id - 1) });
    expect(await waitFor(() => events(resumed.read()).some((e) => e.id === seen[0]!.id), 3_000)).toBe(true);
    resumed.close();
  });
});
