/**
 * Start-up figures, measured on real processes: `louyuan start` on a fresh data dir (migrate + demo seed),
 * then repeated cold starts on the existing data, each to the first successful GET /api/health, and the
 * server's resident memory right after start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/server/paths.js';

export interface StartSample {
  ms: number;
  rssMiB: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

async function waitHealthy(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('server did not become healthy in time');
}

export async function startOnce(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<StartSample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/louyuan.mjs'), 'start'], {
    env: { ...process.env, ...env, PORT: String(port), LOUYUAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    await waitHealthy(port, child, 120_000);
    const ms = performance.now() - started;
    // Let start-up garbage settle before reading memory.
    await new Promise((r) => setTimeout(r, 500));
    return { ms: Math.round(ms), rssMiB: rssMiB(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function measureStartup(runs: number): Promise<{ firstRun: StartSample; cold: StartSample[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-bench-'));
  try {
    const firstRun = await startOnce(dir);
    const cold: StartSample[] = [];
    for (let i = 0; i < runs; i++) cold.push(await startOnce(dir));
    return { firstRun, cold };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
