import type { AppContext } from '../../core/context.js';
import { sweepRollups } from './analytics/cases.rollup.js';
import { sweepOverdue } from './workflow/cases.sweep.js';
import { deliverWebhooks } from './outbound/cases.webhooks.js';

export const WEBHOOK_SEND_MS = 10_000;

/**
 * The cases module's timers in a running server (never in tests, which call the functions): the overdue sweep
 * every LOUYUAN_SWEEP_SECONDS (0 = none in this process), the rollup sweep of stale days every
 * LOUYUAN_ROLLUP_SECONDS, and the webhook sender every 10 s. A run never overlaps
 * the previous one of the same job; stop() clears the timers and waits for runs in flight.
 */
export function casesBackground(app: AppContext, log: (line: string) => void = console.error) {
  const running = new Set<Promise<unknown>>();
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = job()
        .catch((error: unknown) => log(`${name}: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  if (app.config.sweepSeconds > 0)
    every(app.config.sweepSeconds * 1000, 'overdue sweep', () => sweepOverdue(app));
  if (app.config.rollupSeconds > 0)
    every(app.config.rollupSeconds * 1000, 'rollup sweep', () => sweepRollups(app.database.db));
  every(WEBHOOK_SEND_MS, 'webhook sender', () => deliverWebhooks(app));
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
