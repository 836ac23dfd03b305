/**
 * End-to-end harness: a real server (bin/louyuan.mjs start) on a free port with a fresh data directory (the
 * first start seeds the demo district), serving the web app built beforehand into dist/web (`npm run build:web`),
 * driven by Debian's Chromium through playwright-core. E2E_DEVICE=phone runs the same tests at 390×844.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { beforeEach, expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const DEMO_PASSWORD = 'Louyuan@2026';

/** Long enough for the first-run seed plus a cold Chromium. */
export const SETUP_TIMEOUT = 180_000;
export const STEP_TIMEOUT = 60_000;

export type Device = 'desktop' | 'phone';
export const device: Device = process.env.E2E_DEVICE === 'phone' ? 'phone' : 'desktop';
export const isPhone = device === 'phone';
export const viewport = isPhone ? { width: 390, height: 844 } : { width: 1366, height: 768 };
// Reduced motion: the console then turns antd's animations off, so clicks never land on a moving popup.
export const contextOptions: BrowserContextOptions = isPhone
  ? {
      viewport,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      reducedMotion: 'reduce',
    }
  : { viewport, locale: 'zh-CN', reducedMotion: 'reduce' };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A logged-in API client for test setup and checks (cookie session + CSRF token). */
export interface ApiSession {
  user: { id: number; username: string; place: { code: string; name: string; kind: string } };
  request: (method: string, url: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  dataDir: string;
  /** A fresh browser context (no cookies) and page at the device size. */
  newPage: () => Promise<Page>;
  /** Log in through the login page. */
  login: (page: Page, username: string, password?: string) => Promise<void>;
  /** Log in through the API (for setup and for looking things up). */
  apiLogin: (username: string, password?: string) => Promise<ApiSession>;
  close: () => Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build:web` before the e2e tests');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, ['bin/louyuan.mjs', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOUYUAN_DATA_DIR: dataDir,
      LOUYUAN_LOGIN_RATE: '1000',
      LOUYUAN_DEMO_SCALE: '0.01',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const close = async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server, () => output, 150_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await close();
    throw error;
  }
  const launched = browser;

  const newPage = async () => {
    const context = await launched.newContext(contextOptions);
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };

  const login = async (page: Page, username: string, password = DEMO_PASSWORD) => {
    if (!page.url().includes('/login')) await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };

  const apiLogin = async (username: string, password = DEMO_PASSWORD): Promise<ApiSession> => {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`API login of ${username} failed: ${response.status}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const session = (await response.json()) as { user: ApiSession['user']; csrfToken: string };
    const request = async (method: string, url: string, body?: unknown) => {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': session.csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${baseUrl}${url}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    };
    return { user: session.user, request };
  };

  return { baseUrl, browser: launched, dataDir, newPage, login, apiLogin, close };
}

function fileSafe(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}

/** Save a full-page screenshot into test-results/ whenever a test of this file fails. */
export function screenshotOnFailure(currentPage: () => Page | undefined): void {
  beforeEach((context) => {
    context.onTestFailed(async () => {
      const page = currentPage();
      if (!page || page.isClosed()) return;
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${fileSafe(context.task.name)}-${device}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`screenshot of the failure: ${path.relative(ROOT, file)}`);
    });
  });
}

/** With E2E_SCREENSHOTS=1, save a screenshot of a named step into test-results/ (for looking at the UI). */
export async function snapshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${fileSafe(name)}-${device}.png`), fullPage: true });
}

/** Open a side-menu entry: the sider on desktop, the drawer behind the menu button on phones. */
export async function openMenu(page: Page, label: string | RegExp): Promise<void> {
  if (isPhone) await page.getByTestId('menu-toggle').click();
  await page.getByTestId('side-menu').getByRole('menuitem', { name: label }).click();
}

/** The tree row of a node (to reach its expand switcher). */
export function treeRow(page: Page, code: string) {
  return page.locator('.ant-tree-treenode', { has: page.getByTestId(`tree-node-${code}`) });
}

/** Wait until every visible layer has loaded and been drawn; the loaded counts. */
export async function waitForDrawn(page: Page): Promise<{ total: number; micro: number; readyMs: number }> {
  const loaded = page.getByTestId('grid-loaded');
  await expect.poll(() => loaded.getAttribute('data-ready'), { timeout: 45_000 }).toBe('true');
  await page.locator('[data-testid="grid-map"] canvas').first().waitFor();
  return {
    total: Number(await loaded.getAttribute('data-total')),
    micro: Number(await loaded.getAttribute('data-micro')),
    readyMs: Number(await loaded.getAttribute('data-ready-ms')),
  };
}
