import { defineConfig } from 'vitest/config';

/**
 * Test tiers by file name:
 *   *.test.ts     pure logic                       (project unit)
 *   *.db.test.ts  against a real database          (project db: PGlite snapshot, or PostgreSQL with DATABASE_URL)
 *   e2e/*.e2e.ts  the console in Debian's Chromium (project e2e; E2E_DEVICE=phone for the phone-sized run)
 * `npm test` runs unit and db; `npm run test:e2e` runs e2e.
 */
// Tests share one fixed personal-data key, so what global setup encrypts into the snapshot the test files read.
// A test key only: it never protects real data.
process.env.LOUYUAN_SECRET_KEY ??= 'dGVzdC1vbmx5LWtleS1mb3ItbG91eXVhbi10ZXN0cyE=';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts'],
          globalSetup: ['src/server/testing/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
