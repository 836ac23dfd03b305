/**
 * The grid map: an administrator sees all micro-grids drawn on the canvas, looks up a point, runs the coverage
 * check; a community worker sees only the grids of their own community.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isPhone,
  openMenu,
  screenshotOnFailure,
  SETUP_TIMEOUT,
  snapshot,
  startHarness,
  STEP_TIMEOUT,
  type Harness,
  waitForDrawn,
} from './support.js';

interface Paged {
  total: number;
}

/** Click points of the map (centre first, then around it) until the lookup names a micro-grid. */
async function clickUntilMicroGrid(page: Page): Promise<string> {
  const box = await page.getByTestId('grid-map').boundingBox();
  if (!box) throw new Error('the map has no box');
  const offsets: [number, number][] = [
    [0.5, 0.5],
    [0.45, 0.45],
    [0.55, 0.55],
    [0.4, 0.6],
    [0.6, 0.4],
  ];
  for (const [fx, fy] of offsets) {
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    const result = page.getByTestId('locate-result');
    await result.waitFor();
    await expect
      .poll(
        async () =>
          (await page.getByTestId('locate-micro').count()) + (await page.getByTestId('locate-error').count()),
      )
      .toBeGreaterThan(0);
    if ((await page.getByTestId('locate-micro').count()) > 0) {
      return (await page.getByTestId('locate-micro').textContent()) ?? '';
    }
    if (isPhone) await page.keyboard.press('Escape');
  }
  throw new Error('no click on the map landed in a micro-grid');
}

describe('grid map', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await harness?.close();
  }, SETUP_TIMEOUT);

  screenshotOnFailure(() => page);

  it(
    'draws every micro-grid for the administrator, looks up a point and runs the coverage check',
    async () => {
      page = await harness.newPage();
      await harness.login(page, 'admin');
      await openMenu(page, '网格地图');
      await page.waitForURL((url) => url.pathname === '/grids');
      const drawn = await waitForDrawn(page);
      console.log(
        `admin: ${drawn.micro} micro-grids (${drawn.total} features) ready after ${drawn.readyMs} ms`,
      );
      expect(drawn.micro).toBeGreaterThanOrEqual(6281);
      await snapshot(page, 'grids-admin');

      const micro = await clickUntilMicroGrid(page);
      expect(micro).toMatch(/\d{6,}/);
      expect(await page.getByTestId('grid-panel').isVisible()).toBe(true);
      await snapshot(page, 'grids-locate');
      if (isPhone) await page.keyboard.press('Escape');

      await page.getByTestId('coverage-open').click();
      const summary = page.getByTestId('coverage-summary');
      await summary.waitFor({ timeout: 45_000 });
      expect(await page.getByTestId('coverage-count-gap').getAttribute('data-count')).toBe('0');
      expect(await page.getByTestId('coverage-count-overlap').getAttribute('data-count')).toBe('0');
      await summary.scrollIntoViewIfNeeded();
      await snapshot(page, 'grids-coverage');
    },
    STEP_TIMEOUT * 2,
  );

  it(
    "loads only a community worker's own grids",
    async () => {
      page = await harness.newPage();
      const api = await harness.apiLogin('community1');
      const own = (await api.request('GET', '/api/grids?kind=base&pageSize=1')).body as Paged;
      expect(own.total).toBeGreaterThan(0);
      await harness.login(page, 'community1');
      await page.goto(`${harness.baseUrl}/grids`);
      const drawn = await waitForDrawn(page);
      expect(drawn.total).toBe(own.total);
      const micro = (await api.request('GET', '/api/grids?kind=base&level=4&pageSize=1')).body as Paged;
      expect(drawn.micro).toBe(micro.total);
      await snapshot(page, 'grids-community');
    },
    STEP_TIMEOUT,
  );

  it.skipIf(isPhone)(
    'merges a micro-grid with a sibling after a dry run, and shows both versions in its history',
    async () => {
      page = await harness.newPage();
      await harness.login(page, 'community1');
      await page.goto(`${harness.baseUrl}/grids`);
      await waitForDrawn(page);
      await page.getByTestId('grid-fit').click(); // the community's grids fill the map
      await clickUntilMicroGrid(page);
      await page.getByTestId('locate-micro').locator('.ly-grid-link').click();
      await page.getByTestId('grid-detail-name').waitFor();
      await page.getByTestId('adjust-open').click();
      await page.getByTestId('adjust-merge').click();
      await page.getByTestId('merge-siblings').click();
      await page.locator('.ant-select-item-option').first().click();
      await page.keyboard.press('Escape');
      await page.getByTestId('merge-preview').click();
      await page.getByTestId('adjust-preview').waitFor();
      await page.getByTestId('adjust-reason').fill('端到端测试：合并网格');
      await snapshot(page, 'grids-merge-preview');
      await page.getByTestId('adjust-confirm').click();
      await page.getByTestId('history-open').click();
      await page.getByTestId('history-show-2').waitFor({ timeout: 30_000 });
      await page.getByTestId('history-show-1').click();
      expect(await page.getByTestId('grid-history').textContent()).toContain('端到端测试：合并网格');
      await snapshot(page, 'grids-history');
    },
    STEP_TIMEOUT * 2,
  );
});
