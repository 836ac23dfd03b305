import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../paths.js';

describe('louyuan start without LOUYUAN_SECRET_KEY', () => {
  it('refuses to start in production, says why and how, and opens nothing', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-nokey-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOUYUAN_DATA_DIR: dataDir,
      PORT: '0',
    };
    delete env.LOUYUAN_SECRET_KEY;
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'louyuan.mjs'), 'start'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('LOUYUAN_SECRET_KEY is not set');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // it stopped before opening the database: nothing was created in the data directory
    expect(fs.readdirSync(dataDir)).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
