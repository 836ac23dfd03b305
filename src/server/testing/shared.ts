import path from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const DEMO_TEST_SEED = 410103;
export const SNAPSHOT_FILE = path.join(PROJECT_ROOT, '.tmp', 'test-snapshot.tgz');
export const TEMPLATE_DB = 'louyuan_test_template';

/** The URL of the database DATABASE_URL names, used for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  return url;
}
