/**
 * Intake figures: how many cases per second POST /api/cases files on a real server, beside the ceiling of the
 * database underneath measured in the same run — single-row INSERTs into a scratch table shaped like civic_case
 * (`LIKE civic_case INCLUDING ALL`: the same columns, defaults, checks and indexes, no foreign keys), at the
 * same concurrency through the same Kysely pool (or the same PGlite).
 *
 * - PGlite (in memory) always; PostgreSQL too when DATABASE_URL is set or `--pg URL` is given (a scratch
 *   database is created beside the URL's and dropped afterwards).
 * - The database is migrated and seeded with the demo at a small scale (quick 0.01, full 0.1), the app built
 *   with `buildApp` and listening on 127.0.0.1; grid1 logs in and files cases at random households' points in
 *   the micro-grids it serves, CONCURRENCY requests in flight, from a worker thread (its own event loop, so the
 *   load does not run on the server's), for a fixed time (quick 5 s, full 20 s).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Figure } from './figure.js';

const LOOPBACK = '127.0.0.1';
const WORKER_ROLE = 'louyuan-bench-intake-load';
const CONCURRENCY = 64;
const DEMO_SEED = 410103;

interface PostJob {
  port: number;
  path: string;
  bodies: string[];
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
}

interface LoadResult {
  ok: number;
  non200: number;
  failed: number;
  firstProblem: string | null;
  elapsedMs: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** `concurrency` loops, each awaiting one request at a time, until the time is up; latencies of every answer. */
async function timedLoops(
  concurrency: number,
  durationMs: number,
  once: (i: number) => Promise<{ ok: boolean; problem?: string }>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let non200 = 0;
  let failed = 0;
  let issued = 0;
  let firstProblem: string | null = null;
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      if (failed >= 200 && ok === 0) return;
      const i = issued++;
      const t = performance.now();
      try {
        const answer = await once(i);
        latencies.push(performance.now() - t);
        if (answer.ok) ok++;
        else {
          non200++;
          firstProblem ??= answer.problem ?? 'not ok';
        }
      } catch (error) {
        failed++;
        firstProblem ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsedMs = performance.now() - started;
  const sorted = Float64Array.from(latencies).sort();
  return {
    ok,
    non200,
    failed,
    firstProblem,
    elapsedMs,
    rps: ok / (elapsedMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

async function runPosts(job: PostJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  try {
    return await timedLoops(job.concurrency, job.durationMs, (i) => {
      const body = job.bodies[i % job.bodies.length] ?? '{}';
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: LOOPBACK,
            port: job.port,
            path: job.path,
            method: 'POST',
            agent,
            headers: {
              ...job.headers,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () =>
              resolve(
                res.statusCode === 200
                  ? { ok: true }
                  : {
                      ok: false,
                      problem: `${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`,
                    },
              ),
            );
          },
        );
        req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
        req.on('error', reject);
        req.end(body);
      });
    });
  } finally {
    agent.destroy();
  }
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE && parentPort) {
  const port = parentPort;
  port.on('message', (job: PostJob) => {
    runPosts(job).then(
      (result) => port.postMessage({ result }),
      (error: unknown) => port.postMessage({ error: String(error) }),
    );
  });
  port.postMessage({ ready: true });
}

/** A worker thread running this file (tsx registered first), posting one job at a time. */
async function startWorker(): Promise<{ run(job: PostJob): Promise<LoadResult>; close(): Promise<void> }> {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(code, { eval: true, workerData: { role: WORKER_ROLE } });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
  });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        worker.once('message', (message: { result?: LoadResult; error?: string }) =>
          message.result ? resolve(message.result) : reject(new Error(`load generator: ${message.error}`)),
        );
        worker.postMessage(job);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

const round = (x: number, decimals: number): number => Math.round(x * 10 ** decimals) / 10 ** decimals;
const log = (message: string): void => console.error(`[bench intake] ${message}`);

function pgUrlFromArgs(): string | null {
  const args = process.argv.slice(2);
  const i = args.indexOf('--pg');
  if (i >= 0 && args[i + 1]) return args[i + 1]!;
  return process.env.DATABASE_URL ?? null;
}

export async function measureIntake(options: { quick: boolean }): Promise<Figure[]> {
  // createCase encrypts phone numbers: the bench process gets a throw-away key unless one is configured
  process.env.LOUYUAN_SECRET_KEY ??= randomBytes(32).toString('base64');
  const figures: Figure[] = [];
  figures.push(...(await measureOn({ kind: 'pglite-memory' }, 'PGlite', options.quick)));
  const pg = pgUrlFromArgs();
  if (pg) figures.push(...(await measureOnPostgres(pg, options.quick)));
  else log('PostgreSQL skipped: set DATABASE_URL or pass --pg URL');
  return figures;
}

async function measureOnPostgres(url: string, quick: boolean): Promise<Figure[]> {
  const { default: pg } = await import('pg');
  const name = `louyuan_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await measureOn({ kind: 'postgres', url: target.toString(), poolSize: 10 }, 'PostgreSQL', quick);
  } finally {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
  }
}

type Target = { kind: 'pglite-memory' } | { kind: 'postgres'; url: string; poolSize: number };

async function measureOn(target: Target, label: string, quick: boolean): Promise<Figure[]> {
  const scale = quick ? 0.01 : 0.1;
  const durationMs = quick ? 5_000 : 20_000;
  const warmupMs = quick ? 1_000 : 3_000;
  const rounds = quick ? 1 : 3;
  const [
    { openDatabase },
    { migrateToLatest },
    { seedDemo },
    { loadConfig },
    { buildApp },
    { SESSION_COOKIE },
    { AuditSealer },
    { sql },
  ] = await Promise.all([
    import('../src/server/db/database.js'),
    import('../src/server/db/migrate.js'),
    import('../src/server/seed.js'),
    import('../src/server/config.js'),
    import('../src/server/http/app.js'),
    import('../src/server/http/request-context.js'),
    import('../src/server/core/audit-trail.js'),
    import('kysely'),
  ]);
  log(`${label}: migrate + demo seed at scale ${scale}…`);
  const database = await openDatabase(target);
  const closers: (() => Promise<void>)[] = [() => database.close()];
  try {
    await migrateToLatest(database);
    await seedDemo(database, DEMO_SEED, () => {}, scale);
    const { db } = database;

    const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }) };
    const sealer = new AuditSealer(db, (error) => log(`audit sealer: ${String(error)}`));
    closers.push(() => sealer.stop());
    const app = await buildApp({ config, database, sealer, startedAt: new Date() });
    closers.push(() => app.close());
    await app.listen({ port: 0, host: LOOPBACK });
    const port = (app.server.address() as AddressInfo).port;

    const login = await fetch(`http://${LOOPBACK}:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'grid1', password: 'Louyuan@2026' }),
    });
    if (login.status !== 200) throw new Error(`login as grid1 failed: ${login.status} ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const session = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (!session) throw new Error('login set no session cookie');
    const headers = { cookie: session.split(';')[0] ?? '', 'x-csrf-token': csrfToken };

    const points = await db
      .selectFrom('grid_staff as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .innerJoin('grid_staff_assignment as a', 'a.staff_id', 's.id')
      .innerJoin('household as h', 'h.grid_id', 'a.grid_id')
      .select(['h.lng', 'h.lat'])
      .where('u.username', '=', 'grid1')
      .where('a.ended_on', 'is', null)
      .where('h.lng', 'is not', null)
      .execute();
    if (points.length === 0) throw new Error('grid1 serves no micro-grid with located households');
    const categories = ['1001', '1002', '0403', '0101', '0201', '0902'];
    const bodies = Array.from({ length: 2000 }, (_, i) => {
      const p = points[(i * 7919) % points.length]!;
      return JSON.stringify({
        categoryCode: categories[i % categories.length],
        description: `压测案件 ${i}：楼道堆放杂物`,
        lng: p.lng,
        lat: p.lat,
        reporterPhone: `138${String(10_000_000 + i).slice(-8)}`,
      });
    });
    log(`${label}: ${points.length} household points in grid1's micro-grids`);

    // the scratch table and the raw INSERT loop
    await sql`DROP TABLE IF EXISTS bench_intake_scratch`.execute(db);
    await sql`CREATE TABLE bench_intake_scratch (LIKE civic_case INCLUDING ALL)`.execute(db);
    const template = await db
      .selectFrom('civic_case')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    let serial = 0;
    const rawInserts = (ms: number) =>
      timedLoops(CONCURRENCY, ms, async () => {
        const n = serial++;
        const p = points[n % points.length]!;
        await sql`INSERT INTO bench_intake_scratch (category_id, status, channel, description, address, lng, lat,
            place_id, path, grid_id, grid_path, public_token, reported_at, accept_due_at, current_due_at,
            current_started_at, reporter_phone_enc, reporter_phone_hash, reporter_phone_masked)
          VALUES (${template.category_id}, 'reported', 'grid_app', ${`raw ${n}`}, ${template.address}, ${p.lng},
            ${p.lat}, ${template.place_id}, ${template.path}, ${template.grid_id}, ${template.grid_path},
            ${`raw-${n}-${randomBytes(6).toString('hex')}`}, now(), now() + interval '2 hours',
            now() + interval '2 hours', now(), 'x', ${`h${n}`}, '138****0000')`.execute(db);
        return { ok: true };
      });

    const loadgen = await startWorker();
    closers.push(() => loadgen.close());
    const intake = (ms: number) =>
      loadgen.run({ port, path: '/api/cases', bodies, headers, concurrency: CONCURRENCY, durationMs: ms });
    log(`${label}: warming up (${warmupMs} ms each)…`);
    const warm = await intake(warmupMs);
    if (warm.ok === 0) throw new Error(`POST /api/cases: nothing answered 200 (${warm.firstProblem})`);
    await rawInserts(warmupMs);

    const api: LoadResult[] = [];
    const raw: LoadResult[] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ['api', 'raw'] : ['raw', 'api'];
      for (const which of order) {
        if (which === 'api') api.push(await intake(durationMs));
        else raw.push(await rawInserts(durationMs));
      }
      const a = api[r]!;
      const b = raw[r]!;
      log(
        `${label} round ${r + 1}/${rounds}: POST /api/cases ${round(a.rps, 1)} cases/s (p50 ${round(a.p50Ms, 1)} ms, ` +
          `p99 ${round(a.p99Ms, 1)} ms, non-200 ${a.non200}, failed ${a.failed}${a.firstProblem ? `: ${a.firstProblem}` : ''}); ` +
          `raw INSERT ${round(b.rps, 1)} rows/s (p50 ${round(b.p50Ms, 2)} ms, p99 ${round(b.p99Ms, 2)} ms)`,
      );
    }
    await sql`DROP TABLE bench_intake_scratch`.execute(db);

    const med = (list: LoadResult[], key: 'rps' | 'p50Ms' | 'p99Ms') => {
      const v = list.map((x) => x[key]).sort((x, y) => x - y);
      return v[Math.floor(v.length / 2)] ?? Number.NaN;
    };
    const apiRps = med(api, 'rps');
    const rawRps = med(raw, 'rps');
    const baseline = `raw single-row INSERT into a civic_case-shaped table, ${CONCURRENCY} concurrent`;
    return [
      {
        name: `intake on ${label}: POST /api/cases as grid1, ${CONCURRENCY} concurrent, ${durationMs / 1000} s`,
        value: round(apiRps, 1),
        unit: 'cases/s',
        baseline,
        baselineValue: round(rawRps, 1),
        ratio: rawRps > 0 ? round(apiRps / rawRps, 3) : null,
        runs: rounds,
      },
      {
        name: `intake on ${label}: p50 latency`,
        value: round(med(api, 'p50Ms'), 1),
        unit: 'ms',
        baseline,
        baselineValue: round(med(raw, 'p50Ms'), 2),
        ratio: null,
        runs: rounds,
      },
      {
        name: `intake on ${label}: p99 latency`,
        value: round(med(api, 'p99Ms'), 1),
        unit: 'ms',
        baseline,
        baselineValue: round(med(raw, 'p99Ms'), 2),
        ratio: null,
        runs: rounds,
      },
    ];
  } finally {
    for (const close of closers.reverse()) await close().catch((error: unknown) => log(String(error)));
  }
}
