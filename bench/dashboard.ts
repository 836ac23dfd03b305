/**
 * Dashboard figures over a large case table: the district's and a street's case KPIs (this period, the period
 * before, open and overdue now) read from the daily rollups, against the plain aggregate over the raw civic_case
 * rows computing the same figures with the same counter definitions (cases.counters.ts), measured interleaved in
 * the same run. Both must give the same counters, or the bench fails.
 *
 * - PostgreSQL when DATABASE_URL is set or `--pg URL` is given (a scratch database beside the URL's, dropped
 *   afterwards); otherwise the in-memory PGlite with at most 200,000 cases.
 * - The demo district is seeded at scale 0.01 (places, grids, categories, ~400 cases); `--cases N` (default
 *   quick 200,000, full 5,000,000) cases are then generated in SQL from those: each a copy of a demo case with every
 *   instant moved back by a deterministic 0–1,094 days, so the table spans four years with the demo's mix of
 *   states, categories and places. Triggers are off during the bulk insert (session_replication_role); `rebuildRollups` (what
 *   `louyuan stats rebuild` runs) then builds the rollups, and its time is reported too.
 */
import { dayStart } from '../src/shared/working-time.js';
import { randomBytes } from 'node:crypto';
import type { Figure } from './figure.js';
import { median } from './startup.js';

const DEMO_SEED = 410103;
const BATCH = 500_000;
const log = (message: string): void => console.error(`[bench dashboard] ${message}`);
const round = (x: number, decimals: number): number => Math.round(x * 10 ** decimals) / 10 ** decimals;

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function measureDashboard(options: { quick: boolean }): Promise<Figure[]> {
  process.env.LOUYUAN_SECRET_KEY ??= randomBytes(32).toString('base64');
  const requested = Number(argValue('--cases') ?? (options.quick ? 200_000 : 5_000_000));
  if (!Number.isInteger(requested) || requested < 1000)
    throw new Error('--cases takes a whole number ≥ 1000');
  const pgUrl = argValue('--pg') ?? process.env.DATABASE_URL ?? null;
  if (!pgUrl) {
    log(
      'PostgreSQL not given (DATABASE_URL or --pg URL): measuring on in-memory PGlite, at most 200,000 cases',
    );
    return measureOn({ kind: 'pglite-memory' }, 'PGlite', Math.min(requested, 200_000), options.quick);
  }
  const { default: pg } = await import('pg');
  const name = `louyuan_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const target = new URL(pgUrl);
  target.pathname = `/${name}`;
  try {
    return await measureOn(
      { kind: 'postgres', url: target.toString(), poolSize: 4 },
      'PostgreSQL',
      requested,
      options.quick,
    );
  } finally {
    if (process.argv.includes('--keep')) log(`kept the scratch database ${name} (--keep)`);
    else await dropDatabase(pgUrl, name);
  }
}

async function dropDatabase(pgUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const dropper = new pg.Client({ connectionString: pgUrl });
  await dropper.connect();
  await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
}

type Target = { kind: 'pglite-memory' } | { kind: 'postgres'; url: string; poolSize: number };

async function measureOn(target: Target, label: string, cases: number, quick: boolean): Promise<Figure[]> {
  const [{ openDatabase }, { migrateToLatest }, { seedDemo }, { sql }, rollup, counters, dash, area] =
    await Promise.all([
      import('../src/server/db/database.js'),
      import('../src/server/db/migrate.js'),
      import('../src/server/seed.js'),
      import('kysely'),
      import('../src/server/modules/cases/analytics/cases.rollup.js'),
      import('../src/server/modules/cases/analytics/cases.counters.js'),
      import('../src/server/modules/cases/analytics/cases.dashboard.js'),
      import('../src/server/modules/dashboard/dashboard.area.js'),
    ]);
  const database = await openDatabase(target);
  try {
    const { db } = database;
    log(`${label}: migrate + demo seed at scale 0.01…`);
    await migrateToLatest(database);
    await seedDemo(database, DEMO_SEED, () => {}, 0.01);

    log(`${label}: generating ${cases.toLocaleString('en')} cases…`);
    const generated = performance.now();
    await sql`CREATE TABLE bench_template AS
      SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM civic_case WHERE status <> 'merged'`.execute(
      db,
    );
    const templates = Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_template`.execute(db)).rows[0]!.n,
    );
    const shift = (column: string) => sql.raw(`t.${column} - s.shift`);
    for (let from = 1; from <= cases; from += BATCH) {
      const to = Math.min(cases, from + BATCH - 1);
      // no triggers while generating: neither the rollup marks nor the foreign-key checks (every value is copied
      // from a demo case that passed them)
      await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        await sql`
        INSERT INTO civic_case (code, category_id, status, channel, description, address, lng, lat, place_id, path,
          grid_id, grid_path, public_token, level, handler_kind, handler_place_id, handler_user_id,
          handler_department_id, urgent, supervised, reported_at, accepted_at, dispatched_at, handled_at, verified_at,
          closed_at, accept_due_at, dispatch_due_at, handle_due_at, current_due_at, current_started_at,
          overdue_swept_at, handled_on_time, closed_on_time, handling_minutes, returned_count, rework_count,
          escalation_count, extension_count, closure_reason, rejection_reason, rating, rated_at, created_at, updated_at)
        SELECT 'B' || lpad(g::text, 10, '0'), t.category_id, t.status, t.channel, t.description, t.address, t.lng,
          t.lat, t.place_id, t.path, t.grid_id, t.grid_path, md5('bench' || g::text), t.level, t.handler_kind,
          t.handler_place_id, t.handler_user_id, t.handler_department_id, t.urgent, t.supervised,
          ${shift('reported_at')}, ${shift('accepted_at')}, ${shift('dispatched_at')}, ${shift('handled_at')},
          ${shift('verified_at')}, ${shift('closed_at')}, ${shift('accept_due_at')}, ${shift('dispatch_due_at')},
          ${shift('handle_due_at')}, ${shift('current_due_at')}, ${shift('current_started_at')},
          ${shift('overdue_swept_at')}, t.handled_on_time, t.closed_on_time, t.handling_minutes, t.returned_count,
          t.rework_count, t.escalation_count, t.extension_count, t.closure_reason, t.rejection_reason, t.rating,
          ${shift('rated_at')}, ${shift('created_at')}, ${shift('updated_at')}
        FROM generate_series(${from}::int, ${to}::int) g
        CROSS JOIN LATERAL (SELECT make_interval(days => ((g::bigint * 7919) % 1095)::int) AS shift) s
        JOIN bench_template t ON t.n = g % ${templates}`.execute(trx);
      });
      log(`${label}: ${to.toLocaleString('en')} cases`);
    }
    await sql`DROP TABLE bench_template`.execute(db);
    const generateMs = performance.now() - generated;
    await sql`ANALYZE`.execute(db);
    log(`${label}: rebuilding the rollups…`);
    const rebuilt = performance.now();
    const result = await rollup.rebuildRollups(db);
    const rebuildMs = performance.now() - rebuilt;
    // what autovacuum does to a table at rest: the visibility map lets the key answer without the heap
    await sql`VACUUM ANALYZE case_rollup`.execute(db);
    const total = Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM civic_case`.execute(db)).rows[0]!.n,
    );
    log(
      `${label}: ${total} cases, ${result.rows} rollup rows over ${result.days} days (${Math.round(rebuildMs)} ms)`,
    );

    const district = (
      await db.selectFrom('place').select('path').where('kind', '=', 'district').executeTakeFirstOrThrow()
    ).path;
    // the street with the most cases
    const street = (
      await sql<{ path: string }>`SELECT p.path FROM place p WHERE p.kind IN ('street','town','park')
        ORDER BY (SELECT count(*) FROM civic_case c WHERE c.path LIKE p.path || '%') DESC LIMIT 1`.execute(db)
    ).rows[0]!.path;

    /** The same counters straight from civic_case: the period, the period before, and the state of every case. */
    const plain = async (placePath: string, fromDay: string, toDay: string, today: string) => {
      const lo = dayStart(fromDay).toISOString();
      const hi = dayStart(toDay).toISOString();
      const dueHi = dayStart(toDay < today ? toDay : today).toISOString();
      const cohorts = {
        r: `(c.reported_at >= '${lo}' AND c.reported_at < '${hi}')`,
        d: `(c.handle_due_at >= '${lo}' AND c.handle_due_at < '${dueHi}')`,
      };
      const row = await sql<Record<string, number>>`
        SELECT ${sql.raw(counters.COUNTER_NAMES.map((n) => `${counters.counterSql(n, (k) => cohorts[k])} AS ${n}`).join(', '))}
        FROM civic_case c WHERE c.path LIKE ${`${placePath}%`} AND (${sql.raw(cohorts.r)} OR ${sql.raw(cohorts.d)})`.execute(
        db,
      );
      return row.rows[0]!;
    };
    const plainKpis = async (
      placePath: string,
      p: { fromDay: string; toDay: string; previousFromDay: string; previousToDay: string; today: string },
    ) => {
      const [now, before] = [
        await plain(placePath, p.fromDay, p.toDay, p.today),
        await plain(placePath, p.previousFromDay, p.previousToDay, p.today),
      ];
      const state = await sql<{ open: number; overdue: number }>`
        SELECT ${sql.raw(`${counters.counterSql('open', () => 'true')} AS open, ${counters.counterSql('overdue', () => 'true')} AS overdue`)}
        FROM civic_case WHERE path LIKE ${`${placePath}%`}`.execute(db);
      return { now, before, state: state.rows[0]! };
    };

    const figures: Figure[] = [];
    const runs = quick ? 5 : 11;
    for (const periodKey of ['month', 'year'] as const) {
      const period = area.resolvePeriod({ period: periodKey });
      for (const [who, placePath] of [
        ['district', district],
        ['street', street],
      ] as const) {
        const scope = { kind: 'place' as const, placePath, gridPaths: null };
        // both sides agree before anything is timed
        const kpis = await dash.caseKpis(db, scope, period);
        const raw = await plainKpis(placePath, period);
        const shown = Object.fromEntries(kpis.map((f) => [f.key, f]));
        const expectSame = (what: string, a: number | null | undefined, b: number | null | undefined) => {
          if (Number(a ?? 0) !== Number(b ?? 0))
            throw new Error(`${who} ${periodKey} ${what}: rollup ${a} ≠ plain ${b}`);
        };
        expectSame('reported', shown.reported?.value, raw.now.reported);
        expectSame('reported before', shown.reported?.previous, raw.before.reported);
        expectSame('on-time handled', shown.onTimeHandlingRate?.numerator, raw.now.handled_on_time);
        expectSame('due', shown.closureRate?.denominator, raw.now.due);
        expectSame('open', shown.open?.value, raw.state.open);
        expectSame('overdue', shown.overdue?.value, raw.state.overdue);

        const rollupMs: number[] = [];
        const plainMs: number[] = [];
        for (let i = 0; i < runs; i++) {
          let t = performance.now();
          await dash.caseKpis(db, scope, period);
          rollupMs.push(performance.now() - t);
          t = performance.now();
          await plainKpis(placePath, period);
          plainMs.push(performance.now() - t);
        }
        const value = median(rollupMs);
        const baseline = median(plainMs);
        figures.push({
          name: `${label}: ${who} case KPIs, ${periodKey} (${Number(raw.now.reported).toLocaleString('en')} cases reported) over ${total.toLocaleString('en')} cases`,
          value: round(value, 2),
          unit: 'ms',
          baseline: 'plain aggregate over civic_case (same figures)',
          baselineValue: round(baseline, 1),
          ratio: round(baseline / value, 1),
          runs,
        });
      }
    }
    figures.push(
      {
        name: `${label}: generate ${cases.toLocaleString('en')} cases in SQL (triggers off)`,
        value: Math.round(generateMs),
        unit: 'ms',
        baseline: null,
        baselineValue: null,
        ratio: null,
        runs: 1,
      },
      {
        name: `${label}: rebuild the rollups from ${total.toLocaleString('en')} cases (${result.rows.toLocaleString('en')} rows)`,
        value: Math.round(rebuildMs),
        unit: 'ms',
        baseline: null,
        baselineValue: null,
        ratio: null,
        runs: 1,
      },
    );
    return figures;
  } finally {
    await database.close();
  }
}
