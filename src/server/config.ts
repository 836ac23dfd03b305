import path from 'node:path';

/** Every setting Louyuan reads from the environment, with its default. The README lists the same table. */
export interface Config {
  /** HTTP port (PORT, default 3000). */
  port: number;
  /** Interface to listen on (HOST, default 0.0.0.0). */
  host: string;
  /** PostgreSQL connection string (DATABASE_URL); when unset the embedded PGlite is used. */
  databaseUrl: string | undefined;
  /** PGlite data directory (LOUYUAN_DATA_DIR, default ./data). */
  dataDir: string;
  /** production | development | test (NODE_ENV). */
  env: 'production' | 'development' | 'test';
  /** Mark cookies Secure (LOUYUAN_SECURE_COOKIES, default true in production). */
  secureCookies: boolean;
  /** Largest request body in bytes (LOUYUAN_BODY_LIMIT, default 1 MiB). */
  bodyLimit: number;
  /** Largest grid file upload (GeoJSON or Shapefile import) in bytes (LOUYUAN_GRID_FILE_LIMIT, default 50 MiB). */
  gridFileLimit: number;
  /** Login attempts per IP per minute (LOUYUAN_LOGIN_RATE, default 20). */
  loginRatePerMinute: number;
  /** Log level (LOG_LEVEL; default info in production, warn in development, silent in tests). */
  logLevel: string;
  /** Seed number of the demo district (LOUYUAN_DEMO_SEED, default 410103). */
  demoSeed: number;
  /** Seed the demo district on first start (LOUYUAN_DEMO, default true; set 0 to start empty). */
  seedDemoOnFirstRun: boolean;
  /**
   * Share of the source text's households and residents the demo seeds (LOUYUAN_DEMO_SCALE, 0 < s ≤ 1;
   * 1 = about 390,000 households and a million residents). Places and grids are always full size.
   */
  demoScale: number;
  /** Trust X-Forwarded-For from a reverse proxy (LOUYUAN_TRUST_PROXY, default false). */
  trustProxy: boolean;
  /** Households a grid may hold, by level (LOUYUAN_GRID_HOUSEHOLDS, default "4:50-70,3:300-500"). */
  gridHouseholds: Record<number, [number, number]>;
  /** The one Open311 jurisdiction_id this server answers for (LOUYUAN_OPEN311_JURISDICTION, default 410103). */
  open311Jurisdiction: string;
  /** Open311 POST requests per IP per minute (LOUYUAN_OPEN311_RATE, default 60). */
  open311RatePerMinute: number;
  /** Who Open311 clients contact, shown in discovery (LOUYUAN_OPEN311_CONTACT). */
  open311Contact: string;
  /** Root of stored files such as case photos (LOUYUAN_FILES_DIR, default <data dir>/files). */
  filesDir: string;
  /** Largest case photo upload in bytes (LOUYUAN_PHOTO_LIMIT, default 10 MiB). */
  photoLimit: number;
  /** Seconds between overdue sweeps (LOUYUAN_SWEEP_SECONDS, default 60; 0 = no sweeper in this process). */
  sweepSeconds: number;
  /** Seconds between sweeps of stale case rollup days (LOUYUAN_ROLLUP_SECONDS, default 5; 0 = none in this process). */
  rollupSeconds: number;
  /** Public (account-less) intake requests per client IP per minute, per route (LOUYUAN_PUBLIC_RATE, default 10). */
  publicRatePerMinute: number;
}

export function parseHouseholdRanges(text: string): Record<number, [number, number]> {
  const out: Record<number, [number, number]> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([1-4]):(\d+)-(\d+)$/.exec(part);
    if (!match) throw new Error(`LOUYUAN_GRID_HOUSEHOLDS: "${part}" is not level:min-max (e.g. 4:50-70)`);
    const [, level, min, max] = match.map(Number) as [number, number, number, number];
    if (min > max) throw new Error(`LOUYUAN_GRID_HOUSEHOLDS: ${part} has min above max`);
    out[level] = [min, max];
  }
  return out;
}

export function scaleFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1)
    throw new Error(
      `${name} must be a number above 0 and at most 1 (1 = the source text's scale), not "${value}"`,
    );
  return scale;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

function boolFrom(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.LOUYUAN_DATA_DIR || 'data'),
    env: mode,
    secureCookies: boolFrom(env.LOUYUAN_SECURE_COOKIES, mode === 'production'),
    bodyLimit: intFrom(env.LOUYUAN_BODY_LIMIT, 1024 * 1024, 'LOUYUAN_BODY_LIMIT'),
    gridFileLimit: intFrom(env.LOUYUAN_GRID_FILE_LIMIT, 50 * 1024 * 1024, 'LOUYUAN_GRID_FILE_LIMIT'),
    loginRatePerMinute: intFrom(env.LOUYUAN_LOGIN_RATE, 20, 'LOUYUAN_LOGIN_RATE'),
    logLevel: env.LOG_LEVEL || (mode === 'test' ? 'silent' : mode === 'production' ? 'info' : 'warn'),
    demoSeed: intFrom(env.LOUYUAN_DEMO_SEED, 410103, 'LOUYUAN_DEMO_SEED'),
    seedDemoOnFirstRun: boolFrom(env.LOUYUAN_DEMO, true),
    demoScale: scaleFrom(env.LOUYUAN_DEMO_SCALE, 0.1, 'LOUYUAN_DEMO_SCALE'),
    trustProxy: boolFrom(env.LOUYUAN_TRUST_PROXY, false),
    gridHouseholds: parseHouseholdRanges(env.LOUYUAN_GRID_HOUSEHOLDS || '4:50-70,3:300-500'),
    open311Jurisdiction: env.LOUYUAN_OPEN311_JURISDICTION || '410103',
    open311RatePerMinute: intFrom(env.LOUYUAN_OPEN311_RATE, 60, 'LOUYUAN_OPEN311_RATE'),
    open311Contact:
      env.LOUYUAN_OPEN311_CONTACT || '郑州市二七区城市运行管理中心 (Erqi District city operations centre)',
    filesDir: path.resolve(env.LOUYUAN_FILES_DIR || path.join(env.LOUYUAN_DATA_DIR || 'data', 'files')),
    photoLimit: intFrom(env.LOUYUAN_PHOTO_LIMIT, 10 * 1024 * 1024, 'LOUYUAN_PHOTO_LIMIT'),
    sweepSeconds: intFrom(env.LOUYUAN_SWEEP_SECONDS, 60, 'LOUYUAN_SWEEP_SECONDS'),
    rollupSeconds: intFrom(env.LOUYUAN_ROLLUP_SECONDS, 5, 'LOUYUAN_ROLLUP_SECONDS'),
    publicRatePerMinute: intFrom(env.LOUYUAN_PUBLIC_RATE, 10, 'LOUYUAN_PUBLIC_RATE'),
  };
}
