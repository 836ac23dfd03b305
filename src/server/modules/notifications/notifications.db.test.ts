import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { notify } from './notifications.service.js';

let t: TestApp;
let community1: Session;
let community3: Session;

beforeAll(async () => {
  t = await createTestApp();
  [community1, community3] = await Promise.all([t.login('community1'), t.login('community3')]);
});
afterAll(() => t.close());

interface Inbox {
  items: {
    caseId: number | null;
    subject: { type: string; id: string } | null;
    kind: string;
    title: string;
  }[];
  unread: number;
}

describe('notifications', () => {
  it('takes a notice from any module, titled in both languages, into the recipients’ inboxes only', async () => {
    const before = (await community1.request('GET', '/api/notifications')).json<Inbox>().unread;
    const community = await t.database.db
      .selectFrom('place')
      .select('path')
      .where('code', '=', community1.user.place.code)
      .executeTakeFirstOrThrow();
    await t.database.db.transaction().execute((trx) =>
      notify(trx, {
        event: 'activity.reminder',
        subject: { type: 'activity', id: 42, path: community.path },
        recipients: [community1.user.id, community1.user.id],
        title: { 'zh-CN': '主题党日明天举行', en: 'Themed party day tomorrow' },
        body: '党群服务中心',
      }),
    );
    const zh = (await community1.request('GET', '/api/notifications')).json<Inbox>();
    expect(zh.unread).toBe(before + 1);
    expect(zh.items[0]).toMatchObject({
      kind: 'activity.reminder',
      caseId: null,
      subject: { type: 'activity', id: '42' },
      title: '主题党日明天举行',
    });
    const en = (
      await community1.request('GET', '/api/notifications', undefined, { 'accept-language': 'en' })
    ).json<Inbox>();
    expect(en.items[0]?.title).toBe('Themed party day tomorrow');
    const other = (await community3.request('GET', '/api/notifications')).json<Inbox>();
    expect(other.items.some((i) => i.kind === 'activity.reminder')).toBe(false);
  });

  it('brings a case’s notices with their subject, in the reader’s language', async () => {
    const micro = await t.database.db
      .selectFrom('grid as g')
      .innerJoin('place as p', 'p.id', 'g.place_id')
      .select(['g.min_lng', 'g.min_lat', 'g.max_lng', 'g.max_lat'])
      .where('p.code', '=', community1.user.place.code)
      .where('g.level', '=', 4)
      .where('g.kind', '=', 'base')
      .orderBy('g.code')
      .executeTakeFirstOrThrow();
    const res = await community1.request('POST', '/api/cases', {
      categoryCode: '1002',
      description: '楼道堆放杂物（通知测试）',
      lng: (micro.min_lng + micro.max_lng) / 2,
      lat: (micro.min_lat + micro.max_lat) / 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{ case: { id: number; code: string } }>().case;
    const en = (
      await community1.request('GET', '/api/notifications', undefined, { 'accept-language': 'en' })
    ).json<Inbox>();
    const notice = en.items.find((i) => i.caseId === c.id);
    expect(notice).toMatchObject({ kind: 'case.reported', subject: { type: 'case', id: String(c.id) } });
    expect(notice?.title).toMatch(new RegExp(`^${c.code} .+: new report$`));
  });
});
