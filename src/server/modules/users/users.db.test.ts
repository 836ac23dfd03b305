import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { DEMO_PASSWORD } from './users.demo.js';

interface ManagedUser {
  id: number;
  username: string;
  role: string;
  place: { code: string };
  mustChangePassword: boolean;
  disabled: boolean;
  version: number;
  allowedActions: string[];
}

let t: TestApp;
let sysadmin: Session;
let secadmin: Session;
let admin: Session;

const code = (res: LightMyRequestResponse): string => res.json<{ error: { code: string } }>().error.code;

async function idOf(username: string): Promise<number> {
  return (
    await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
}

async function get(s: Session, username: string): Promise<ManagedUser> {
  const res = await s.request('GET', `/api/users/${await idOf(username)}`);
  expect(res.statusCode).toBe(200);
  return res.json<ManagedUser>();
}

async function sessionsOf(username: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  return row.n;
}

beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await t.login('sysadmin');
  secadmin = await t.login('secadmin');
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('creating accounts', () => {
  it('lets the system administrator create a community_staff bound to a community, who must change the password', async () => {
    const res = await sysadmin.request('POST', '/api/users', {
      username: 'wangfang',
      displayName: '王芳',
      role: 'community_staff',
      placeCode: '410103001001',
      password: 'Temp#2026a',
    });
    expect(res.statusCode).toBe(200);
    const user = res.json<ManagedUser>();
    expect(user).toMatchObject({
      username: 'wangfang',
      role: 'community_staff',
      place: { code: '410103001001' },
      mustChangePassword: true,
      disabled: false,
      version: 1,
    });
    expect(res.body).not.toContain('Temp#2026a');
    const row = await t.database.db
      .selectFrom('app_user')
      .select(['password_hash'])
      .where('username', '=', 'wangfang')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);

    const login = await t.login('wangfang', 'Temp#2026a');
    expect(login.user.role).toBe('community_staff');
    expect(login.user.place.code).toBe('410103001001');
    const me = await login.request('GET', '/api/auth/me');
    expect(me.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    // the new account sees its community and nothing beside it
    expect((await login.request('GET', '/api/places/410103001001')).statusCode).toBe(200);
    expect((await login.request('GET', '/api/places/410103001002')).statusCode).toBe(404);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('subject_id', '=', String(user.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_name: 'sysadmin', result: 'ok' });
    expect(audit.details).toEqual({
      username: 'wangfang',
      role: 'community_staff',
      place: '410103001001',
      department: null,
    });
  });

  it('binds a department account to its unit, which it needs and no other role may have', async () => {
    const departments = await sysadmin.request('GET', '/api/departments');
    expect(departments.statusCode).toBe(200);
    expect(departments.json<{ items: { code: string }[] }>().items.map((d) => d.code)).toContain('fire');
    const base = { displayName: '消防救援大队值班员', placeCode: '410103', password: 'Temp#2026c' };
    const missing = await sysadmin.request('POST', '/api/users', {
      ...base,
      username: 'fire-missing',
      role: 'department_staff',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details[0].path).toBe('/departmentCode');
    const misplaced = await sysadmin.request('POST', '/api/users', {
      ...base,
      username: 'fire-misplaced',
      role: 'community_staff',
      placeCode: '410103001001',
      departmentCode: 'fire',
    });
    expect(misplaced.statusCode).toBe(422);
    const res = await sysadmin.request('POST', '/api/users', {
      ...base,
      username: 'fire1',
      role: 'department_staff',
      departmentCode: 'fire',
    });
    expect(res.statusCode, res.body).toBe(200);
    const user = res.json<{
      id: number;
      version: number;
      department: { code: string; name: string } | null;
    }>();
    expect(user.department).toEqual({ code: 'fire', name: '消防救援大队' });
    // another role drops the unit
    const moved = await secadmin.request('PATCH', `/api/users/${user.id}`, {
      version: user.version,
      role: 'street_staff',
      placeCode: '410103001',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ department: unknown }>().department).toBeNull();
  });

  it('refuses a taken username with 409 USERNAME_TAKEN', async () => {
    const res = await sysadmin.request('POST', '/api/users', {
      username: 'wangfang',
      displayName: '另一个王芳',
      role: 'grid_worker',
      placeCode: '410103001001',
      password: 'Temp#2026b',
    });
    expect(res.statusCode).toBe(409);
    expect(code(res)).toBe('USERNAME_TAKEN');
    const demo = await sysadmin.request('POST', '/api/users', {
      username: 'admin',
      displayName: '冒名',
      role: 'resident',
      placeCode: '410103001001',
      password: 'Temp#2026b',
    });
    expect(code(demo)).toBe('USERNAME_TAKEN');
  });

  it('refuses a weak password with 422 WEAK_PASSWORD and creates nothing', async () => {
    const res = await sysadmin.request('POST', '/api/users', {
      username: 'weakling',
      displayName: '弱密码',
      role: 'resident',
      placeCode: '410103001001',
      password: 'abcdefgh',
    });
    expect(res.statusCode).toBe(422);
    expect(code(res)).toBe('WEAK_PASSWORD');
    expect(res.body).not.toContain('abcdefgh');
    const row = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'weakling')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('refuses a place that does not exist with 404', async () => {
    const res = await sysadmin.request('POST', '/api/users', {
      username: 'nowhere',
      displayName: '无处',
      role: 'resident',
      placeCode: '410103999999',
      password: 'Temp#2026c',
    });
    expect(res.statusCode).toBe(404);
  });

  it('gives no one an administrator role through the API: the schema forbids it', async () => {
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      const created = await sysadmin.request('POST', '/api/users', {
        username: `new-${role.replace('_', '-')}`,
        displayName: '管理员',
        role,
        placeCode: '410103',
        password: 'Temp#2026d',
      });
      expect(created.statusCode, role).toBe(400);
      expect(code(created)).toBe('VALIDATION_FAILED');
      const target = await get(secadmin, 'community2');
      const promoted = await secadmin.request('PATCH', `/api/users/${target.id}`, {
        version: target.version,
        role,
      });
      expect(promoted.statusCode, role).toBe(400);
      expect(code(promoted)).toBe('VALIDATION_FAILED');
    }
    const admins = await t.database.db
      .selectFrom('app_user')
      .select('username')
      .where('role', 'in', ['system_admin', 'security_admin', 'audit_admin'])
      .orderBy('username')
      .execute();
    expect(admins.map((a) => a.username)).toEqual(['auditor', 'secadmin', 'sysadmin']);
  });

  it('is the system administrator’s alone', async () => {
    const body = {
      username: 'byother',
      displayName: '越权',
      role: 'resident',
      placeCode: '410103001001',
      password: 'Temp#2026e',
    };
    for (const s of [secadmin, admin]) {
      const res = await s.request('POST', '/api/users', body);
      expect(res.statusCode, s.username).toBe(403);
      expect(code(res)).toBe('FORBIDDEN');
    }
    expect(
      await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'byother')
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('separation of duties', () => {
  it('the system administrator cannot reset passwords, unlock or change roles and bindings', async () => {
    const target = await get(sysadmin, 'wangfang');
    const reset = await sysadmin.request('POST', `/api/users/${target.id}/reset-password`, {
      newPassword: 'Reset#2026x',
    });
    expect(reset.statusCode).toBe(403);
    const unlock = await sysadmin.request('POST', `/api/users/${target.id}/unlock`);
    expect(unlock.statusCode).toBe(403);
    const role = await sysadmin.request('PATCH', `/api/users/${target.id}`, {
      version: target.version,
      role: 'street_staff',
    });
    expect(role.statusCode).toBe(403);
    const binding = await sysadmin.request('PATCH', `/api/users/${target.id}`, {
      version: target.version,
      placeCode: '410103001',
    });
    expect(binding.statusCode).toBe(403);
    const after = await get(sysadmin, 'wangfang');
    expect(after).toMatchObject({
      role: 'community_staff',
      place: { code: '410103001001' },
      version: target.version,
    });
    // ...but edits the profile
    const renamed = await sysadmin.request('PATCH', `/api/users/${target.id}`, {
      version: target.version,
      displayName: '王芳（社区）',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<ManagedUser>().version).toBe(target.version + 1);
  });

  it('the security administrator cannot edit profiles or disable accounts', async () => {
    const target = await get(secadmin, 'wangfang');
    const res = await secadmin.request('PATCH', `/api/users/${target.id}`, {
      version: target.version,
      displayName: '改名',
    });
    expect(res.statusCode).toBe(403);
    const disable = await secadmin.request('PATCH', `/api/users/${target.id}`, {
      version: target.version,
      disabled: true,
    });
    expect(disable.statusCode).toBe(403);
  });

  it('the security administrator changes role and binding; the user’s sessions end', async () => {
    const user = await t.login('wangfang', 'Temp#2026a');
    expect(await sessionsOf('wangfang')).toBeGreaterThan(0);
    const target = await get(secadmin, 'wangfang');
    const res = await secadmin.request('PATCH', `/api/users/${target.id}`, {
      version: target.version,
      role: 'street_staff',
      placeCode: '410103001',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<ManagedUser>()).toMatchObject({
      role: 'street_staff',
      place: { code: '410103001' },
      version: target.version + 1,
    });
    expect(await sessionsOf('wangfang')).toBe(0);
    expect((await user.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'actor_name', 'result'])
      .where('action', '=', 'user.update')
      .where('subject_id', '=', String(target.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_name: 'secadmin',
      result: 'ok',
      details: {
        changes: {
          role: { from: 'community_staff', to: 'street_staff' },
          place: { from: '410103001001', to: '410103001' },
        },
      },
    });
    // a stale version is refused
    const stale = await secadmin.request('PATCH', `/api/users/${target.id}`, {
      version: target.version,
      role: 'grid_worker',
    });
    expect(stale.statusCode).toBe(409);
    expect(code(stale)).toBe('VERSION_CONFLICT');
  });

  it('the security administrator resets a password; the user’s sessions end and the new one must be changed', async () => {
    const user = await t.login('wangfang', 'Temp#2026a');
    // the user changes the password, so must_change_password is off before the reset
    expect(
      (
        await user.request('POST', '/api/auth/password', {
          currentPassword: 'Temp#2026a',
          newPassword: 'Mine#2026a',
        })
      ).statusCode,
    ).toBe(200);
    const id = await idOf('wangfang');
    const weak = await secadmin.request('POST', `/api/users/${id}/reset-password`, {
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(422);
    expect(code(weak)).toBe('WEAK_PASSWORD');
    expect((await user.request('GET', '/api/auth/me')).statusCode).toBe(200);

    const res = await secadmin.request('POST', `/api/users/${id}/reset-password`, {
      newPassword: 'Reset#2026x',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<ManagedUser>().mustChangePassword).toBe(true);
    expect(res.body).not.toContain('Reset#2026x');
    expect(await sessionsOf('wangfang')).toBe(0);
    expect((await user.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wangfang', password: 'Mine#2026a' },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await t.login('wangfang', 'Reset#2026x');
    expect(
      (await fresh.request('GET', '/api/auth/me')).json<{ user: { mustChangePassword: boolean } }>().user
        .mustChangePassword,
    ).toBe(true);
    const details = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.reset_password')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(details)).not.toContain('Reset#2026x');
  });

  it('the system administrator disables an account: its sessions end and it cannot log in', async () => {
    const user = await t.login('wangfang', 'Reset#2026x');
    const target = await get(sysadmin, 'wangfang');
    const res = await sysadmin.request('PATCH', `/api/users/${target.id}`, {
      version: target.version,
      disabled: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<ManagedUser>().disabled).toBe(true);
    expect((await user.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wangfang', password: 'Reset#2026x' },
    });
    expect(login.statusCode).toBe(403);
    expect(code(login)).toBe('ACCOUNT_DISABLED');
  });

  it('no administrator manages administrator accounts or their own', async () => {
    for (const [s, target] of [
      [secadmin, 'sysadmin'],
      [secadmin, 'auditor'],
      [secadmin, 'secadmin'],
    ] as const) {
      const id = await idOf(target);
      const reset = await s.request('POST', `/api/users/${id}/reset-password`, {
        newPassword: 'Reset#2026y',
      });
      expect(reset.statusCode, target).toBe(403);
      const v = (await get(s, target)).version;
      const role = await s.request('PATCH', `/api/users/${id}`, { version: v, role: 'resident' });
      expect(role.statusCode, target).toBe(403);
    }
    const v = (await get(sysadmin, 'auditor')).version;
    const disable = await sysadmin.request('PATCH', `/api/users/${await idOf('auditor')}`, {
      version: v,
      disabled: true,
    });
    expect(disable.statusCode).toBe(403);
  });
});

describe('who may see whom', () => {
  it('a district admin cannot manage users at all', async () => {
    expect((await admin.request('GET', '/api/users')).statusCode).toBe(403);
    const id = await idOf('community1');
    expect((await admin.request('GET', `/api/users/${id}`)).statusCode).toBe(403);
    expect(
      (await admin.request('PATCH', `/api/users/${id}`, { version: 1, displayName: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await admin.request('POST', `/api/users/${id}/reset-password`, { newPassword: 'Reset#2026z' }))
        .statusCode,
    ).toBe(403);
    expect((await admin.request('POST', `/api/users/${id}/unlock`)).statusCode).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_name', '=', 'admin')
      .where('result', '=', 'denied')
      .executeTakeFirstOrThrow();
    expect(denied.n).toBeGreaterThanOrEqual(5);
  });

  it('lists only accounts bound within the administrator’s subtree', async () => {
    // a system administrator bound to the first street, provisioned the way the CLI would (straight SQL)
    const street1 = await t.database.db
      .selectFrom('place')
      .select('id')
      .where('code', '=', '410103001')
      .executeTakeFirstOrThrow();
    const hash = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'sysadmin')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('app_user')
      .values({
        username: 'sysadmin-s1',
        display_name: '街道系统管理员',
        role: 'system_admin',
        place_id: street1.id,
        password_hash: hash.password_hash,
      })
      .execute();
    const local = await t.login('sysadmin-s1', DEMO_PASSWORD);

    const res = await local.request('GET', '/api/users?pageSize=200');
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: ManagedUser[]; total: number }>();
    const names = page.items.map((u) => u.username);
    expect(names).toEqual(
      expect.arrayContaining(['street1', 'community1', 'community2', 'grid1', 'resident1', 'sysadmin-s1']),
    );
    for (const hidden of ['street2', 'community3', 'grid2', 'admin', 'sysadmin', 'secadmin', 'auditor'])
      expect(names).not.toContain(hidden);
    for (const u of page.items) expect(u.place.code.startsWith('410103001'), u.username).toBe(true);
    const expected = await t.database.db
      .selectFrom('app_user as u')
      .innerJoin('place as p', 'p.id', 'u.place_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.code', 'like', '410103001%')
      .executeTakeFirstOrThrow();
    expect(page.total).toBe(expected.n);
    expect(page.items).toHaveLength(expected.n);

    // outside the subtree an account is as absent as a missing one
    const street2 = await idOf('street2');
    const one = await local.request('GET', `/api/users/${street2}`);
    expect(one.statusCode).toBe(404);
    const patch = await local.request('PATCH', `/api/users/${street2}`, { version: 1, displayName: '越界' });
    expect(patch.statusCode).toBe(404);
    const missing = await local.request('GET', '/api/users/987654');
    expect(missing.statusCode).toBe(404);
    expect(missing.body.replace(/"requestId":"[^"]*"/, '')).toBe(one.body.replace(/"requestId":"[^"]*"/, ''));
    // and it cannot create accounts outside its subtree
    const outside = await local.request('POST', '/api/users', {
      username: 'elsewhere',
      displayName: '越界创建',
      role: 'resident',
      placeCode: '410103002001',
      password: 'Temp#2026f',
    });
    expect(outside.statusCode).toBe(404);

    // the district-level administrator sees both streets
    const all = await sysadmin.request('GET', '/api/users?pageSize=200');
    const allNames = all.json<{ items: ManagedUser[] }>().items.map((u) => u.username);
    expect(allNames).toEqual(
      expect.arrayContaining(['street1', 'street2', 'community3', 'grid2', 'sysadmin-s1']),
    );
  });

  it('filters by role and by name', async () => {
    const byRole = await sysadmin.request('GET', '/api/users?role=grid_worker');
    expect(
      byRole
        .json<{ items: ManagedUser[] }>()
        .items.map((u) => u.username)
        .sort(),
    ).toEqual(['grid1', 'grid2']);
    const byName = await sysadmin.request('GET', `/api/users?q=${encodeURIComponent('社区工作人员')}`);
    expect(
      byName
        .json<{ items: ManagedUser[] }>()
        .items.map((u) => u.username)
        .sort(),
    ).toEqual(['community1', 'community2', 'community3']);
    const paged = await sysadmin.request('GET', '/api/users?pageSize=2&page=2');
    const body = paged.json<{ items: ManagedUser[]; total: number; page: number }>();
    expect(body.items).toHaveLength(2);
    expect(body.page).toBe(2);
    expect(body.total).toBeGreaterThanOrEqual(14);
  });

  it('tells each role which actions it may take on each account', async () => {
    const cases: [Session, string, string[]][] = [
      [sysadmin, 'community1', ['view', 'update']],
      [secadmin, 'community1', ['view', 'changeRole', 'resetPassword', 'unlock']],
      [sysadmin, 'auditor', ['view']],
      [secadmin, 'sysadmin', ['view']],
      [sysadmin, 'sysadmin', ['view']],
      [secadmin, 'secadmin', ['view']],
    ];
    for (const [s, target, actions] of cases) {
      expect((await get(s, target)).allowedActions, `${s.username} → ${target}`).toEqual(actions);
    }
    const listed = await secadmin.request('GET', '/api/users?q=street1');
    expect(listed.json<{ items: ManagedUser[] }>().items[0]?.allowedActions).toEqual([
      'view',
      'changeRole',
      'resetPassword',
      'unlock',
    ]);
    // the auditor has no business with accounts
    const auditor = await t.login('auditor');
    expect((await auditor.request('GET', '/api/users')).statusCode).toBe(403);
  });
});
