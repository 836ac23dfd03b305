/**
 * One case end to end, by the people who touch it: resident1 reports on a phone-sized page, community1 accepts
 * and dispatches in the console, grid1 starts and handles it on the phone with an after photo (a real JPEG),
 * community1 verifies and closes it (fixed), resident1 rates it 5. The console timeline then shows every step
 * and the Open311 view says closed with the same description. Screenshots of each step go to test-results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  device,
  RESULTS_DIR,
  screenshotOnFailure,
  SETUP_TIMEOUT,
  startHarness,
  STEP_TIMEOUT,
  type Harness,
} from './support.js';

interface GeoJson {
  features: {
    geometry: { type: string; coordinates: unknown };
    properties: { code: string; level: number };
  }[];
}

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  reducedMotion: 'reduce' as const,
};

/** Points to try inside a polygon's outer ring: its vertex average, then points between it and each vertex. */
function candidates(geometry: { type: string; coordinates: unknown }): [number, number][] {
  const ring = (
    geometry.type === 'Polygon'
      ? (geometry.coordinates as number[][][])[0]
      : (geometry.coordinates as number[][][][])[0]![0]
  ) as [number, number][];
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  return [[cx, cy], ...ring.map(([x, y]): [number, number] => [(x + 3 * cx) / 4, (y + 3 * cy) / 4])];
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `cases-${name}-${device}.png`), fullPage: true });
}

describe('a case from report to rating', () => {
  let harness: Harness;
  let page: Page | undefined;
  const phoneContexts: BrowserContext[] = [];
  let photoFile = '';

  /** A phone-sized page (residents and grid workers use phones on both device runs). */
  const phonePage = async () => {
    const context = await harness.browser.newContext(PHONE);
    phoneContexts.push(context);
    const p = await context.newPage();
    p.setDefaultTimeout(15_000);
    return p;
  };

  beforeAll(async () => {
    harness = await startHarness();
    photoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-photo-')), 'after.jpg');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 140, b: 60 } } })
      .jpeg({ quality: 80 })
      .toFile(photoFile);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const context of phoneContexts) await context.close().catch(() => undefined);
    await harness?.close();
    if (photoFile) fs.rmSync(path.dirname(photoFile), { recursive: true, force: true });
  }, SETUP_TIMEOUT);

  screenshotOnFailure(() => page);

  it(
    'walks report, accept, dispatch, start, handle with a photo, verify, close and rate',
    async () => {
      // a point inside one of grid1's micro-grids, found through the API as grid1
      const grid1 = await harness.apiLogin('grid1');
      const grids = (await grid1.request('GET', '/api/grids/geojson?level=4')).body as GeoJson;
      const mine = new Set(grids.features.map((f) => f.properties.code));
      expect(mine.size).toBeGreaterThan(0);
      let point: [number, number] | null = null;
      for (const feature of grids.features) {
        for (const [lng, lat] of candidates(feature.geometry)) {
          const hit = await grid1.request('GET', `/api/grids/locate?lng=${lng}&lat=${lat}`);
          const micro = (hit.body as { microGrid?: { code: string } | null }).microGrid;
          if (hit.status === 200 && micro && mine.has(micro.code)) {
            point = [Number(lng.toFixed(6)), Number(lat.toFixed(6))];
            break;
          }
        }
        if (point) break;
      }
      expect(point).not.toBeNull();
      const [lng, lat] = point!;
      const description = `楼道堆放杂物，堵塞消防通道（e2e ${device} ${Date.now()}）`;

      // resident1 reports on the phone page
      const resident = await phonePage();
      page = resident;
      await harness.login(resident, 'resident1');
      await resident.goto(`${harness.baseUrl}/m/report`);
      await resident.getByTestId('m-category-1002').click();
      await resident.getByTestId('m-description').fill(description);
      await resident
        .getByTestId('case-lng')
        .locator('input')
        .or(resident.locator('input[data-testid="case-lng"]'))
        .first()
        .fill(String(lng));
      await resident
        .getByTestId('case-lat')
        .locator('input')
        .or(resident.locator('input[data-testid="case-lat"]'))
        .first()
        .fill(String(lat));
      await shot(resident, '1-resident-report');
      await resident.getByTestId('m-report-submit').click();
      const code = (await resident.getByTestId('m-report-code').textContent())?.trim() ?? '';
      expect(code).toMatch(/^\d{8,}$/);
      await shot(resident, '2-resident-sent');

      // community1 accepts and dispatches to the grid worker in the console
      const staff = await harness.newPage();
      page = staff;
      await harness.login(staff, 'community1');
      await staff.goto(`${harness.baseUrl}/cases`);
      await staff.getByTestId(`case-open-${code}`).click();
      await staff.getByTestId('case-detail').waitFor();
      const step = async (p: Page, action: string, fill?: (dialog: Page) => Promise<void>) => {
        const before = await p.getByTestId(/^(case-detail|m-case)$/).getAttribute('data-version');
        await p.getByTestId(`case-action-${action}`).click();
        await p.getByTestId('case-action-submit').waitFor();
        if (fill) await fill(p);
        await p.getByTestId('case-action-submit').click();
        await expect
          .poll(() => p.getByTestId(/^(case-detail|m-case)$/).getAttribute('data-version'), {
            timeout: 20_000,
          })
          .not.toBe(before);
      };
      const status = (p: Page) => p.getByTestId('case-status').first().getAttribute('data-status');
      await step(staff, 'accept');
      expect(await status(staff)).toBe('accepted');
      await step(staff, 'dispatch', async (p) => {
        await p.getByTestId('case-action-note').fill('请网格员现场清理');
      });
      expect(await status(staff)).toBe('dispatched');
      await shot(staff, '3-community-dispatched');

      // grid1 starts and handles it on the phone, with an after photo
      const worker = await phonePage();
      page = worker;
      await harness.login(worker, 'grid1');
      await worker.goto(`${harness.baseUrl}/m/tasks`);
      await worker.getByTestId(`m-case-${code}`).click();
      await worker.getByTestId('m-case').waitFor();
      await step(worker, 'start');
      expect(await status(worker)).toBe('in_progress');
      await step(worker, 'handle', async (p) => {
        await p.getByTestId('case-action-note').fill('已清理楼道杂物，通道畅通');
        await p.getByTestId('case-action-photo').setInputFiles(photoFile);
      });
      expect(await status(worker)).toBe('handled');
      await worker.getByTestId('case-step-photo').first().waitFor();
      await shot(worker, '4-grid-handled');

      // community1 verifies and closes: fixed
      page = staff;
      await staff.reload();
      await staff.getByTestId('case-detail').waitFor();
      await step(staff, 'verify');
      expect(await status(staff)).toBe('verified');
      await step(staff, 'close');
      expect(await status(staff)).toBe('closed');
      await expect.poll(() => staff.getByTestId('case-closure').textContent()).toBe('已解决');

      // resident1 rates it 5 on the phone
      page = resident;
      await resident.goto(`${harness.baseUrl}/m/mine`);
      await resident.getByTestId(`m-case-${code}`).click();
      await resident.getByTestId('m-case').waitFor();
      await step(resident, 'rate', async (p) => {
        await p
          .locator('[data-testid="case-rating"] .ant-rate-star')
          .nth(4)
          .locator('div[role="radio"]')
          .click();
      });
      await expect.poll(() => resident.getByTestId('m-case-rating').textContent()).toBe('★★★★★');
      await shot(resident, '5-resident-rated');

      // the console timeline shows every step
      page = staff;
      await staff.reload();
      await staff.getByTestId('case-timeline').waitFor();
      const actions = await staff
        .getByTestId('case-step')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-action')));
      expect(actions).toEqual(['report', 'accept', 'dispatch', 'start', 'handle', 'verify', 'close', 'rate']);
      expect(await staff.getByTestId('case-step-photo').count()).toBeGreaterThan(0);
      await shot(staff, '6-console-timeline');

      // the Open311 view agrees
      const open311 = await fetch(`${harness.baseUrl}/open311/v2/requests/${code}.json`);
      expect(open311.status).toBe(200);
      const [request] = (await open311.json()) as { status: string; description: string }[];
      expect(request?.status).toBe('closed');
      expect(request?.description).toBe(description);
    },
    STEP_TIMEOUT * 5,
  );

  it(
    'lets anyone open the public report page without logging in and ask for a code',
    async () => {
      const visitor = await phonePage();
      page = visitor;
      await visitor.goto(`${harness.baseUrl}/report`);
      await visitor.getByTestId('public-report').waitFor();
      expect(new URL(visitor.url()).pathname).toBe('/report');
      await visitor.getByTestId('public-phone').fill('13900139000');
      await visitor.getByTestId('public-get-code').click();
      await expect.poll(() => visitor.getByTestId('public-get-code').isDisabled()).toBe(true);
      await visitor.getByTestId('public-category-1001').click();
      await shot(visitor, '7-public-report');
      // a second code for the same number within the minute is refused by the server
      const again = await fetch(`${harness.baseUrl}/api/public/otp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13900139000' }),
      });
      expect(again.status).toBe(429);
      await visitor.goto(`${harness.baseUrl}/report/AAAAAAAAAAAAAAAAAAAAAAAA`);
      await visitor.getByTestId('public-case-error').waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the catalogue, the work calendar and the case list to the district administrator',
    async () => {
      const admin = await harness.newPage();
      page = admin;
      await harness.login(admin, 'admin');
      await admin.goto(`${harness.baseUrl}/cases/categories`);
      await admin.getByTestId('category-edit-1002').waitFor();
      await admin.getByTestId('category-edit-1002').click();
      await expect.poll(() => admin.getByTestId('category-name').inputValue()).toBe('杂物堆积');
      await shot(admin, '8-categories');
      await admin.keyboard.press('Escape');
      await admin.goto(`${harness.baseUrl}/cases/calendar`);
      await admin.getByTestId('calendar-table').waitFor();
      await shot(admin, '9-calendar');
      await admin.goto(`${harness.baseUrl}/cases`);
      await admin.getByTestId('cases-table').waitFor();
      const listed = (await (await harness.apiLogin('admin')).request('GET', '/api/cases')).body as {
        total: number;
      };
      await expect
        .poll(() => admin.locator('[data-testid^="case-open-"]').count())
        .toBe(Math.min(listed.total, 20));
      await shot(admin, '10-case-list');
    },
    STEP_TIMEOUT,
  );
});
