import fs from 'node:fs';

/**
 * Figures of a proof suite run as a test (scope matrix, fuzz): when `npm run prove` runs the test file it sets
 * PROVE_REPORT to a file, and each suite appends one JSON line { suite, ...figures } for its table. A plain test
 * run writes nothing.
 */
export function proveReport(suite: string, figures: Record<string, unknown>): void {
  const file = process.env.PROVE_REPORT;
  if (!file) return;
  fs.appendFileSync(file, `${JSON.stringify({ suite, ...figures })}\n`);
}
