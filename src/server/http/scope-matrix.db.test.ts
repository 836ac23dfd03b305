import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/types.js';
import { createTestApp, type Session, type TestApp } from '../testing/app.js';
import { proveReport } from '../testing/prove-report.js';
import type { ImportJobAnswer } from '../testing/sheets.js';
import { bodyText, callsFor, isListRoute, loadSubtree, type Subtree } from '../testing/subtrees.js';
import {
  errorCode,
  errorShapeProblems,
  fingerprint,
  isMultipartRoute,
  isStream,
  part,
  routeName,
} from '../testing/walk.js';
import type { RouteEntry } from './request-context.js';

/**
 * The scope matrix: EVERY route of app.routeTable × EVERY role × a node inside and a node outside the actor's
 * sight. Nothing here lists routes: a route added later is walked too.
 *
 * Outside: every call that names the other subtree (path parameters, `within`, searches for its names and codes,
 * body fields naming its places, an upload whose rows live there) is refused with 403/404 in the error shape, a
 * refused write leaves a 'denied' audit entry, a list answers only what the actor may see, and no business table
 * changes during the walk.
 *
 * Inside: every read (GET) naming the actor's own subtree answers 200, or 403 when the role lacks the capability
 * (never 404: scope too narrow, never 5xx); and every list answer, at its largest page, holds no place or grid code
 * from outside the actor's node (an oracle read from the database, so a list that forgot its scope filter is
 * caught whatever the route). Writes inside the subtree are the modules' own tests (they change the fixtures).
 */

interface MatrixRow {
  actor: string;
  /** The fixtures in the actor's sight. */
  inside: () => Subtree;
  /** Fixtures outside its sight, or null when there is none: its node is the whole district. */
  outside: (() => Subtree) | null;
  /** An actor without any capability over the outside records: 403 on every route, never 404. */
  onlyForbidden?: boolean;
  /** Routes (method + URL) this actor may use anywhere in the district, so the outside walk does not call them. */
  exempt?: (route: RouteEntry) => boolean;
  /** URL prefixes of records this actor may hold its own of: another's answers 404 like a missing one. */
  ownRecords?: string[];
  /** Identifiers of the outside subtree this actor must not see (default: all of them). */
  hidden?: (s: Subtree) => string[];
  /** Inside reads that may answer 404 because the role's sight is narrower than its node, with the reason. */
  inside404?: string[];
}

let t: TestApp;
let db: Kysely<DB>;
const sessions: Record<string, Session> = {};
let sideA: Subtree; // community1's community, in street 410103001
let sideB: Subtree; // community3's community, in street 410103002

const districtReads = (prefixes: string[]) => (route: RouteEntry) =>
  route.method === 'GET' && prefixes.some((p) => route.url === p || route.url.startsWith(`${p}/`));

/**
 * District-wide reference data, not records of a subtree: the case category catalogue (every signed-in account
 * reads it for the reporting pages), the departments (for binding department accounts and dispatching) and the
 * home page's counts (each figure by the role's capabilities, under its own node).
 */
const REFERENCE_DATA = ['GET /api/case-categories', 'GET /api/departments', 'GET /api/home/stats'];
const isReference = (route: RouteEntry) => REFERENCE_DATA.includes(routeName(route));

const ROWS: MatrixRow[] = [
  // The district administrator's node is the whole district: there is no node outside it.
  { actor: 'admin', inside: () => sideA, outside: null },
  { actor: 'street1', inside: () => sideA, outside: () => sideB },
  { actor: 'community1', inside: () => sideA, outside: () => sideB },
  { actor: 'grid1', inside: () => sideA, outside: () => sideB },
  { actor: 'grid2', inside: () => sideB, outside: () => sideA },
  {
    // Bound to the district: places and grids are reference data it reads everywhere; its cases are only those
    // dispatched to its department, so the other subtree's case (and the inside one) are out of its sight.
    actor: 'dept1',
    inside: () => sideA,
    outside: () => sideB,
    exempt: districtReads(['/api/places', '/api/grids', '/api/grid-staff', '/api/departments']),
    hidden: (s) => [s.caseToken, ...s.identifiers.filter((id) => /^20\d{12,}$/.test(id))],
    inside404: ['/api/cases/'],
  },
  {
    // A resident files a case wherever the problem is and lists its own reports wherever they are
    // (cases.db.test.ts checks it sees only its own), and reads the category catalogue for the reporting pages.
    actor: 'resident1',
    inside: () => sideA,
    outside: () => sideB,
    onlyForbidden: true,
    exempt: (r) => ['POST /api/cases', 'GET /api/cases', 'GET /api/case-categories'].includes(routeName(r)),
    ownRecords: ['/api/cases/'],
    inside404: ['/api/cases/'],
  },
  // The three administrators are bound to the district and hold no business capability: every business route is
  // 403; the account routes (all accounts are in their district) and the place tree they bind accounts to are
  // theirs everywhere.
  {
    actor: 'sysadmin',
    inside: () => sideA,
    outside: () => sideB,
    onlyForbidden: true,
    exempt: (r) => r.url.startsWith('/api/users') || districtReads(['/api/places'])(r) || isReference(r),
  },
  {
    actor: 'secadmin',
    inside: () => sideA,
    outside: () => sideB,
    onlyForbidden: true,
    exempt: (r) => r.url.startsWith('/api/users') || districtReads(['/api/places'])(r) || isReference(r),
  },
  {
    actor: 'auditor',
    inside: () => sideA,
    outside: () => sideB,
    onlyForbidden: true,
    exempt: (r) => r.url.startsWith('/api/audit') || isReference(r),
  },
];

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  for (const name of [...ROWS.map((r) => r.actor), 'community3']) sessions[name] = await t.login(name);
  const c1 = sessions.community1 as Session;
  const c3 = sessions.community3 as Session;
  sideA = await loadSubtree(db, 'community1 (410103001001)', c1.user.place.code, 'grid1', c1);
  sideB = await loadSubtree(db, 'community3 (410103002001)', c3.user.place.code, 'grid2', c3);
  // a webhook, so the district's configuration routes have a record to read (the fixtures name webhook 1)
  const create = t.app.routeTable.find((r) => routeName(r) === 'POST /api/webhooks');
  const example = (part(create!, 'body')?.examples ?? [])[0];
  const hook = await (sessions.admin as Session).request('POST', '/api/webhooks', example);
  expect(hook.statusCode, hook.body).toBe(200);
  expect(hook.json<{ id: number }>().id).toBe(1);
});
afterAll(() => t?.close());

/** Every route but the public ones (no actor), the self ones (access.db.test.ts) and the event stream. */
const routes = () => t.app.routeTable.filter((r) => !r.public && !r.self && !isStream(r));

/** Every string in a JSON answer (or the cells of a spreadsheet), for the oracle. */
function stringsIn(text: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  try {
    walk(JSON.parse(text));
  } catch {
    out.push(...text.split(/[\n,]/));
  }
  return out;
}

/** Place and grid codes outside the actor's node: neither under it nor on the way up to it. */
async function codesOutside(actor: Session): Promise<Set<string>> {
  const node = await db
    .selectFrom('place')
    .select('path')
    .where('code', '=', actor.user.place.code)
    .executeTakeFirstOrThrow();
  const { rows } = await sql<{ code: string; inside: boolean }>`
    SELECT p.code, (p.path LIKE ${`${node.path}%`} OR ${node.path} LIKE p.path || '%') AS inside FROM place p
    UNION ALL
    SELECT g.code, (p.path LIKE ${`${node.path}%`} OR ${node.path} LIKE p.path || '%') AS inside
      FROM grid g JOIN place p ON p.id = g.place_id`.execute(db);
  const inside = new Set(rows.filter((r) => r.inside).map((r) => r.code));
  return new Set(rows.filter((r) => !r.inside && !inside.has(r.code)).map((r) => r.code));
}

const send = (s: Session, route: RouteEntry, url: string, body?: unknown, headers?: Record<string, string>) =>
  s.request(route.method as InjectOptions['method'], url, body, headers);

/** The largest page a list offers, so a missing filter shows. */
function widest(route: RouteEntry, url: string): string {
  const props = part(route, 'querystring')?.properties ?? {};
  if (!('pageSize' in props)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}pageSize=200`;
}

/** What is wrong with an accepted import aimed at the other subtree, or null when none of its rows landed. */
async function importProblem(
  session: Session,
  route: RouteEntry,
  res: LightMyRequestResponse,
): Promise<string | null> {
  if (route.url === '/api/cases/import-hotline') {
    const answer = res.json<{ imported: number; skipped: unknown[] }>();
    return answer.imported === 0 && answer.skipped.length === 1
      ? null
      : `hotline order in the other subtree: ${res.body.slice(0, 200)}`;
  }
  if (route.url === '/api/residents/imports') {
    let job = res.json<ImportJobAnswer>();
    while (job.status === 'validating') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await session.request('GET', `/api/residents/imports/${job.id}`)).json<ImportJobAnswer>();
    }
    const reasons = job.findings.items.map((f) => `${f.column}:${f.reason}`);
    return job.validRows === 0 && reasons.join() === '楼栋编码:building_not_found'
      ? null
      : `upload into the other subtree gave ${job.validRows} valid rows, ${reasons}`;
  }
  return `accepted an upload aimed at the other subtree: ${res.body.slice(0, 200)}`;
}

/** The URL without its `within` filter. */
function withoutWithin(url: string): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.delete('within');
  return params.size > 0 ? `${path}?${params}` : (path ?? url);
}

/** The URL of a paged list's last page, when it has more than one. */
function lastPage(res: LightMyRequestResponse, url: string): string | null {
  let page: { total?: unknown; pageSize?: unknown };
  try {
    page = res.json();
  } catch {
    return null;
  }
  if (typeof page.total !== 'number' || typeof page.pageSize !== 'number') return null;
  const pages = Math.ceil(page.total / page.pageSize);
  return pages > 1 ? `${url}&page=${pages}` : null;
}

const matrix: { actor: string; side: string; routes: number; calls: number; ok: number }[] = [];

describe.each(ROWS)('scope matrix as $actor', (row) => {
  it('outside its sight: refused or filtered, writes nothing, audits denied writes', async () => {
    const session = sessions[row.actor] as Session;
    if (!row.outside) {
      // its node is the root: there is no outside node to try, and every place is its own
      expect(session.user.place.code).toBe('410103');
      matrix.push({ actor: row.actor, side: 'outside', routes: 0, calls: 0, ok: 0 });
      return;
    }
    const own = row.inside();
    const target = row.outside();
    const hidden = row.hidden ? row.hidden(target) : target.identifiers;
    const before = await fingerprint(db);
    const problems: string[] = [];
    let calls = 0;
    let walked = 0;
    for (const route of routes()) {
      walked++;
      if (row.exempt?.(route)) continue;
      for (const call of callsFor(route, own, target)) {
        calls++;
        const where = `${route.method} ${call.url} [${call.label}]`;
        const auditHead = await sql<{
          id: number;
        }>`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`.execute(db);
        const res = await send(session, route, call.url, call.body, call.headers);
        if (res.statusCode >= 500) {
          problems.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          continue;
        }
        if (res.statusCode === 200 && isMultipartRoute(route) && !row.onlyForbidden) {
          // An import is accepted, but none of its rows may land in the other subtree.
          const problem = await importProblem(session, route, res);
          if (problem) problems.push(`${where}: ${problem}`);
          continue;
        }
        if (res.statusCode === 200 && isListRoute(route) && !row.onlyForbidden) {
          const text = await bodyText(res);
          const leaked = hidden.filter((id) => text.includes(id));
          if (leaked.length > 0) problems.push(`${where}: 200 leaks ${leaked.slice(0, 5).join(', ')}`);
          continue;
        }
        if (res.statusCode === 200 && isListRoute(route) && row.onlyForbidden) {
          // A list that answers a capability-less actor at all may hold no records: every list in it is empty.
          const leaked = hidden.filter((id) => res.body.includes(id));
          const lists = Object.entries(res.json() as Record<string, unknown>).filter(
            ([, v]) => Array.isArray(v) && v.length > 0,
          );
          if (leaked.length > 0 || lists.length > 0) {
            problems.push(
              `${where}: 200 for ${row.actor} shows ${[...leaked, ...lists.map(([k]) => k)].join(', ')}`,
            );
          }
          continue;
        }
        const ownRecord = row.ownRecords?.some((prefix) => route.url.startsWith(prefix));
        const allowed = row.onlyForbidden && !ownRecord ? [403] : [403, 404];
        if (!allowed.includes(res.statusCode)) {
          problems.push(`${where}: ${res.statusCode} ${errorCode(res)} (expected ${allowed.join(' or ')})`);
          continue;
        }
        for (const p of errorShapeProblems(res)) problems.push(`${where}: ${p}`);
        if (route.method !== 'GET') {
          const denied = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM audit_log
             WHERE id > ${auditHead.rows[0]?.id ?? 0} AND actor_name = ${row.actor} AND result = 'denied'`.execute(
            db,
          );
          if (!denied.rows[0]?.n) problems.push(`${where}: refused write left no 'denied' audit entry`);
        }
      }
    }
    const after = await fingerprint(db);
    for (const table of Object.keys(before)) {
      if (after[table] !== before[table]) problems.push(`table ${table} changed during the walk`);
    }
    matrix.push({ actor: row.actor, side: 'outside', routes: walked, calls, ok: calls - problems.length });
    expect(problems, problems.join('\n')).toEqual([]);
    expect(walked).toBe(routes().length);
  });

  it('inside its sight: every read answers 200 or 403, and lists hold nothing from outside its node', async () => {
    const session = sessions[row.actor] as Session;
    const inside = row.inside();
    const other = inside === sideA ? sideB : sideA;
    const outsideCodes = await codesOutside(session);
    const problems: string[] = [];
    let calls = 0;
    let answered = 0;
    let walked = 0;
    for (const route of routes()) {
      walked++;
      if (route.method !== 'GET' || isMultipartRoute(route)) continue;
      // the route's call aimed at the inside subtree (no searches for its names); a list also without `within`,
      // so its default scope shows
      const aimed = callsFor(route, other, inside).filter((c) => !c.label.includes('q='))[0];
      if (!aimed) continue;
      const urls = isListRoute(route)
        ? [widest(route, aimed.url), widest(route, withoutWithin(aimed.url))]
        : [aimed.url];
      for (const url of [...new Set(urls)]) {
        const where = `GET ${url}`;
        calls++;
        const res: LightMyRequestResponse = await send(session, route, url);
        const narrower = row.inside404?.some((p) => route.url.startsWith(p));
        if (res.statusCode === 200) {
          answered++;
          if (isListRoute(route)) {
            // the first page and the last: a list ordered by place shows its own rows first either way
            const texts = [await bodyText(res)];
            const last = lastPage(res, url);
            if (last) texts.push(await bodyText(await send(session, route, last)));
            const leaked = [...new Set(texts.flatMap(stringsIn).filter((s) => outsideCodes.has(s)))];
            if (leaked.length > 0) {
              problems.push(
                `${where}: answers ${leaked.length} codes outside the node: ${leaked.slice(0, 5)}`,
              );
            }
          }
          continue;
        }
        if (res.statusCode === 403 || (res.statusCode === 404 && narrower)) {
          for (const p of errorShapeProblems(res)) problems.push(`${where}: ${p}`);
          continue;
        }
        problems.push(`${where}: ${res.statusCode} ${errorCode(res)} ${res.body.slice(0, 160)}`);
      }
    }
    matrix.push({ actor: row.actor, side: 'inside', routes: walked, calls, ok: answered });
    expect(problems, problems.join('\n')).toEqual([]);
    expect(walked).toBe(routes().length);
    // not vacuous: every role but the audit administrator reads something of its own subtree
    if (row.actor !== 'auditor') expect(answered).toBeGreaterThan(0);
  });
});

describe('the matrix covers every role', () => {
  it('has a row for each role of the product', async () => {
    const { ALL_ROLES } = await import('../policy/capabilities.js');
    const roles = new Set(ROWS.map((r) => (sessions[r.actor] as Session).user.role));
    expect([...ALL_ROLES].filter((r) => !roles.has(r))).toEqual([]);
    proveReport('scope', {
      routes: routes().length,
      roles: roles.size,
      calls: matrix.reduce((n, m) => n + m.calls, 0),
      rows: matrix,
    });
  });
});
