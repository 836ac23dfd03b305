/**
 * The command dashboard (驾驶舱): district, street and community staff each open it from the menu and see their
 * own area with figures, a coloured map and rankings; a click on the map drills into a grid and the breadcrumb
 * leads back; a section exports as .xlsx. The wall screen (大屏模式) at 1920×1080 draws its map and charts — on
 * the phone run too, in a context of its own. Screenshots go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  device,
  openMenu,
  RESULTS_DIR,
  screenshotOnFailure,
  SETUP_TIMEOUT,
  startHarness,
  STEP_TIMEOUT,
  type Harness,
} from './support.js';

const NO_VALUE_FILL = '#d9d9d9';
/** expect.poll waits one second by default; a busy two-core machine answers the district's figures slower. */
const POLL = { timeout: 20_000 };

/**
 * The last year up to today (Beijing days), as a dashboard link: the demo's cases follow the day it was seeded,
 * and at the e2e scale one community's "this month" may hold no case on the first days of a month.
 */
function lastYearQuery(): string {
  const day = (offset: number) =>
    new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  return `period=custom&from=${day(-364)}&to=${day(0)}`;
}

/** What the test reads of a canvas element in the page (the e2e project has no DOM types). */
interface PaintedCanvas {
  width: number;
  height: number;
  getContext: (kind: '2d') => {
    getImageData: (x: number, y: number, w: number, h: number) => { data: Uint8ClampedArray };
  } | null;
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `dashboard-${name}-${device}.png`), fullPage: true });
}

/** The fills of the map's area paths (Leaflet's SVG renderer writes them as attributes). */
async function areaFills(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('path.ly-area')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('fill') ?? 'none'));
}

/** Wait until the dashboard has drawn its figures and map, and return the KPI values shown. */
async function waitForDashboard(page: Page): Promise<string[]> {
  await page.getByTestId('dash-kpis').waitFor({ timeout: 30_000 });
  await expect
    .poll(async () => (await areaFills(page, 'dash-map')).length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  return page.getByTestId('kpi-value').allTextContents();
}

describe('command dashboard', () => {
  let harness: Harness;
  let page: Page | undefined;
  let wallContext: BrowserContext | undefined;

  beforeAll(async () => {
    harness = await startHarness();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await wallContext?.close().catch(() => undefined);
    await harness?.close();
  }, SETUP_TIMEOUT);

  screenshotOnFailure(() => page);

  for (const username of ['admin', 'street1', 'community1']) {
    it(
      `${username} opens the dashboard from the menu and sees their own area`,
      async () => {
        const me = await harness.apiLogin(username);
        page = await harness.newPage();
        await harness.login(page, username);
        await openMenu(page, '驾驶舱');
        await page.waitForURL((url) => url.pathname === '/dashboard');
        const values = await waitForDashboard(page);

        await expect
          .poll(() => page!.getByTestId('dash-area-name').textContent(), POLL)
          .toBe(me.user.place.name);
        expect(values.length).toBeGreaterThan(0);
        expect(values.filter((v) => /\d/.test(v)).length).toBeGreaterThan(0);
        await expect
          .poll(() => page!.getByTestId('dash-as-of').textContent(), POLL)
          .toMatch(/\d{2}:\d{2}:\d{2}/);

        // the map, the rankings and the charts over a period that surely holds cases (a shared link)
        await page.goto(`${harness.baseUrl}/dashboard?${lastYearQuery()}`);
        await waitForDashboard(page);
        await expect
          .poll(() => page!.getByTestId('dash-area-name').textContent(), POLL)
          .toBe(me.user.place.name);
        const fills = await areaFills(page, 'dash-map');
        expect(fills.some((f) => f !== 'none' && f !== NO_VALUE_FILL)).toBe(true);
        await page.getByTestId('dash-map-legend').waitFor();

        const rows = page.getByTestId('dash-rankings-table').locator('.ant-table-row');
        await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
        await page.getByTestId('dash-trend').locator('canvas').first().waitFor();
        await page.getByTestId('dash-categories').locator('canvas').first().waitFor();
        await shot(page, username);
      },
      STEP_TIMEOUT,
    );
  }

  it(
    'drills into a grid by clicking the map, and goes back up through the breadcrumb',
    async () => {
      const me = await harness.apiLogin('admin');
      page = await harness.newPage();
      await harness.login(page, 'admin');
      await page.goto(`${harness.baseUrl}/dashboard`);
      await waitForDashboard(page);
      const crumbs = page.getByTestId('dash-breadcrumb').locator('li');
      const depth = await crumbs.count();

      const area = page.getByTestId('dash-map').locator('path.ly-area-drillable').first();
      const className = (await area.getAttribute('class')) ?? '';
      const code = /ly-area-(\d+)/.exec(className)?.[1];
      expect(code).toBeTruthy();
      // Leaflet finds the layer of the clicked path element; the centre of a polygon's box may lie outside it
      await area.dispatchEvent('click');
      await page.waitForURL((url) => url.searchParams.get('grid') === code);
      await expect.poll(() => crumbs.count(), POLL).toBeGreaterThan(depth);
      await expect
        .poll(() => page!.getByTestId('dash-area-name').textContent(), POLL)
        .not.toBe(me.user.place.name);
      await waitForDashboard(page);
      await shot(page, 'drilled');

      await page.getByTestId(`dash-crumb-${me.user.place.code}`).click();
      await expect
        .poll(() => page!.getByTestId('dash-area-name').textContent(), POLL)
        .toBe(me.user.place.name);
      expect(new URL(page.url()).searchParams.get('grid')).toBeNull();
    },
    STEP_TIMEOUT,
  );

  it(
    'exports a section as an Excel workbook',
    async () => {
      page = await harness.newPage();
      await harness.login(page, 'street1');
      await page.goto(`${harness.baseUrl}/dashboard?period=year`);
      await waitForDashboard(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('dash-export-overview').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBeGreaterThan(100);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      // the watch list of the tab shown, whole
      await page.getByTestId('dash-watch').getByRole('tab', { name: '督办案件' }).click();
      const [watch] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('dash-export-watch').click(),
      ]);
      expect(watch.suggestedFilename()).toMatch(/督办案件.*\.xlsx$/);
      expect(
        fs
          .readFileSync(await watch.path())
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
    },
    STEP_TIMEOUT,
  );

  it(
    'draws the wall screen at 1920×1080: figures, the map and the charts',
    async () => {
      wallContext = await harness.browser.newContext({
        viewport: { width: 1920, height: 1080 },
        locale: 'zh-CN',
        reducedMotion: 'reduce',
      });
      const wall = await wallContext.newPage();
      wall.setDefaultTimeout(15_000);
      page = wall;
      await harness.login(wall, 'admin');
      await wall.goto(`${harness.baseUrl}/screen`);
      await wall.getByTestId('screen-page').waitFor();
      // no console chrome around it
      expect(await wall.getByTestId('side-menu').count()).toBe(0);
      await expect
        .poll(() => wall.getByTestId('screen-kpis').getByTestId('kpi-value').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(async () => (await areaFills(wall, 'screen-map')).length, { timeout: 30_000 })
        .toBeGreaterThan(0);
      for (const chart of ['screen-trend', 'screen-categories']) {
        await wall.getByTestId(chart).locator('canvas').first().waitFor();
      }
      // the charts' background is transparent: the share of painted pixels says they drew something
      const paintedShare = (id: string) =>
        wall
          .getByTestId(id)
          .locator('canvas')
          .first()
          .evaluate((element) => {
            const canvas = element as unknown as PaintedCanvas;
            const context = canvas.getContext('2d');
            if (!context || canvas.width === 0) return 0;
            const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
            let painted = 0;
            for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
            return painted / (canvas.width * canvas.height);
          });
      for (const chart of ['screen-trend', 'screen-categories']) {
        await expect.poll(() => paintedShare(chart), POLL).toBeGreaterThan(0.01);
      }

      const screenshot = await wall.screenshot();
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      fs.writeFileSync(path.join(RESULTS_DIR, `dashboard-screen-${device}.png`), screenshot);
      const size = await sharp(screenshot).metadata();
      expect([size.width, size.height]).toEqual([1920, 1080]);
      // the map's box in the screenshot is not one flat background colour
      const box = await wall.getByTestId('screen-map').boundingBox();
      expect(box).not.toBeNull();
      const stats = await sharp(screenshot)
        .extract({
          left: Math.round(box!.x),
          top: Math.round(box!.y),
          width: Math.round(box!.width),
          height: Math.round(box!.height),
        })
        .stats();
      expect(Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev))).toBeGreaterThan(10);
      const fills = await areaFills(wall, 'screen-map');
      expect(fills.some((f) => f !== 'none' && f !== NO_VALUE_FILL)).toBe(true);
    },
    STEP_TIMEOUT,
  );
});
