import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../core/audit-trail.js';
import { createTestApp, type Session, type TestApp } from '../testing/app.js';
import { BACKUP_FORMAT, backupDatabase, BackupError, restoreDatabase } from './backup.js';
import { openDatabase, type Database } from './database.js';
import { latestMigration } from './migrate.js';

/** The snapshot holds the demo households and residents too: a full backup and restore takes a while. */
const BACKUP_TIMEOUT_MS = 90_000;

let t: TestApp;
let tmp = '';
/** A second engine next to the file's own: on a PostgreSQL run the two are different drivers (pg and PGlite). */
let embedded: Database;

beforeAll(async () => {
  t = await createTestApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-db-layer-'));
  embedded = await openDatabase({ kind: 'pglite-memory' });
});
afterAll(async () => {
  await embedded.close();
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('values read the same on both drivers', () => {
  const expected = {
    int8: 9007199254740991,
    small_int8: -42,
    count: 3,
    numeric: '12345678901234.5678',
    numeric_long: '0.10000000000000000000000000000001',
    ts: new Date('2026-03-04T05:06:07.891Z'),
    ts_offset: new Date('2026-03-04T05:06:07.891Z'),
    day: '2026-02-28',
    iv: 'P1DT2H',
    iv_mixed: 'P1Y2M3DT4H5M6.5S',
    js: { a: 1, b: [true, null, 'x'], c: { d: '楼院' } },
    jsb: { n: 12.5, s: 'text' },
    arr_int4: [1, 2, 3],
    arr_int8: [1, null, 9007199254740991],
    arr_numeric: ['12345678901234.5678', '0.1'],
    arr_ts: [new Date('2026-03-04T05:06:07.891Z'), null],
    arr_date: ['2026-02-28', '1999-12-31'],
    arr_interval: ['P1D', 'PT2H30M'],
    arr_jsonb: [{ a: 1 }, ['x', 2]],
    agg_ids: [
      [1, 2],
      [3, 4],
    ],
    float8: 113.62345678901234,
    bool: true,
    text: '二七区',
    nothing: null,
  };
  const query = sql<typeof expected>`SELECT
      9007199254740991::int8 AS int8,
      (-42)::int8 AS small_int8,
      (SELECT count(*) FROM (VALUES (1), (2), (3)) v(x)) AS count,
      12345678901234.5678::numeric AS numeric,
      0.10000000000000000000000000000001::numeric AS numeric_long,
      '2026-03-04 05:06:07.891+00'::timestamptz AS ts,
      '2026-03-04 13:06:07.891+08'::timestamptz AS ts_offset,
      '2026-02-28'::date AS day,
      interval '1 day 2 hours' AS iv,
      interval '1 year 2 months 3 days 4 hours 5 minutes 6.5 seconds' AS iv_mixed,
      '{"a": 1, "b": [true, null, "x"], "c": {"d": "楼院"}}'::json AS js,
      '{"s": "text", "n": 12.5}'::jsonb AS jsb,
      ARRAY[1, 2, 3]::int4[] AS arr_int4,
      ARRAY[1, NULL, 9007199254740991]::int8[] AS arr_int8,
      ARRAY[12345678901234.5678, 0.1]::numeric[] AS arr_numeric,
      ARRAY['2026-03-04 05:06:07.891+00', NULL]::timestamptz[] AS arr_ts,
      ARRAY['2026-02-28', '1999-12-31']::date[] AS arr_date,
      ARRAY[interval '1 day', interval '2 hours 30 minutes'] AS arr_interval,
      ARRAY['{"a": 1}', '["x", 2]']::jsonb[] AS arr_jsonb,
      ARRAY[[1, 2], [3, 4]]::int8[] AS agg_ids,
      113.62345678901234::float8 AS float8,
      true AS bool,
      '二七区'::text AS text,
      NULL::text AS nothing`;

  it('int8 → number, numeric → exact string, timestamptz → Date (ms), date → YYYY-MM-DD, interval → ISO 8601, json → objects; arrays of them alike', async () => {
    for (const database of [t.database, embedded]) {
      const { rows } = await query.execute(database.db);
      expect(rows, database.kind).toEqual([expected]);
      const row = rows[0]!;
      expect(typeof row.int8).toBe('number');
      expect(typeof row.numeric).toBe('string');
      expect(row.ts).toBeInstanceOf(Date);
      expect(row.ts.getTime()).toBe(Date.UTC(2026, 2, 4, 5, 6, 7, 891));
    }
  });

  it('a date is not shifted by the time zone, and timestamps written are read back exactly', async () => {
    for (const database of [t.database, embedded]) {
      const at = new Date('2026-12-31T23:59:59.999Z');
      const { rows } = await sql<{ back: Date; day: string; text: string }>`SELECT ${at}::timestamptz AS back,
          (${at}::timestamptz)::date AS day, (${at}::timestamptz)::text AS text`.execute(database.db);
      expect(rows[0]).toEqual({ back: at, day: '2026-12-31', text: '2026-12-31 23:59:59.999+00' });
    }
  });

  it('an int8 beyond 2^53 throws rather than losing digits', async () => {
    for (const database of [t.database, embedded]) {
      await expect(sql`SELECT 9007199254740993::int8 AS big`.execute(database.db)).rejects.toThrow(
        /9007199254740993.*safe integer/,
      );
      await expect(sql`SELECT (-9007199254740993)::int8 AS big`.execute(database.db)).rejects.toThrow(
        RangeError,
      );
      // the connection is still usable afterwards
      const { rows } = await sql<{ one: number }>`SELECT 1::int8 AS one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
    }
  });

  it('the session runs in UTC with ISO dates and intervals on both backends', async () => {
    for (const database of [t.database, embedded]) {
      const { rows } = await sql<{
        tz: string;
        iv: string;
        ds: string;
      }>`SELECT current_setting('TimeZone') AS tz,
          current_setting('IntervalStyle') AS iv, current_setting('DateStyle') AS ds`.execute(database.db);
      expect(rows[0]).toEqual({ tz: 'UTC', iv: 'iso_8601', ds: 'ISO, YMD' });
    }
  });

  it('keeps answering when the server ends its idle connections (a restart, an administrator)', async () => {
    // Open several pooled connections, then end every other session of this file's database from one of them.
    // Without the pool's 'error' listener each ended idle connection is an uncaught error that ends the process.
    await Promise.all(Array.from({ length: 4 }, () => sql`SELECT pg_sleep(0.05)`.execute(t.database.db)));
    const ended = await sql<{
      n: number;
    }>`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(t.database.db);
    if (t.database.kind === 'postgres') expect(ended.rows[0]?.n).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await Promise.all(
      Array.from({ length: 6 }, () => sql<{ one: number }>`SELECT 1 AS one`.execute(t.database.db)),
    );
    expect(again.map((r) => r.rows[0]?.one)).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

/** md5 of every row of every table (in a stable order), by table: equal hashes mean equal contents. */
async function contentHashes(database: Database): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname NOT LIKE 'louyuan_migration%'
     ORDER BY 1`.execute(database.db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{
      h: string;
      n: number;
    }>`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h,
        count(*) AS n FROM ${sql.id(name)} t`.execute(database.db);
    out[name] = `${rows[0]?.n ?? 0}:${rows[0]?.h ?? ''}`;
  }
  return out;
}

/** The id the table's identity column hands out next (consumes it), and the largest id there. */
async function nextId(database: Database, table: string): Promise<{ next: number; max: number }> {
  const { rows } = await sql<{
    next: number;
    max: number | null;
  }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id')) AS next,
      (SELECT max(id) FROM ${sql.id(table)}) AS max`.execute(database.db);
  return { next: Number(rows[0]?.next), max: Number(rows[0]?.max ?? 0) };
}

describe('backup and restore', () => {
  let community1: Session;
  let file = '';
  let before: Record<string, string> = {};

  beforeAll(async () => {
    community1 = await t.login('community1');
    // some of everything: audit entries (sealed), a session, a token, a changed place
    const place = await community1.request('GET', '/api/places/410103001001');
    await community1.request('PATCH', '/api/places/410103001001', {
      version: place.json<{ version: number }>().version,
      address: '备份前的地址',
      lng: 113.6123456789,
      lat: 34.7201234567,
    });
    await community1.request('POST', '/api/auth/tokens', { name: '备份测试', expiresInDays: 7 });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('round-trips every table exactly', { timeout: BACKUP_TIMEOUT_MS }, async () => {
    before = await contentHashes(t.database);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        'place',
        'app_user',
        'user_session',
        'api_token',
        'audit_log',
        'audit_seal_head',
        'louyuan_meta',
      ]),
    );
    file = path.join(tmp, 'louyuan.backup.gz');
    const made = await backupDatabase(t.database, file);
    expect(made.rows).toBeGreaterThan(4000);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as { format: string; migration: string; tables: string[] };
    expect(header).toMatchObject({ format: BACKUP_FORMAT, migration: latestMigration() });
    expect(header.tables).not.toContain('louyuan_migration');

    // change everything in place: insert, update and delete rows of several tables, and forge the audit trail
    const db = t.database.db;
    await sql`UPDATE place SET name = name || '（改）', lng = 1.5 WHERE code LIKE '410103002%'`.execute(db);
    await sql`DELETE FROM place WHERE kind = 'building' AND code LIKE '410103003%'`.execute(db);
    await sql`INSERT INTO place (parent_id, kind, code, name, path, depth)
        SELECT id, 'compound', '410103001001999', '临时小区', path || 'tmp/', depth + 1 FROM place WHERE code = '410103001001'`.execute(
      db,
    );
    await sql`UPDATE app_user SET display_name = '改过的名字', failed_logins = 3 WHERE username = 'grid1'`.execute(
      db,
    );
    await sql`DELETE FROM app_user WHERE username = 'resident1'`.execute(db);
    await sql`DELETE FROM user_session`.execute(db);
    await sql`UPDATE api_token SET revoked_at = now()`.execute(db);
    await sql`INSERT INTO louyuan_meta (key, value) VALUES ('restore-test', 'x')`.execute(db);
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
    try {
      await sql`UPDATE audit_log SET details = '{"forged": true}' WHERE seal_seq = 1`.execute(db);
      await sql`DELETE FROM audit_log WHERE seal_seq = 2`.execute(db);
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
    }
    await sql`INSERT INTO audit_log (action, result) VALUES ('after.backup', 'ok')`.execute(db);
    const changed = await contentHashes(t.database);
    for (const table of ['place', 'app_user', 'user_session', 'api_token', 'audit_log', 'louyuan_meta']) {
      expect(changed[table], table).not.toBe(before[table]);
    }
    expect((await verifyAuditChain(db)).ok).toBe(false);

    const restored = await restoreDatabase(t.database, file);
    expect(restored).toEqual(made);
    expect(await contentHashes(t.database)).toEqual(before);
  });

  it('identity sequences continue after the restored ids', async () => {
    for (const table of ['place', 'app_user', 'api_token', 'audit_log']) {
      const { next, max } = await nextId(t.database, table);
      expect(max, table).toBeGreaterThan(0);
      expect(next, table).toBe(max + 1);
    }
    // the session from before the backup is back, and a new place gets a fresh id
    const created = await community1.request('POST', '/api/places', {
      parentCode: '410103001001',
      kind: 'compound',
      name: '恢复后新建',
    });
    expect(created.statusCode, created.body).toBe(200);
    const ids = await t.database.db
      .selectFrom('place')
      .select(['id', 'name'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(ids[0]?.name).toBe('恢复后新建');
    const user = await t.database.db
      .insertInto('app_user')
      .values({
        username: 'after-restore',
        display_name: '恢复后',
        role: 'resident',
        place_id: ids[1]!.id,
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const maxBefore = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.max('id').as('m'))
      .where('id', '<>', user.id)
      .executeTakeFirstOrThrow();
    expect(user.id).toBeGreaterThan(Number(maxBefore.m));
  });

  it('the audit chain still verifies after restore, and goes on sealing', async () => {
    const report = await verifyAuditChain(t.database.db);
    expect(report.ok).toBe(true);
    expect(report.unsealed).toBe(0);
    expect(report.checked).toBeGreaterThan(2);
    const raw = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM audit_log WHERE action = 'after.backup'`.execute(t.database.db);
    expect(raw.rows[0]?.n).toBe(0);
  });

  it(
    'restores into another engine: PGlite ⇄ PostgreSQL hold the same data',
    { timeout: BACKUP_TIMEOUT_MS },
    async () => {
      // a fresh embedded database at the same migration, restored from this file's backup
      const other = await openDatabase({ kind: 'pglite-memory' });
      try {
        const { migrateToLatest } = await import('./migrate.js');
        await migrateToLatest(other);
        await restoreDatabase(other, file);
        expect(await contentHashes(other)).toEqual(before);
        expect((await verifyAuditChain(other.db)).ok).toBe(true);
      } finally {
        await other.close();
      }
    },
  );

  it('refuses a file that is not a backup with a clear BackupError, and changes nothing', async () => {
    const now = await contentHashes(t.database);
    const cases: [string, Buffer, RegExp][] = [
      ['plain.txt', Buffer.from('hello, this is not a backup\n'), /Not a Louyuan backup/],
      ['empty.gz', zlib.gzipSync(Buffer.alloc(0)), /Not a Louyuan backup/],
      ['text.gz', zlib.gzipSync('just some text\n'), /Not a Louyuan backup/],
      ['other.gz', zlib.gzipSync('{"format":"something-else"}\n'), /Not a Louyuan backup/],
      ['null.gz', zlib.gzipSync('null\n'), /Not a Louyuan backup/],
    ];
    for (const [name, bytes, message] of cases) {
      const p = path.join(tmp, name);
      fs.writeFileSync(p, bytes);
      const error = await restoreDatabase(t.database, p).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(BackupError);
      expect((error as Error).message, name).toMatch(message);
    }
    const missing = await restoreDatabase(t.database, path.join(tmp, 'nope.gz')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(BackupError);
    expect((missing as Error).message).toMatch(/No such file/);
    expect(await contentHashes(t.database)).toEqual(now);
  });

  it('refuses a backup from another migration version', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const [first, ...rest] = text.split('\n');
    const header = JSON.parse(first ?? '{}') as Record<string, unknown>;
    const older = path.join(tmp, 'older.gz');
    fs.writeFileSync(
      older,
      zlib.gzipSync([JSON.stringify({ ...header, migration: '0000_before_time' }), ...rest].join('\n')),
    );
    const now = await contentHashes(t.database);
    const error = await restoreDatabase(t.database, older).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/0000_before_time/);
    expect((error as Error).message).toContain(latestMigration());
    expect(await contentHashes(t.database)).toEqual(now);
  });

  it('refuses a truncated backup as damaged, after loading half of it, and changes nothing', async () => {
    const bytes = fs.readFileSync(file);
    const cut = path.join(tmp, 'cut.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const now = await contentHashes(t.database);
    const error = await restoreDatabase(t.database, cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/damaged or incomplete/);
    expect(await contentHashes(t.database)).toEqual(now);
  });

  it('rolls back a restore that fails halfway', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    // a row that breaks a CHECK constraint, late in the file
    const broken = text.replace(/"kind":"building"/, '"kind":"castle"');
    expect(broken).not.toBe(text);
    const p = path.join(tmp, 'broken.gz');
    fs.writeFileSync(p, zlib.gzipSync(broken));
    const now = await contentHashes(t.database);
    await expect(restoreDatabase(t.database, p)).rejects.toThrow();
    expect(await contentHashes(t.database)).toEqual(now);
  });
});
