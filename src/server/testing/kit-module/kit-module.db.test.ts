import { sql } from 'kysely';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliKit } from '../../core/cli-kit.js';
import { modules } from '../../modules/index.js';
import { installedModules } from '../../modules/registry.js';
import { can } from '../../policy/capabilities.js';
import { createTestApp, type Session, type TestApp } from '../app.js';
import { kitNotesModule } from './index.js';

/**
 * The module kit: a module is its folder and one line in the module list. This one lives in the test tree and is
 * added here; the app, the policy layer, the error handler, the migrator, the place tree, the home page and the
 * CLI pick up everything it declares.
 */
let t: TestApp;
let community1: Session;
let community3: Session;
let street1: Session;
let grid1: Session;

beforeAll(async () => {
  t = await createTestApp({}, { modules: [...modules, kitNotesModule] });
  [community1, community3, street1, grid1] = await Promise.all([
    t.login('community1'),
    t.login('community3'),
    t.login('street1'),
    t.login('grid1'),
  ]);
});
afterAll(() => t.close());

const compoundOf = (session: Session) =>
  t.database.db
    .selectFrom('place')
    .select(['code', 'path', 'version'])
    .where('kind', '=', 'compound')
    .where('code', 'like', `${session.user.place.code}%`)
    .orderBy('code')
    .executeTakeFirstOrThrow();

describe('a module added through the kit', () => {
  it('has its table from its own migration, in the same list as the core migrations', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM louyuan_migration ORDER BY name`.execute(
      t.database.db,
    );
    expect(rows.map((r) => r.name).at(-1)).toBe('20261208_kit_notes');
    expect(installedModules().map((m) => m.name)).toContain('kitNotes');
  });

  it('serves its routes under /api with its capabilities granted to the roles it names', async () => {
    expect(can('community_staff', 'kitNotes.write')).toBe(true);
    expect(can('grid_worker', 'kitNotes.read')).toBe(false);
    const compound = await compoundOf(community1);
    const created = await community1.request('POST', '/api/kit-notes', {
      placeCode: compound.code,
      text: '周三下午清理楼道杂物',
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await community1.request('GET', '/api/kit-notes');
    expect(list.json()).toMatchObject({ total: 1, items: [{ placeCode: compound.code }] });
    // the policy layer: a role without the capability is 403, a place outside the subtree the same 404 as none
    expect((await grid1.request('GET', '/api/kit-notes')).statusCode).toBe(403);
    const outside = await community3.request('POST', '/api/kit-notes', {
      placeCode: compound.code,
      text: 'x',
    });
    expect(outside.statusCode).toBe(404);
    expect((await community3.request('GET', '/api/kit-notes')).json()).toMatchObject({ total: 0 });
    // its write is a command: audited
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('action', '=', 'kitNote.create')
      .execute();
    expect(audit.map((a) => a.result).sort()).toEqual(['denied', 'ok']);
    // and it is in the OpenAPI document
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: object }>();
    expect(Object.keys(doc.paths)).toContain('/api/kit-notes');
  });

  it('answers its own error code with its status and message in both languages', async () => {
    const compound = await compoundOf(community1);
    for (const [lang, message] of [
      ['zh-CN', '便签内容不能全是空白'],
      ['en', 'A note needs some text'],
    ] as const) {
      const res = await community1.request(
        'POST',
        '/api/kit-notes',
        { placeCode: compound.code, text: '   ' },
        { 'accept-language': lang },
      );
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'KIT_NOTE_BLANK', message } });
    }
  });

  it('contributes a home-page figure computed in the actor’s scope', async () => {
    const stats = (await street1.request('GET', '/api/home/stats')).json<{
      stats: { key: string; value: number }[];
    }>();
    expect(stats.stats.find((s) => s.key === 'kitNotes.notes')?.value).toBe(1);
  });

  it('declares its path copy, so a place move takes its rows along', async () => {
    const compound = await compoundOf(community1);
    const target = await t.database.db
      .selectFrom('place')
      .select(['code', 'path'])
      .where('code', '=', (await t.login('community2')).user.place.code)
      .executeTakeFirstOrThrow();
    const moved = await street1.request('POST', `/api/places/${compound.code}/move`, {
      version: compound.version,
      newParentCode: target.code,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const note = await t.database.db.selectFrom('kit_note').select('path').executeTakeFirstOrThrow();
    expect(note.path.startsWith(target.path)).toBe(true);
    expect((await community1.request('GET', '/api/kit-notes')).json()).toMatchObject({ total: 0 });
  });

  it('adds its CLI command to louyuan', async () => {
    const program = new Command('louyuan').exitOverride();
    const kit = {
      ...cliKit(program, t.ctx.config),
      withDatabase: <T>(fn: (d: typeof t.database) => Promise<T>) => fn(t.database),
    };
    for (const module of installedModules()) module.cli?.(program, kit);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await program.parseAsync(['kit-notes', 'count'], { from: 'user' });
      expect(log).toHaveBeenCalledWith('1 notes');
    } finally {
      log.mockRestore();
    }
  });
});
