import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { loadPersonalDataKeys, type PersonalDataKeys } from './personal-data.js';

let cached: PersonalDataKeys | null = null;

/**
 * The process's personal-data keys, loaded once: LOUYUAN_SECRET_KEY, or in development and tests a key file
 * in the data directory (`secret.key`, mode 0600) so data encrypted by one run stays readable by the next.
 * In production without LOUYUAN_SECRET_KEY this throws, and `louyuan start` refuses to start.
 */
export function personalDataKeys(config: Config = loadConfig()): PersonalDataKeys {
  if (cached) return cached;
  cached = loadPersonalDataKeys(process.env, config.env, path.join(config.dataDir, 'secret.key'));
  return cached;
}
