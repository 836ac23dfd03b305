/**
 * Crash: case intake at 64 requests in flight, the server killed with SIGKILL mid-run, restarted on the same
 * data; every case whose creation was acknowledged (a 200 with its id) must be there and whole — the civic_case
 * row with its code, its 'report' timeline step and its 'case.report' audit entry — and every case the run filed
 * at all must be whole (nothing half-written); the audit chain verifies (`louyuan audit verify`).
 *
 * Quick: 2 kills; full: 5. Reports come from phones: grid1 and grid2 (随手拍 in their micro-grids) and resident1
 * (我要反映), and from community1's console.
 */
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.js';
import type { Figures } from './report.js';
import { call, login, pointsOf, runCli, ServerProcess, type Login, type Scratch } from './server.js';

const CONCURRENCY = 64;
const REPORTERS = ['grid1', 'grid2', 'resident1', 'community1'];
const MARK = 'PROVE crash';

interface Ack {
  id: number;
  code: string;
}

export async function proveCrash(
  scratch: Scratch,
  options: { quick: boolean; logDir: string; log: (m: string) => void },
): Promise<Figures> {
  const kills = options.quick ? 2 : 5;
  const logFile = path.join(options.logDir, `crash-${scratch.kind}.log`);
  const acked: Ack[] = [];
  let sent = 0;
  let lost = 0;
  let inFlightAtKill = 0;
  const restartMs: number[] = [];

  options.log(`${scratch.label}: first start (migrate + demo seed)…`);
  let server = await ServerProcess.start(scratch, logFile);
  for (let k = 0; k < kills; k++) {
    const reporters: { who: Login; points: [number, number][] }[] = [];
    for (const name of REPORTERS) {
      const who = await login(server.base, name);
      // residents report anywhere in the district: from community1's micro-grids here
      const sightOf = name === 'resident1' ? await login(server.base, 'community1') : who;
      reporters.push({ who, points: await pointsOf(server.base, sightOf) });
    }
    // kill once intake flows (10 cases acknowledged in this round: the first requests also warm the server up),
    // a random 0.3–1.5 s later, while requests are in flight
    const killAfter = 300 + Math.random() * 1200;
    const ackedBefore = acked.length;
    let inFlight = 0;
    let stop = false;
    const base = server.base;
    const loop = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const r = reporters[(n + i) % reporters.length]!;
        const [lng, lat] = r.points[(n * 31 + i) % r.points.length]!;
        inFlight++;
        sent++;
        try {
          const res = await call(base, r.who, 'POST', '/api/cases', {
            categoryCode: ['1001', '1002', '0403', '0101'][i % 4],
            description: `${MARK} ${k}-${n}-${i}：楼道堆放杂物`,
            lng,
            lat,
          });
          if (res.status !== 200)
            throw new Error(`POST /api/cases as ${r.who.username}: ${res.status} ${res.text.slice(0, 200)}`);
          const created = (res.json as { case: Ack }).case;
          acked.push({ id: created.id, code: created.code });
        } catch (error) {
          // the server died under this request: not acknowledged, may or may not have been written
          if (!stop) throw error;
          lost++;
        } finally {
          inFlight--;
        }
      }
    };
    const loops = Array.from({ length: CONCURRENCY }, (_, n) => loop(n));
    const flowing = performance.now() + 120_000;
    while (acked.length < ackedBefore + 10 && performance.now() < flowing) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, killAfter));
    stop = true;
    const flying = inFlight;
    inFlightAtKill += flying;
    await server.kill();
    options.log(
      `${scratch.label}: kill ${k + 1}/${kills} ${Math.round(killAfter)} ms into the flow with ${flying} requests in flight; ${acked.length} acknowledged so far`,
    );
    await Promise.all(loops);
    const started = performance.now();
    server = await ServerProcess.start(scratch, logFile);
    restartMs.push(performance.now() - started);
    // the restarted server serves what was acknowledged before the kill
    const admin = await login(server.base, 'admin');
    for (const ack of acked.slice(-5)) {
      const res = await call(server.base, admin, 'GET', `/api/cases/${ack.id}`);
      if (res.status !== 200 || (res.json as { code?: string }).code !== ack.code) {
        throw new Error(
          `after restart, GET /api/cases/${ack.id} answered ${res.status} ${res.text.slice(0, 200)}`,
        );
      }
    }
  }
  const exit = await server.stop();
  if (exit !== 0) throw new Error(`the server's own shutdown exited ${exit}`);

  // Read the data as it lies on disk (PGlite: the server is stopped, so the directory is free).
  const problems: string[] = [];
  const database = await openDatabase(
    scratch.kind === 'pglite'
      ? { kind: 'pglite', dataDir: scratch.env.LOUYUAN_DATA_DIR! }
      : { kind: 'postgres', url: scratch.env.DATABASE_URL! },
  );
  let filed = 0;
  try {
    const { db } = database;
    const ids = acked.map((a) => a.id);
    const cases = new Map(
      (
        await db
          .selectFrom('civic_case')
          .select(['id', 'code'])
          .where('id', 'in', ids.length ? ids : [-1])
          .execute()
      ).map((r) => [r.id, r.code]),
    );
    for (const ack of acked) {
      if (!cases.has(ack.id)) problems.push(`acknowledged case ${ack.id} (${ack.code}) is missing`);
      else if (cases.get(ack.id) !== ack.code)
        problems.push(`case ${ack.id} has code ${cases.get(ack.id)}, acknowledged ${ack.code}`);
    }
    // every case the run filed — acknowledged or cut off by the kill — is whole: one report step, one audit entry
    const whole = await db
      .selectFrom('civic_case as c')
      .select((eb) => [
        'c.id',
        eb
          .selectFrom('case_event as e')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('e.case_id', '=', 'c.id')
          .where('e.action', '=', 'report')
          .as('steps'),
        eb
          .selectFrom('audit_log as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('a.subject_type', '=', 'case')
          .whereRef('a.subject_id', '=', eb.cast('c.id', 'text'))
          .where('a.action', '=', 'case.report')
          .where('a.result', '=', 'ok')
          .as('audits'),
      ])
      .where('c.description', 'like', `${MARK}%`)
      .execute();
    filed = whole.length;
    for (const row of whole) {
      if (Number(row.steps) !== 1) problems.push(`case ${row.id} has ${row.steps} report steps`);
      if (Number(row.audits) !== 1)
        problems.push(`case ${row.id} has ${row.audits} case.report audit entries`);
    }
  } finally {
    await database.close();
  }
  const verify = await runCli(scratch, ['audit', 'verify', '--json']);
  let chain: { ok?: boolean; checked?: number; firstBroken?: unknown } = {};
  try {
    chain = JSON.parse(verify.stdout) as typeof chain;
  } catch {
    problems.push(`louyuan audit verify: ${verify.stdout.slice(0, 200)} ${verify.stderr.slice(0, 200)}`);
  }
  if (verify.code !== 0 || !chain.ok)
    problems.push(`audit chain: ${JSON.stringify(chain.firstBroken ?? verify.stderr.slice(0, 300))}`);
  if (inFlightAtKill === 0) problems.push('no request was in flight at any kill: the kill was not mid-run');
  if (acked.length === 0) problems.push('no case was acknowledged: nothing was proven');

  return {
    ok: problems.length === 0,
    problems,
    figures: {
      kills,
      'requests sent': sent,
      acknowledged: acked.length,
      'cut off by the kill': lost,
      'in flight at the kills': inFlightAtKill,
      'cases filed (acknowledged or not)': filed,
      'acknowledged missing': problems.filter((p) => p.includes('missing')).length,
      'audit entries verified': chain.checked ?? 0,
      'restart to ready (median)': `${(median(restartMs) / 1000).toFixed(1)} s`,
    },
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor(sorted.length / 2)] ?? 0) : 0;
};
