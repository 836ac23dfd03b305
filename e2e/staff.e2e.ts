/**
 * Staff on grids: a community worker opens the gap list, follows a gap to the map, assigns a worker in the staff
 * tab (the grid leaves the gap list), and a grid worker's map holds only the grids it serves.
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

interface Gaps {
  items: { code: string; name: string }[];
  total: number;
}

describe('staff on grids', () => {
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
    'lists gaps, follows one to the map and fills it from the staff tab',
    async () => {
      const api = await harness.apiLogin('street1');
      const before = (await api.request('GET', '/api/grid-staff/gaps')).body as Gaps;
      expect(before.total).toBeGreaterThan(0);
      const gap = before.items[0];
      page = await harness.newPage();
      await harness.login(page, 'street1');
      await openMenu(page, '网格缺员');
      await page.waitForURL((url) => url.pathname === '/grids/gaps');
      await expect
        .poll(() => page.getByTestId('gaps-total').getAttribute('data-total'))
        .toBe(String(before.total));
      await snapshot(page, 'staff-gaps');

      await page.getByTestId(`gap-map-${gap?.code}`).click();
      await page.waitForURL((url) => url.pathname === '/grids' && url.search.includes(gap?.code ?? '-'));
      await waitForDrawn(page);
      if (isPhone) {
        await page.getByTestId('grid-panel').waitFor();
      } else {
        await page.getByTestId('staff-tab').click();
      }
      await page.getByTestId('staff-gap').waitFor();
      await page.getByTestId('staff-assign').click();
      await page.getByTestId('staff-name').fill('赵志鹏');
      await page.getByTestId('staff-phone').fill('13838200001');
      await snapshot(page, 'staff-assign');
      await page
        .locator('.ant-modal-footer')
        .getByRole('button', { name: /配置人员/ })
        .click();
      await page.getByTestId('staff-name').waitFor({ state: 'detached' });
      // the list, not the success message (which names the person too)
      await page.getByTestId('grid-staff').getByText('赵志鹏').waitFor();
      await expect.poll(() => page.getByTestId('staff-gap').count()).toBe(0);
      expect(await page.getByTestId('grid-staff').textContent()).toContain('138****0001');
      await snapshot(page, 'staff-tab');

      const after = (await api.request('GET', '/api/grid-staff/gaps')).body as Gaps;
      expect(after.total).toBe(before.total - 1);
      expect(after.items.map((g) => g.code)).not.toContain(gap?.code);
    },
    STEP_TIMEOUT * 2,
  );

  it(
    "draws only a grid worker's own grids",
    async () => {
      const api = await harness.apiLogin('grid1');
      const own = (await api.request('GET', '/api/grids?level=4')).body as Gaps;
      expect(own.total).toBeGreaterThan(0);
      page = await harness.newPage();
      await harness.login(page, 'grid1');
      await page.goto(`${harness.baseUrl}/grids`);
      expect((await waitForDrawn(page)).micro).toBe(own.total);
      await snapshot(page, 'staff-grid-worker-map');
    },
    STEP_TIMEOUT,
  );
});
