/**
 * The real server for the proof suites: `bin/louyuan.mjs start` as a separate process on a scratch database
 * (a fresh PGlite data directory, or a PostgreSQL database created for the run and dropped afterwards), on a free
 * loopback port, seeded with the demo on its first start. Also a small HTTP client with the console's session
 * handling (cookie + CSRF header).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LOOPBACK = '127.0.0.1';
export const DEMO_PASSWORD = 'Louyuan@2026';

export type DbKind = 'pglite' | 'pg';
export const DB_LABEL: Record<DbKind, string> = { pglite: 'PGlite', pg: 'PostgreSQL' };

/** A scratch database and the environment that points a server (or the CLI) at it. */
export interface Scratch {
  kind: DbKind;
  label: string;
  env: Record<string, string>;
  /** Where the data lives, for people. */
  where: string;
  drop(): Promise<void>;
}

export async function createScratch(
  kind: DbKind,
  options: { pgUrl: string; scale: number; env?: Record<string, string> },
): Promise<Scratch> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-prove-'));
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    // the proof talks plain HTTP on the loopback: the client keeps the cookie whatever its Secure flag says,
    // but a production server behind no TLS would be told so; keep the production flag and say it plainly
    LOUYUAN_SECURE_COOKIES: '0',
    LOUYUAN_SECRET_KEY: randomBytes(32).toString('base64'),
    LOUYUAN_DEMO_SCALE: String(options.scale),
    LOUYUAN_FILES_DIR: path.join(dir, 'files'),
    ...options.env,
  };
  if (kind === 'pglite') {
    env.LOUYUAN_DATA_DIR = path.join(dir, 'data');
    return {
      kind,
      label: DB_LABEL[kind],
      env,
      where: env.LOUYUAN_DATA_DIR,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `louyuan_prove_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(options.pgUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(options.pgUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  return {
    kind,
    label: DB_LABEL[kind],
    env,
    where: `database ${name}`,
    drop: async () => {
      await adminQuery(options.pgUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One `louyuan` CLI command on the scratch database, to its end: exit code and output. */
export function runCli(
  scratch: Scratch,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/louyuan.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...scratch.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A running `louyuan start`, its port and its log. */
export class ServerProcess {
  private exited: Promise<number | null>;
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ? null : code)),
    );
  }

  get base(): string {
    return `http://${LOOPBACK}:${this.port}`;
  }

  /** Start the server on the scratch database and wait until /api/health answers (the first start seeds). */
  static async start(scratch: Scratch, logFile: string, timeoutMs = 600_000): Promise<ServerProcess> {
    const port = await freePort();
    const log = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/louyuan.mjs'), 'start'], {
      cwd: ROOT,
      env: { ...process.env, ...scratch.env, PORT: String(port), HOST: LOOPBACK },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    const server = new ServerProcess(child, port, logFile);
    const deadline = Date.now() + timeoutMs;
    let gone = false;
    void server.exited.then(() => (gone = true));
    while (Date.now() < deadline) {
      if (gone) throw new Error(`the server exited during start (log: ${logFile})\n${tail(logFile)}`);
      try {
        const res = await fetch(`${server.base}/api/health`);
        if (res.ok) return server;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    server.child.kill('SIGKILL');
    throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s (log: ${logFile})`);
  }

  /** SIGKILL: the process ends at once, nothing flushed or closed. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the server's own shutdown (close the app, the sealer, the database). */
  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** A logged-in account: its cookie and CSRF token, as the console keeps them. */
export interface Login {
  username: string;
  cookie: string;
  csrfToken: string;
  user: { id: number; role: string; place: { code: string } };
}

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Login> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: Login['user'] };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('louyuan_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return { username, cookie, csrfToken: body.csrfToken, user: body.user };
}

export const authHeaders = (who: Login): Record<string, string> => ({
  cookie: who.cookie,
  'x-csrf-token': who.csrfToken,
});

/** JSON request as an account; throws only when no answer came (connection refused or reset). */
export async function call(
  base: string,
  who: Login | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(who ? authHeaders(who) : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json, text };
}

/**
 * Points inside the base micro-grids an account sees (a grid worker: the ones it serves), where its phone
 * reports from: random points in each grid's box, kept when inside its polygon.
 */
export async function pointsOf(base: string, who: Login, count = 400): Promise<[number, number][]> {
  const res = await call(base, who, 'GET', '/api/grids/geojson?level=4&kind=base');
  const features =
    (res.json as { features?: { geometry: { type: string; coordinates: unknown } }[] } | null)?.features ??
    [];
  const rings = features.flatMap((f) =>
    f.geometry.type === 'Polygon'
      ? [(f.geometry.coordinates as [number, number][][])[0] ?? []]
      : (f.geometry.coordinates as [number, number][][][]).map((p) => p[0] ?? []),
  );
  if (rings.length === 0)
    throw new Error(`no micro-grid in ${who.username}'s sight: ${res.text.slice(0, 200)}`);
  const points: [number, number][] = [];
  for (let i = 0; points.length < count && i < count * 20; i++) {
    const ring = rings[i % rings.length] ?? [];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const x = Math.min(...xs) + Math.random() * (Math.max(...xs) - Math.min(...xs));
    const y = Math.min(...ys) + Math.random() * (Math.max(...ys) - Math.min(...ys));
    if (inRing(x, y, ring)) points.push([x, y]);
  }
  return points;
}

/** Ray casting: is the point inside the ring? */
function inRing(x: number, y: number, ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
