import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from './context.js';

/**
 * Where stored files live. Keys are relative names ('cases/12/ab…cd.public'); an implementation may be a
 * directory (the default) or an object store later. `get` answers null for a key that is not there.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`invalid storage key "${key}"`);
  }
  return key;
}

/** Files under one directory; a write goes to a temporary name first, so a reader never sees half a file. */
export function directoryStorage(root: string): FileStorage {
  const full = (key: string) => path.join(root, ...checkKey(key).split('/'));
  return {
    async put(key, bytes) {
      const target = full(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(temporary, bytes, { mode: 0o640 });
      await fs.rename(temporary, target);
    },
    async get(key) {
      try {
        return await fs.readFile(full(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(full(key), { force: true });
    },
  };
}

/** The process's file storage: `config.filesDir` (LOUYUAN_FILES_DIR, default <data dir>/files). */
export function storageFor(app: AppContext): FileStorage {
  return directoryStorage(app.config.filesDir);
}
