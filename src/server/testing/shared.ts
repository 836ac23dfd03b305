import path from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const DEMO_TEST_SEED = 410103;
/** Tests seed 1% of the demo: the two communities the demo accounts work in (about 4,000 households, 11,000 residents): enough for every list. */
export const DEMO_TEST_SCALE = 0.01;

/**
 * Names are per run (`<pid>_<epoch seconds>` of the process that ran global setup), so two test runs on one
 * machine — two developers, or CI beside a developer — never drop or overwrite each other's databases and
 * snapshots. The time is there because a run in another container shares the PostgreSQL server but not the
 * process table: its pid looks dead from here, so only databases older than any run can be are swept.
 */
export const newRunId = (): string => `${process.pid}_${Math.floor(Date.now() / 1000)}`;
/** When a run started (epoch seconds), from its id; null for a name without one. */
export const runStarted = (runId: string): number | null => {
  const m = /^\d+_(\d+)$/.exec(runId);
  return m ? Number(m[1]) : null;
};
export const snapshotFile = (runId: string): string =>
  path.join(PROJECT_ROOT, '.tmp', `test-snapshot-${runId}.tgz`);
export const templateDb = (runId: string): string => `louyuan_tpl_${runId}`;
export const fileDbPrefix = (runId: string): string => `louyuan_t_${runId}_`;

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string;
  }
}
