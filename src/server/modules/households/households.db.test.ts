import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalDataKeys } from '../../core/keys.js';
import { encryptField, lookupHash } from '../../core/personal-data.js';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { makeIdNumber } from '../../../shared/id-number.js';
import { maskIdNumber, maskPhone } from '../../../shared/masking.js';
import { pinyinOf } from '../../core/pinyin.js';

let t: TestApp;
let community1: Session;
let community3: Session;
let street1: Session;
let admin: Session;

interface Fixture {
  id: number;
  idNumber: string;
  phone: string;
}
const mine: Fixture[] = [];
let theirs: Fixture;

/** A household with residents written straight into the tables, as the bulk writer would store them. */
async function addHousehold(
  communityCode: string,
  people: { name: string; birth: string; seq: string; phone: string; tags: string[] }[],
): Promise<Fixture[]> {
  const { db } = t.database;
  const building = await db
    .selectFrom('place')
    .select(['id', 'path', 'address'])
    .where('kind', '=', 'building')
    .where('code', 'like', `${communityCode}%`)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const household = await db
    .insertInto('household')
    .values({
      place_id: building.id,
      path: building.path,
      unit: '9单元',
      room: '901',
      address: `${building.address ?? ''}9单元901室`,
      members: people.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const keys = personalDataKeys();
  const out: Fixture[] = [];
  for (const [i, p] of people.entries()) {
    const idNumber = makeIdNumber('410103', p.birth, p.seq);
    const { full, initials } = pinyinOf(p.name);
    const row = await db
      .insertInto('resident')
      .values({
        household_id: household.id,
        path: building.path,
        relation: i === 0 ? 'head' : 'member',
        name: p.name,
        name_pinyin: full,
        name_initials: initials,
        gender: 'male',
        birth_date: p.birth,
        residence_type: 'registered',
        id_number_enc: encryptField(keys, idNumber),
        id_number_hash: lookupHash(keys, 'id', idNumber),
        id_number_masked: maskIdNumber(idNumber),
        phone_enc: encryptField(keys, p.phone),
        phone_hash: lookupHash(keys, 'phone', p.phone),
        phone_masked: maskPhone(p.phone),
        tags: p.tags,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    out.push({ id: row.id, idNumber, phone: p.phone });
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  community1 = await t.login('community1');
  community3 = await t.login('community3');
  street1 = await t.login('street1');
  admin = await t.login('admin');
  mine.push(
    ...(await addHousehold('410103001001', [
      {
        name: '龘测试',
        birth: '1950-02-03',
        seq: '551',
        phone: '13937100551',
        tags: ['party_member', 'key_group'],
      },
      {
        name: '龘小测',
        birth: '2015-06-30',
        seq: '552',
        phone: '13937100552',
        tags: ['left_behind_child'],
      },
    ])),
  );
  theirs = (
    await addHousehold('410103002001', [
      { name: '龘他人', birth: '1970-01-01', seq: '553', phone: '13937100553', tags: [] },
    ])
  )[0]!;
});
afterAll(() => t.close());

interface ResidentBody {
  id: number;
  name: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  tags: string[];
  allowedActions: string[];
}
const ids = (res: { json: () => { items: ResidentBody[] } }) => res.json().items.map((r) => r.id);

describe('residents list', () => {
  it('shows my community’s residents masked, and never another community’s', async () => {
    const res = await community1.request('GET', '/api/residents?q=龘');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: ResidentBody[]; total: number }>();
    expect(body.items.map((r) => r.id).sort()).toEqual(mine.map((m) => m.id).sort());
    const head = body.items.find((r) => r.id === mine[0]!.id)!;
    expect(head.idNumberMasked).toMatch(/^410103\*{8}\d{3}[\dX]$/);
    expect(head.phoneMasked).toBe('139****0551');
    expect(res.body).not.toContain(mine[0]!.idNumber);
    expect(res.body).not.toContain(mine[0]!.phone);
    expect(ids(await community3.request('GET', '/api/residents?q=龘'))).toEqual([theirs.id]);
  });

  it('finds by full ID number and phone through the keyed hash, and by the masked forms', async () => {
    const target = mine[1]!;
    for (const q of [target.idNumber, target.phone, maskIdNumber(target.idNumber), maskPhone(target.phone)]) {
      const res = await community1.request('GET', `/api/residents?q=${encodeURIComponent(q)}`);
      expect(ids(res), q.replace(/\d(?=\d{4})/g, '#')).toContain(target.id);
    }
    // another community's number finds nothing for me
    expect(ids(await community1.request('GET', `/api/residents?q=${theirs.idNumber}`))).toEqual([]);
  });

  it('finds by pinyin initials and name prefix', async () => {
    expect(ids(await community1.request('GET', '/api/residents?q=dxc&pageSize=200'))).toContain(mine[1]!.id);
    expect(ids(await community1.request('GET', '/api/residents?q=daxiaoce'))).toEqual([mine[1]!.id]);
    expect(ids(await community1.request('GET', '/api/residents?q=龘测'))).toEqual([mine[0]!.id]);
  });

  it('hides sensitive tags from roles without the capability and refuses filtering by them', async () => {
    const byStreet = (await street1.request('GET', '/api/residents?q=龘测试')).json<{
      items: ResidentBody[];
    }>();
    expect(byStreet.items[0]!.tags).toEqual(['party_member']);
    expect(byStreet.items[0]!.allowedActions).toEqual([]);
    const byCommunity = (await community1.request('GET', '/api/residents?q=龘测试')).json<{
      items: ResidentBody[];
    }>();
    expect(byCommunity.items[0]!.tags).toEqual(['party_member', 'key_group']);
    expect((await street1.request('GET', '/api/residents?tag=key_group')).statusCode).toBe(403);
    const tagged = await community1.request('GET', '/api/residents?tag=key_group');
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(ids(tagged)).toContain(mine[0]!.id);
  });

  it('records the read in the audit trail without the search text', async () => {
    await community1.request('GET', `/api/residents?q=${mine[0]!.idNumber}`);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'residents.list')
      .where('actor_name', '=', 'community1')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.details)).not.toContain(mine[0]!.idNumber);
    expect(entry.details).toMatchObject({ filters: { q: '(search)' } });
  });
});

describe('resident detail and reveal', () => {
  it('gives another community’s resident as 404', async () => {
    expect((await community1.request('GET', `/api/residents/${theirs.id}`)).statusCode).toBe(404);
    expect((await community3.request('GET', `/api/residents/${theirs.id}`)).statusCode).toBe(200);
    expect(
      (
        await community1.request('POST', `/api/residents/${theirs.id}/reveal`, {
          field: 'phone',
          reason: '走访',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('reveals a full number to the community, with the reason in the audit trail and the value nowhere', async () => {
    const res = await community1.request('POST', `/api/residents/${mine[0]!.id}/reveal`, {
      field: 'idNumber',
      reason: '办理高龄补贴核对身份',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ field: 'idNumber', value: mine[0]!.idNumber });
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'residents.reveal')
      .where('subject_id', '=', String(mine[0]!.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.result).toBe('ok');
    expect(entry.details).toEqual({ field: 'idNumber', reason: '办理高龄补贴核对身份' });
    expect(JSON.stringify(entry)).not.toContain(mine[0]!.idNumber);
  });

  it('refuses the reveal to street and district staff (masked registry only), and records the refusal', async () => {
    for (const s of [street1, admin]) {
      const res = await s.request('POST', `/api/residents/${mine[0]!.id}/reveal`, {
        field: 'phone',
        reason: '核对',
      });
      expect(res.statusCode).toBe(403);
    }
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select('result')
      .where('action', '=', 'residents.reveal')
      .where('actor_name', '=', 'street1')
      .executeTakeFirstOrThrow();
    expect(denied.result).toBe('denied');
  });

  it('lists the other members of the household', async () => {
    const res = await community1.request('GET', `/api/residents/${mine[0]!.id}`);
    expect(res.json<{ housemates: { id: number }[] }>().housemates.map((h) => h.id)).toEqual([mine[1]!.id]);
  });
});

describe('households', () => {
  it('lists households under my node with the head of household, and 404s another community’s', async () => {
    const res = await community1.request('GET', '/api/households?address=9单元901室');
    const items = res.json<{ items: { id: number; head: string | null; members: number }[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ head: '龘测试', members: 2 });
    const detail = await community1.request('GET', `/api/households/${items[0]!.id}`);
    expect(detail.json<{ residents: unknown[] }>().residents).toHaveLength(2);
    const other = (await community3.request('GET', '/api/households?address=9单元901室')).json<{
      items: { id: number }[];
    }>().items[0]!;
    expect((await community1.request('GET', `/api/households/${other.id}`)).statusCode).toBe(404);
  });
});

describe('registering and changing residents', () => {
  const building = () =>
    t.database.db
      .selectFrom('place')
      .select(['code', 'id'])
      .where('kind', '=', 'building')
      .where('code', 'like', '410103001001%')
      .orderBy('code', 'desc')
      .executeTakeFirstOrThrow();

  it('registers a resident into a new household with the number encrypted and the grid located', async () => {
    const place = await building();
    const idNumber = makeIdNumber('410103', '1962-09-09', '561');
    const res = await community1.request('POST', '/api/residents', {
      placeCode: place.code,
      unit: '8单元',
      room: '808',
      relation: 'head',
      name: '龘新户',
      idNumber,
      phone: '139 3710 0561',
      residenceType: 'registered',
      tags: ['veteran'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ResidentBody & { grid: { code: string } | null; household: { address: string } }>();
    expect(body.idNumberMasked).toBe(maskIdNumber(idNumber));
    expect(body.grid).not.toBeNull();
    expect(body.household.address).toContain('8单元808');
    const stored = await t.database.db
      .selectFrom('resident')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(idNumber);
    expect(JSON.stringify(stored)).not.toContain('13937100561');
    // the same person cannot be registered twice
    const again = await community1.request('POST', '/api/residents', {
      placeCode: place.code,
      relation: 'member',
      name: '龘新户',
      idNumber,
      residenceType: 'registered',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ error: { details: { path: string }[] } }>().error.details[0]!.path).toBe('/idNumber');
  });

  it('answers a wrong check digit on the field, in the user’s language, and writes nothing', async () => {
    const place = await building();
    const good = makeIdNumber('410103', '1980-01-01', '562');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = await t.database.db
      .selectFrom('resident')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await community1.request(
      'POST',
      '/api/residents',
      {
        placeCode: place.code,
        relation: 'head',
        name: '龘错号',
        idNumber: bad,
        residenceType: 'registered',
      },
      { 'accept-language': 'zh-CN' },
    );
    expect(res.statusCode).toBe(400);
    const detail = res.json<{ error: { details: { path: string; message: string }[] } }>().error.details[0]!;
    expect(detail).toMatchObject({ path: '/idNumber' });
    expect(detail.message).toContain('校验位');
    const after = await t.database.db
      .selectFrom('resident')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses registering into another community’s building (404) and to street staff (403)', async () => {
    const other = await t.database.db
      .selectFrom('place')
      .select('code')
      .where('kind', '=', 'building')
      .where('code', 'like', '410103002001%')
      .executeTakeFirstOrThrow();
    const body = { placeCode: other.code, relation: 'head', name: '龘越权', residenceType: 'foreign' };
    expect((await community1.request('POST', '/api/residents', body)).statusCode).toBe(404);
    expect((await street1.request('POST', '/api/residents', body)).statusCode).toBe(403);
  });

  it('changes the phone and tags with a version check', async () => {
    const target = mine[1]!;
    const current = (await community1.request('GET', `/api/residents/${target.id}`)).json<{
      version: number;
    }>();
    const res = await community1.request('PATCH', `/api/residents/${target.id}`, {
      version: current.version,
      phone: '13937100999',
      tags: ['left_behind_child', 'volunteer'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ResidentBody>()).toMatchObject({
      phoneMasked: '139****0999',
      tags: ['left_behind_child', 'volunteer'],
    });
    const stale = await community1.request('PATCH', `/api/residents/${target.id}`, {
      version: current.version,
      note: '过期的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(ids(await community1.request('GET', '/api/residents?q=13937100999'))).toEqual([target.id]);
  });
});

describe('export', () => {
  it('exports the filtered list as .xlsx with masked numbers, within my subtree only', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await community1.request('GET', '/api/residents/export?q=龘');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]![0]).toBe('姓名');
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toContain('龘测试');
    expect(names).not.toContain('龘他人');
    const text = JSON.stringify(rows);
    for (const m of mine) {
      expect(text).not.toContain(m.idNumber);
      expect(text).not.toContain(m.phone);
    }
    expect(text).toContain(maskIdNumber(mine[0]!.idNumber));
  });
});

describe('a grid worker', () => {
  it('sees only the households of the grids they serve', async () => {
    const grid1 = await t.login('grid1');
    const { db } = t.database;
    const served = await db
      .selectFrom('grid_staff as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .innerJoin('grid_staff_assignment as a', 'a.staff_id', 's.id')
      .innerJoin('grid as g', 'g.id', 'a.grid_id')
      .select('g.path')
      .where('u.username', '=', 'grid1')
      .where('a.ended_on', 'is', null)
      .execute();
    expect(served.length).toBeGreaterThan(0);
    const inScope = (p: string | null) => !!p && served.some((s) => p.startsWith(s.path));
    // a resident of the same community in a grid grid1 does not serve, and one in a grid it serves
    const all = await db
      .selectFrom('resident')
      .select(['id', 'grid_path'])
      .where(
        'path',
        'like',
        `${(await db.selectFrom('place').select('path').where('code', '=', '410103001001').executeTakeFirstOrThrow()).path}%`,
      )
      .execute();
    const outside = all.find((r) => !inScope(r.grid_path));
    const inside = all.find((r) => inScope(r.grid_path));
    expect(outside && inside, 'the demo has residents inside and outside grid1’s grids').toBeTruthy();
    expect((await grid1.request('GET', `/api/residents/${outside!.id}`)).statusCode).toBe(404);
    expect((await grid1.request('GET', `/api/residents/${inside!.id}`)).statusCode).toBe(200);
    const list = (await grid1.request('GET', '/api/residents?pageSize=200')).json<{
      items: { id: number }[];
      total: number;
    }>();
    const expected = all.filter((r) => inScope(r.grid_path)).length;
    expect(list.total).toBe(expected);
    // community1 sees them all
    const wide = (await community1.request('GET', '/api/residents?within=410103001001&pageSize=1')).json<{
      total: number;
    }>();
    expect(wide.total).toBe(all.length);
  });
});
