import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../paths.js';
import { DEMO_TEST_SCALE } from '../testing/shared.js';
import { openDatabase } from './database.js';
import { DataDirLockedError, lockDirectory } from './lock.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-lock-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
  }
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  const pid = Number(done.stdout);
  expect(pid).toBeGreaterThan(0);
  return pid;
}

const readLock = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'louyuan.lock'), 'utf8')) as { pid: number; host: string };

describe('the data directory lock, in one process', () => {
  it('refuses a second open of the same directory with a clear DataDirLockedError', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      expect(readLock(dir)).toMatchObject({ pid: process.pid, host: os.hostname() });
      const error = await openDatabase({ kind: 'pglite', dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirLockedError);
      const locked = error as DataDirLockedError;
      expect(locked.holderPid).toBe(process.pid);
      expect(locked.lockPath).toBe(path.join(dir, 'louyuan.lock'));
      expect(locked.message).toContain(`pid ${process.pid}`);
      expect(locked.message).toContain(path.join(dir, 'louyuan.lock'));
      expect(locked.message).toMatch(/LOUYUAN_DATA_DIR/);
      // the refused open took nothing away from the first
      const { rows } = await sql<{ n: number }>`SELECT 41 + 1 AS n`.execute(first.db);
      expect(rows).toEqual([{ n: 42 }]);
      expect(readLock(dir).pid).toBe(process.pid);
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(dir, 'louyuan.lock'))).toBe(false);

    // a lock left behind by a process that died is taken over
    fs.writeFileSync(
      path.join(dir, 'louyuan.lock'),
      JSON.stringify({ pid: deadPid(), host: os.hostname(), since: new Date() }),
    );
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      expect(readLock(dir).pid).toBe(process.pid);
      await sql`SELECT 1`.execute(again.db);
    } finally {
      await again.close();
    }
    expect(fs.existsSync(path.join(dir, 'louyuan.lock'))).toBe(false);
  });

  it('takes over a half-written lock file, and releases only its own lock', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'louyuan.lock'), '{"pid": 12');
    const lock = lockDirectory(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    // someone else's lock in its place is not removed by our release
    fs.writeFileSync(path.join(dir, 'louyuan.lock'), JSON.stringify({ pid: 1, host: 'elsewhere' }));
    lock.release();
    expect(readLock(dir).pid).toBe(1);
    fs.rmSync(path.join(dir, 'louyuan.lock'));
    // releasing twice is harmless
    lock.release();
    expect(fs.existsSync(path.join(dir, 'louyuan.lock'))).toBe(false);
  });

  it('respects a live process’s lock', () => {
    const dir = tempDir();
    // pid 1 (init) is always alive
    fs.writeFileSync(path.join(dir, 'louyuan.lock'), JSON.stringify({ pid: 1, host: os.hostname() }));
    expect(() => lockDirectory(dir)).toThrow(DataDirLockedError);
    expect(readLock(dir).pid).toBe(1);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function louyuan(dir: string, port: number, ...args: string[]): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOUYUAN_DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // the first start seeds the demo: the test scale keeps it to the two communities the tests use
    LOUYUAN_DEMO_SCALE: String(DEMO_TEST_SCALE),
  };
  delete env.DATABASE_URL;
  delete env.LOUYUAN_DEMO;
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'louyuan.mjs'), ...args], {
    cwd: PROJECT_ROOT,
    env,
  });
  children.push(child);
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => text, exited };
}

async function waitForHealth(server: Started, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no /api/health within ${timeoutMs} ms:\n${server.output()}`);
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
  ]);
}

describe('two louyuan processes on one data directory', () => {
  it('the second exits naming the lock and the first pid; the first keeps serving and writing, then releases on SIGTERM', async () => {
    const dir = tempDir();
    const port = await freePort();
    const first = louyuan(dir, port, 'start');
    // the first start seeds the demo, households included (at the test scale): slow on a busy machine
    await waitForHealth(first, port, 150_000);
    expect(readLock(dir).pid).toBe(first.child.pid);

    const otherPort = await freePort();
    const started = Date.now();
    const second = louyuan(dir, otherPort, 'start');
    const outcome = await within(second.exited, 20_000, 'the second process');
    expect(outcome.code, second.output()).not.toBe(0);
    expect(outcome.code).toBe(3);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(second.output()).toContain(path.join(dir, 'louyuan.lock'));
    expect(second.output()).toContain(`pid ${first.child.pid}`);
    expect(second.output()).not.toMatch(/ready at/);
    await expect(fetch(`http://127.0.0.1:${otherPort}/api/health`)).rejects.toThrow();

    // the first is untouched: it answers, and a write goes through
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Louyuan@2026' }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^louyuan_session=./);
    const place = await fetch(`http://127.0.0.1:${port}/api/places/410103001001`, { headers: { cookie } });
    const { version } = (await place.json()) as { version: number };
    const patch = await fetch(`http://127.0.0.1:${port}/api/places/410103001001`, {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ version, address: '两个进程之后仍可写入' }),
    });
    expect(patch.status, await patch.clone().text()).toBe(200);
    expect(readLock(dir).pid).toBe(first.child.pid);

    first.child.kill('SIGTERM');
    const stopped = await within(first.exited, 20_000, 'the first process after SIGTERM');
    expect(stopped.code, first.output()).toBe(0);
    expect(fs.existsSync(path.join(dir, 'louyuan.lock'))).toBe(false);

    // released for real: this process can open the directory, and the write is there
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const row = await database.db
        .selectFrom('place')
        .select(['address', 'version'])
        .where('code', '=', '410103001001')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ address: '两个进程之后仍可写入', version: version + 1 });
    } finally {
      await database.close();
    }
  }, 240_000);
});
