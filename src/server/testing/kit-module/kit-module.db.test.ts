import { sql } from 'kysely';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliKit } from '../../core/cli-kit.js';
import { modules } from '../../modules/index.js';
import { installedModules } from '../../modules/registry.js';
import { can } from '../../policy/capabilities.js';
import { createTestApp, type Session, type TestApp } from '../app.js';
import { kitNotesModule } from './index.js';
import { buildCompound, buildStreet, type BuiltPlace } from '../../modules/places/places.factories.js';
import { buildAccount } from '../../modules/users/users.factories.js';

/**
 * The module kit: a module is its folder and one line in the module list. This one lives in the test tree and is
 * added here; the app, the policy layer, the error handler, the migrator, the place tree, the home page and the
 * CLI pick up everything it declares.
 */
let t: TestApp;
let community1: Session;
let community2: Session;
let community3: Session;
let street1: Session;
let gridWorker: Session;
let compound: BuiltPlace;
let target: BuiltPlace;

// The test's own district corner, made with the modules' factories: no identifier of the demo is read.
beforeAll(async () => {
  t = await createTestApp({}, { modules: [...modules, kitNotesModule] });
  const a = await buildStreet(t.ctx, 2);
  const b = await buildStreet(t.ctx, 1);
  const [c1, c2] = a.communities as [BuiltPlace, BuiltPlace];
  target = c2;
  compound = (await buildCompound(t.ctx, c1.code)).compound;
  community1 = await buildAccount(t, { role: 'community_staff', placeCode: c1.code });
  community2 = await buildAccount(t, { role: 'community_staff', placeCode: c2.code });
  community3 = await buildAccount(t, { role: 'community_staff', placeCode: b.communities[0]!.code });
  street1 = await buildAccount(t, { role: 'street_staff', placeCode: a.street.code });
  gridWorker = await buildAccount(t, { role: 'grid_worker', placeCode: c1.code });
});
afterAll(() => t.close());

describe('a module added through the kit', () => {
  it('has its table from its own migration, run after the others even though its name sorts before one', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM louyuan_migration
      ORDER BY timestamp, name`.execute(t.database.db);
    const names = rows.map((r) => r.name);
    // the snapshot already held every listed module's migrations; the kit module's was applied on top of them
    expect(names.at(-1)).toBe('20261208_kit_notes');
    expect(names).toContain('20261208_notifications');
    expect(installedModules().map((m) => m.name)).toContain('kitNotes');
  });

  it('serves its routes under /api with its capabilities granted to the roles it names', async () => {
    expect(can('community_staff', 'kitNotes.write')).toBe(true);
    expect(can('grid_worker', 'kitNotes.read')).toBe(false);
    const created = await community1.request('POST', '/api/kit-notes', {
      placeCode: compound.code,
      text: '周三下午清理楼道杂物',
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await community1.request('GET', '/api/kit-notes');
    expect(list.json()).toMatchObject({ total: 1, items: [{ placeCode: compound.code }] });
    // the policy layer: a role without the capability is 403, a place outside the subtree the same 404 as none
    expect((await gridWorker.request('GET', '/api/kit-notes')).statusCode).toBe(403);
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
    const moved = await street1.request('POST', `/api/places/${compound.code}/move`, {
      version: compound.version,
      newParentCode: target.code,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const note = await t.database.db.selectFrom('kit_note').select('path').executeTakeFirstOrThrow();
    expect(note.path.startsWith(target.path)).toBe(true);
    expect((await community1.request('GET', '/api/kit-notes')).json()).toMatchObject({ total: 0 });
    expect((await community2.request('GET', '/api/kit-notes')).json()).toMatchObject({ total: 1 });
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
