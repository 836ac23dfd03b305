import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** PGlite keeps no lock on its data dir, so two processes would silently overwrite each other's pages. */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory is in use by another Louyuan process (pid ${holderPid}).\n` +
        `Lock file: ${lockPath}\n` +
        'Stop that process first, or point LOUYUAN_DATA_DIR at another directory. Nothing was changed.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Is a process with this id running (on this machine)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DirLock {
  path: string;
  release(): void;
}

/** Take an exclusive lock file in `dir`; a lock left by a dead process is taken over. */
export function lockDirectory(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'louyuan.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: number };
          if (holder.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { path: lockPath, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid = 0;
      try {
        pid = Number((JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: number }).pid) || 0;
      } catch {
        // half-written or unreadable lock: treat as stale
      }
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(lockPath, pid);
      if (pid === process.pid) throw new DataDirLockedError(lockPath, pid);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
