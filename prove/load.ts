/**
 * Load: many logged-in sessions at once (full 200 for 60 s; quick 50 for 10 s), each a loop of what its account
 * does in a day: console lists (cases, residents, households, places, grids, grid staff, home figures, the inbox,
 * case figures, the dashboard's KPIs when the server's OpenAPI document has that route), case steps (accept,
 * supervise, comment — several sessions on one case: 409 is the expected answer to a stale version or a step the
 * case has left behind) and reports from phones (grid workers' 随手拍, residents' 我要反映).
 * Pass: no 5xx, no connection error, no answer but 2xx and the expected 409s. Before the measured time every
 * session runs each of its operations once, unmeasured (warm-up: the first report builds the grid locator).
 *
 * The proof server allows LOUYUAN_LOGIN_RATE=100000 logins a minute: 200 sessions log in from one address, which
 * the default (20 a minute per IP) would refuse by design. Nothing else is configured for the load.
 */
import path from 'node:path';
import type { Figures } from './report.js';
import { median } from './crash.js';
import { call, login, pointsOf, ServerProcess, type Login, type Scratch } from './server.js';

const ACCOUNTS = [
  'admin',
  'street1',
  'street2',
  'community1',
  'community2',
  'community3',
  'grid1',
  'grid2',
  'dept1',
  'resident1',
];

interface Op {
  kind: string;
  /** One request (or a read and then a step); answers the statuses seen. */
  run(): Promise<number[]>;
}

interface CaseItem {
  id: number;
  version: number;
  allowedActions?: string[];
}

export async function proveLoad(
  scratch: Scratch,
  options: { quick: boolean; logDir: string; log: (m: string) => void },
): Promise<Figures> {
  const sessions = options.quick ? 50 : 200;
  const durationMs = options.quick ? 10_000 : 60_000;
  const logFile = path.join(options.logDir, `load-${scratch.kind}.log`);
  options.log(`${scratch.label}: start (migrate + demo seed)…`);
  const server = await ServerProcess.start(scratch, logFile);
  const base = server.base;
  try {
    const doc = (await call(base, null, 'GET', '/api/openapi.json')).json as {
      paths: Record<string, unknown>;
    };
    const dashboard = '/api/dashboard/overview' in doc.paths;
    options.log(
      `${scratch.label}: ${sessions} logins (dashboard KPIs ${dashboard ? 'present' : 'not in this build'})…`,
    );
    const logins: Login[] = [];
    for (let i = 0; i < sessions; i += 8) {
      const batch = Array.from({ length: Math.min(8, sessions - i) }, (_, j) =>
        login(base, ACCOUNTS[(i + j) % ACCOUNTS.length]!),
      );
      logins.push(...(await Promise.all(batch)));
    }
    const points = new Map<string, [number, number][]>();
    for (const name of ['grid1', 'grid2', 'community1']) {
      points.set(
        name,
        await pointsOf(
          base,
          logins.find((l) => l.username === name)!,
        ),
      );
    }
    points.set('resident1', points.get('community1')!);

    const reads = (who: Login): string[] => {
      const common = [
        '/api/cases?pageSize=20',
        '/api/home/stats',
        '/api/notifications',
        '/api/places?pageSize=20',
      ];
      switch (who.user.role) {
        case 'resident':
          return ['/api/cases?pageSize=20', '/api/case-categories'];
        case 'department_staff':
          return ['/api/cases?pageSize=20', '/api/home/stats', '/api/notifications', '/api/cases/figures'];
        case 'grid_worker':
          return [
            ...common,
            '/api/residents?pageSize=20',
            '/api/households?pageSize=20',
            '/api/grids?pageSize=20',
          ];
        default:
          return [
            ...common,
            '/api/residents?pageSize=20',
            '/api/households?pageSize=20',
            '/api/grids?pageSize=20',
            '/api/grid-staff?pageSize=20',
            '/api/cases/figures',
            ...(dashboard ? ['/api/dashboard/overview', '/api/dashboard/map'] : []),
          ];
      }
    };
    const opsOf = (who: Login, n: number): Op[] => {
      const ops: Op[] = reads(who).map((url) => ({
        kind: `GET ${url.split('?')[0]}`,
        run: async () => [(await call(base, who, 'GET', url)).status],
      }));
      const pts = points.get(who.username);
      if (pts && ['grid_worker', 'resident', 'community_staff'].includes(who.user.role)) {
        let i = n;
        ops.push({
          kind: 'POST /api/cases',
          run: async () => {
            const [lng, lat] = pts[i++ % pts.length]!;
            const res = await call(base, who, 'POST', '/api/cases', {
              categoryCode: ['1001', '1002', '0403', '0101'][i % 4],
              description: `PROVE load ${n}-${i}：路灯不亮`,
              lng,
              lat,
            });
            return [res.status];
          },
        });
      }
      if (['district_admin', 'street_staff', 'community_staff'].includes(who.user.role)) {
        ops.push({
          kind: 'POST /api/cases/:id/transitions',
          run: async () => {
            // the newest cases in sight, and one step on one of them: other sessions race for the same ones
            const list = await call(base, who, 'GET', '/api/cases?pageSize=10');
            const items = (list.json as { items?: CaseItem[] } | null)?.items ?? [];
            const target = items[Math.floor(Math.random() * items.length)];
            if (list.status !== 200 || !target) return [list.status];
            // a step the answer allowed on the version it showed
            const action = ['accept', 'supervise', 'comment'].find((a) => target.allowedActions?.includes(a));
            if (!action) return [list.status];
            const step = await call(base, who, 'POST', `/api/cases/${target.id}/transitions`, {
              action,
              version: target.version,
              note: '压测：请尽快处理',
            });
            return [list.status, step.status];
          },
        });
      }
      return ops;
    };

    // warm-up, not measured: each session runs each of its operations once (the first case report builds the
    // grid locator, the first reads fill the caches), so the figures are of a running server
    await Promise.all(
      logins.map(async (who, n) => {
        for (const op of opsOf(who, n)) await op.run().catch(() => undefined);
      }),
    );

    const latencies: number[] = [];
    const byKind = new Map<string, number[]>();
    const statuses: Record<string, number> = {};
    const unexpected: string[] = [];
    let errors = 0;
    const deadline = performance.now() + durationMs;
    const started = performance.now();
    options.log(`${scratch.label}: ${sessions} sessions for ${durationMs / 1000} s…`);
    await Promise.all(
      logins.map(async (who, n) => {
        const ops = opsOf(who, n);
        for (let i = n; performance.now() < deadline; i++) {
          const op = ops[i % ops.length]!;
          const t0 = performance.now();
          let seen: number[];
          try {
            seen = await op.run();
          } catch (error) {
            errors++;
            if (unexpected.length < 20) unexpected.push(`${op.kind} as ${who.username}: ${String(error)}`);
            continue;
          }
          const ms = performance.now() - t0;
          latencies.push(ms);
          byKind.set(op.kind, [...(byKind.get(op.kind) ?? []), ms]);
          for (const status of seen) {
            statuses[status] = (statuses[status] ?? 0) + 1;
            const expected = status < 300 || (status === 409 && op.kind.endsWith('/transitions'));
            if (!expected && unexpected.length < 20)
              unexpected.push(`${op.kind} as ${who.username}: ${status}`);
            if (!expected) errors++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
    const fivexx = Object.entries(statuses)
      .filter(([s]) => Number(s) >= 500)
      .reduce((a, [, n]) => a + n, 0);
    const figures: Record<string, string | number> = {
      sessions,
      seconds: durationMs / 1000,
      requests,
      'requests/s': Math.round(requests / elapsed),
      'p50 (operation)': `${pct(latencies, 50).toFixed(0)} ms`,
      'p99 (operation)': `${pct(latencies, 99).toFixed(0)} ms`,
      statuses: Object.entries(statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
      '5xx': fivexx,
      'other errors': errors,
    };
    for (const [kind, values] of [...byKind].sort()) {
      figures[kind] =
        `${values.length} ops, p50 ${pct(values, 50).toFixed(0)} ms, p99 ${pct(values, 99).toFixed(0)} ms`;
    }
    return { ok: errors === 0 && fivexx === 0 && requests > 0, problems: unexpected, figures };
  } finally {
    await server.stop();
  }
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (p === 50) return median(values);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
