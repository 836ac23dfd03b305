/**
 * Locate figures, each beside a baseline measured in the same run, interleaved round by round:
 *
 * - in process: `GridLocator.locate` (flatbush + point-in-polygon on the candidates) in points per second, against
 *   a brute-force linear scan that tests `pointInPolygon` on every polygon that can answer (every base micro-grid
 *   and every overlay grid; levels 1–3 come from the micro-grid's chain in both). Both must give the same
 *   micro-grid, chain and overlays for every point, or the bench fails.
 * - over HTTP: GET /api/grids/locate on the real app (`buildApp`, logged in as admin, logging off) in requests per
 *   second and p50/p99 latency, against a bare Fastify app with one GET route answering a constant JSON. The load
 *   comes from a worker thread (its own event loop, so the client does not run on the server's) holding C
 *   keep-alive connections to 127.0.0.1 for a fixed time.
 *
 * One in-memory demo database (migrate + demo seed) serves both. The worker half of this file runs when it is
 * loaded as the load generator's worker; the server modules are imported lazily so the worker stays light.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import seedrandom from 'seedrandom';
import type { LocateHit } from '../src/server/modules/grids/grids.locator.js';
import type { Figure } from './figure.js';
import { median } from './startup.js';

const LOOPBACK = '127.0.0.1';
const WORKER_ROLE = 'louyuan-bench-locate-load';
/** The demo district's surroundings: random points fall inside it and around its edges. */
const BBOX = { minLng: 113.56, maxLng: 113.68, minLat: 34.66, maxLat: 34.76 } as const;
const DEMO_SEED = 410103;
const CONCURRENCY = 32;

// ---------------------------------------------------------------------------------------------------------
// Load generator (worker side)

interface LoadJob {
  id: number;
  port: number;
  /** Request paths, used in turn. */
  paths: string[];
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  timeoutMs: number;
}

interface LoadResult {
  id: number;
  /** Requests that got an answer (any status). */
  answered: number;
  ok: number;
  non200: number;
  /** Requests that got no answer (socket error, timeout). */
  failed: number;
  firstFailure: string | null;
  elapsedMs: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

function isLoadJob(value: unknown): value is LoadJob {
  return typeof value === 'object' && value !== null && 'paths' in value && 'port' in value && 'id' in value;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** GETs from `concurrency` loops over keep-alive connections until the time or the request budget is spent. */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  let issued = 0;
  let ok = 0;
  let non200 = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  const deadline = started + job.durationMs;
  // Hard stop: whatever is still in flight well after the deadline is cut off with its sockets.
  const hardStop = setTimeout(() => agent.destroy(), job.durationMs + 2 * job.timeoutMs);

  const get = (path: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { host: LOOPBACK, port: job.port, path, method: 'GET', agent, headers: job.headers },
        (res) => {
          res.on('error', reject);
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.resume();
        },
      );
      req.setTimeout(job.timeoutMs, () => req.destroy(new Error(`no answer within ${job.timeoutMs} ms`)));
      req.on('error', reject);
      req.end();
    });

  const loop = async (): Promise<void> => {
    while (performance.now() < deadline && issued < job.maxRequests) {
      // A server that refuses everything should not be hammered for the whole duration.
      if (failed >= 1000 && ok === 0) return;
      const path = job.paths[issued % job.paths.length] ?? '/';
      issued++;
      const t = performance.now();
      try {
        const status = await get(path);
        latencies.push(performance.now() - t);
        if (status === 200) ok++;
        else non200++;
      } catch (error) {
        failed++;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: job.concurrency }, loop));
  } finally {
    clearTimeout(hardStop);
    agent.destroy();
  }
  const elapsedMs = performance.now() - started;
  const sorted = Float64Array.from(latencies).sort();
  const answered = ok + non200;
  return {
    id: job.id,
    answered,
    ok,
    non200,
    failed,
    firstFailure,
    elapsedMs,
    rps: answered / (elapsedMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE && parentPort) {
  const port = parentPort;
  port.on('message', (job: unknown) => {
    if (!isLoadJob(job)) return;
    runLoad(job).then(
      (result) => port.postMessage(result),
      (error: unknown) => port.postMessage({ id: job.id, error: String(error) }),
    );
  });
  port.postMessage({ ready: true });
}

// ---------------------------------------------------------------------------------------------------------
// Load generator (main side)

class LoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: LoadResult) => void; reject: (e: Error) => void }
  >();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: unknown) => {
      if (typeof message !== 'object' || message === null || !('id' in message)) return;
      const id = Number(message.id);
      const waiting = this.pending.get(id);
      if (!waiting) return;
      this.pending.delete(id);
      if ('error' in message) waiting.reject(new Error(`load generator: ${String(message.error)}`));
      else waiting.resolve(message as LoadResult);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`load generator exited with ${code}`)));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  /** A worker thread running this very file; tsx is registered in it first so it can load TypeScript. */
  static async start(): Promise<LoadGenerator> {
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const code =
      `import(${JSON.stringify(tsxApi)})` +
      `.then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(code, { eval: true, workerData: { role: WORKER_ROLE } });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('load generator did not start within 60 s')), 60_000);
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return new LoadGenerator(worker);
  }

  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...job, id });
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Measurement

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};
const ratio = (a: number, b: number): number | null => (b > 0 ? round(a / b, 2) : null);
const log = (message: string): void => console.error(`[bench locate] ${message}`);

function hitKey(hit: LocateHit): string {
  return [
    hit.micro?.id ?? '-',
    hit.chain.map((g) => g.id).join(','),
    hit.overlays.map((g) => g.id).join(','),
  ].join('|');
}

/** Whole passes of `pass` until at least `minMs` has gone by (and at most `maxPasses`); ms per pass. */
function timePasses(
  pass: () => number,
  minMs: number,
  maxPasses: number,
): { msPerPass: number; sink: number } {
  let passes = 0;
  let sink = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    sink += pass();
    passes++;
    elapsed = performance.now() - started;
  } while (elapsed < minMs && passes < maxPasses);
  return { msPerPass: elapsed / passes, sink };
}

async function listen(app: {
  listen(o: { port: number; host: string }): Promise<string>;
  server: http.Server;
}) {
  await app.listen({ port: 0, host: LOOPBACK });
  return (app.server.address() as AddressInfo).port;
}

export async function measureLocate(options: { quick: boolean }): Promise<Figure[]> {
  const { quick } = options;
  const pointCount = quick ? 5_000 : 10_000;
  const inProcessRounds = quick ? 3 : 7;
  const httpRounds = quick ? 3 : 5;
  const durationMs = quick ? 3_000 : 10_000;
  const warmupMs = quick ? 1_000 : 2_000;

  const [
    { openDatabase },
    { migrateToLatest },
    { seedDemo },
    { loadConfig },
    { buildApp },
    { SESSION_COOKIE },
    { AuditSealer },
    { locatorFor, loadLocatorGrids },
    { pointInPolygon },
    { default: Fastify },
  ] = await Promise.all([
    import('../src/server/db/database.js'),
    import('../src/server/db/migrate.js'),
    import('../src/server/seed.js'),
    import('../src/server/config.js'),
    import('../src/server/http/app.js'),
    import('../src/server/http/request-context.js'),
    import('../src/server/core/audit-trail.js'),
    import('../src/server/modules/grids/grids.queries.js'),
    import('../src/server/modules/grids/grids.geometry.js'),
    import('fastify'),
  ]);

  log('building the in-memory demo database (migrate + demo seed)…');
  const database = await openDatabase({ kind: 'pglite-memory' });
  const closers: (() => Promise<void>)[] = [() => database.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error: unknown) => log(String(error)));
  };
  try {
    await migrateToLatest(database);
    await seedDemo(database, DEMO_SEED, () => {});

    // ---- in process ------------------------------------------------------------------------------------
    const grids = await loadLocatorGrids(database.db);
    const byId = new Map(grids.map((g) => [g.id, g]));
    const answerable = grids.filter((g) => g.kind !== 'base' || g.level === 4);
    const locator = await locatorFor(database.db);
    if (locator.size !== answerable.length) {
      throw new Error(`locator indexes ${locator.size} grids, the scan has ${answerable.length}`);
    }

    const bruteLocate = (lng: number, lat: number): LocateHit => {
      const hit: LocateHit = { micro: null, chain: [], overlays: [], compound: null }; // compounds are not compared here
      for (const grid of answerable) {
        if (!pointInPolygon(lng, lat, grid.geometry)) continue;
        if (grid.kind === 'base') {
          if (!hit.micro || grid.code < hit.micro.code) hit.micro = grid;
        } else hit.overlays.push(grid);
      }
      const micro = hit.micro;
      let parent = micro && micro.parentId !== null ? byId.get(micro.parentId) : undefined;
      while (parent) {
        hit.chain.push(parent);
        parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
      }
      hit.overlays.sort((a, b) => a.code.localeCompare(b.code));
      return hit;
    };

    const random = seedrandom('louyuan-bench-locate');
    const points = new Float64Array(pointCount * 2);
    for (let i = 0; i < pointCount; i++) {
      points[2 * i] = BBOX.minLng + random() * (BBOX.maxLng - BBOX.minLng);
      points[2 * i + 1] = BBOX.minLat + random() * (BBOX.maxLat - BBOX.minLat);
    }

    // Agreement on every point first (this is also the warm-up of both).
    const microCodes: (string | null)[] = [];
    for (let i = 0; i < pointCount; i++) {
      const lng = points[2 * i] ?? 0;
      const lat = points[2 * i + 1] ?? 0;
      const fast = locator.locate(lng, lat);
      const brute = bruteLocate(lng, lat);
      if (hitKey(fast) !== hitKey(brute)) {
        throw new Error(
          `locate disagrees with the brute-force scan at ${lng},${lat}: ` +
            `locator ${fast.micro?.code ?? 'none'} (${hitKey(fast)}), scan ${brute.micro?.code ?? 'none'} (${hitKey(brute)})`,
        );
      }
      microCodes.push(fast.micro?.code ?? null);
    }
    const inside = microCodes.filter((c) => c !== null).length;
    log(
      `${pointCount} points, ${inside} inside a micro-grid; locator and scan agree on all; ` +
        `${answerable.length} answerable polygons of ${grids.length} grids`,
    );

    const passOf = (locate: (lng: number, lat: number) => LocateHit) => (): number => {
      let sink = 0;
      for (let i = 0; i < pointCount; i++) {
        const hit = locate(points[2 * i] ?? 0, points[2 * i + 1] ?? 0);
        sink += hit.overlays.length + (hit.micro ? 1 : 0);
      }
      return sink;
    };
    const fastPass = passOf((lng, lat) => locator.locate(lng, lat));
    const brutePass = passOf(bruteLocate);
    const fastRates: number[] = [];
    const bruteRates: number[] = [];
    for (let r = 0; r < inProcessRounds; r++) {
      const order: ('fast' | 'brute')[] = r % 2 === 0 ? ['fast', 'brute'] : ['brute', 'fast'];
      for (const which of order) {
        const timed = which === 'fast' ? timePasses(fastPass, 300, 10_000) : timePasses(brutePass, 300, 100);
        (which === 'fast' ? fastRates : bruteRates).push(pointCount / (timed.msPerPass / 1000));
        if (timed.sink < 0) log('impossible'); // keeps the work observable
      }
      log(
        `in process round ${r + 1}/${inProcessRounds}: locator ${Math.round(fastRates[r] ?? 0)} points/s, ` +
          `scan ${Math.round(bruteRates[r] ?? 0)} points/s`,
      );
    }

    // ---- over HTTP -------------------------------------------------------------------------------------
    const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }) };
    const sealer = new AuditSealer(database.db, (error) => log(`audit sealer: ${String(error)}`));
    closers.push(() => sealer.stop());
    const app = await buildApp({ config, database, sealer, startedAt: new Date() });
    closers.push(() => app.close());
    const appPort = await listen(app);

    const bare = Fastify({ logger: false });
    bare.get('/bare', async () => ({ ok: true, name: 'louyuan' }));
    closers.push(() => bare.close());
    const barePort = await listen(bare);

    const login = await fetch(`http://${LOOPBACK}:${appPort}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Louyuan@2026' }),
    });
    if (login.status !== 200) throw new Error(`login as admin failed: ${login.status} ${await login.text()}`);
    const session = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (!session) throw new Error('login as admin set no session cookie');
    const headers = { cookie: session.split(';')[0] ?? '' };

    const locateCases: { path: string; code: string }[] = [];
    for (let i = 0; i < pointCount; i++) {
      const code = microCodes[i];
      if (code)
        locateCases.push({ path: `/api/grids/locate?lng=${points[2 * i]}&lat=${points[2 * i + 1]}`, code });
    }
    if (locateCases.length === 0) throw new Error('no random point fell inside the district');
    // The HTTP answers name the same micro-grid as the locator (a sample; the load below checks status only).
    for (const c of locateCases.slice(0, 50)) {
      const res = await fetch(`http://${LOOPBACK}:${appPort}${c.path}`, { headers });
      const body = (await res.json()) as { microGrid?: { code?: string } | null };
      if (res.status !== 200 || body.microGrid?.code !== c.code) {
        throw new Error(
          `GET ${c.path}: ${res.status}, micro-grid ${body.microGrid?.code} instead of ${c.code}`,
        );
      }
    }

    const loadgen = await LoadGenerator.start();
    closers.push(() => loadgen.close());
    const targets = {
      locate: { port: appPort, paths: locateCases.map((c) => c.path) },
      bare: { port: barePort, paths: ['/bare'] },
    };
    const job = (which: keyof typeof targets, ms: number): Promise<LoadResult> =>
      loadgen.run({
        ...targets[which],
        headers,
        concurrency: CONCURRENCY,
        durationMs: ms,
        maxRequests: 5_000_000,
        timeoutMs: 5_000,
      });
    log(`warming up both servers (${warmupMs} ms each)…`);
    await job('locate', warmupMs);
    await job('bare', warmupMs);
    const results: Record<keyof typeof targets, LoadResult[]> = { locate: [], bare: [] };
    for (let r = 0; r < httpRounds; r++) {
      const order: (keyof typeof targets)[] = r % 2 === 0 ? ['locate', 'bare'] : ['bare', 'locate'];
      for (const which of order) results[which].push(await job(which, durationMs));
      const l = results.locate[r];
      const b = results.bare[r];
      log(
        `HTTP round ${r + 1}/${httpRounds}: locate ${Math.round(l?.rps ?? 0)} req/s ` +
          `(p50 ${round(l?.p50Ms ?? 0, 2)} ms, p99 ${round(l?.p99Ms ?? 0, 2)} ms, non-200 ${l?.non200}, failed ${l?.failed}), ` +
          `bare ${Math.round(b?.rps ?? 0)} req/s (p50 ${round(b?.p50Ms ?? 0, 2)} ms, p99 ${round(b?.p99Ms ?? 0, 2)} ms)`,
      );
    }
    for (const [which, list] of Object.entries(results)) {
      const failure = list.find((x) => x.firstFailure)?.firstFailure;
      if (failure) log(`${which}: first failed request: ${failure}`);
      if (list.every((x) => x.ok === 0)) throw new Error(`${which}: not one request answered 200`);
    }

    const fast = median(fastRates);
    const brute = median(bruteRates);
    const m = (which: keyof typeof targets, key: 'rps' | 'p50Ms' | 'p99Ms') =>
      median(results[which].map((x) => x[key]));
    const sum = (which: keyof typeof targets, pick: (x: LoadResult) => number) =>
      results[which].reduce((total, x) => total + pick(x), 0);
    const locateRps = m('locate', 'rps');
    const bareRps = m('bare', 'rps');
    const httpLabel = `GET /api/grids/locate, ${CONCURRENCY} keep-alive conns, ${durationMs / 1000} s`;
    const bareName = 'bare Fastify GET route, constant JSON';
    const latency = (key: 'p50Ms' | 'p99Ms', label: string): Figure => ({
      name: `locate over HTTP: ${label} latency`,
      value: round(m('locate', key), 2),
      unit: 'ms',
      baseline: bareName,
      baselineValue: round(m('bare', key), 2),
      ratio: ratio(m('locate', key), m('bare', key)),
      runs: httpRounds,
    });
    return [
      {
        name: `locate in process (GridLocator, ${pointCount} random points)`,
        value: Math.round(fast),
        unit: 'points/s',
        baseline: `brute-force scan: pointInPolygon on all ${answerable.length} micro-grid and overlay polygons`,
        baselineValue: Math.round(brute),
        ratio: ratio(fast, brute),
        runs: inProcessRounds,
      },
      {
        name: `locate over HTTP (${httpLabel})`,
        value: Math.round(locateRps),
        unit: 'req/s',
        baseline: bareName,
        baselineValue: Math.round(bareRps),
        ratio: ratio(locateRps, bareRps),
        runs: httpRounds,
      },
      latency('p50Ms', 'p50'),
      latency('p99Ms', 'p99'),
      {
        name: `locate over HTTP: non-200 or failed (sum over rounds) of ${sum('locate', (x) => x.answered + x.failed)} requests`,
        value: sum('locate', (x) => x.non200 + x.failed),
        unit: 'requests',
        baseline: `${bareName}, of ${sum('bare', (x) => x.answered + x.failed)} requests`,
        baselineValue: sum('bare', (x) => x.non200 + x.failed),
        ratio: null,
        runs: httpRounds,
      },
    ];
  } finally {
    await closeAll();
  }
}
