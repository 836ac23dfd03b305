/**
 * The household registry: a community worker lists residents with masked ID numbers, reveals one phone with a
 * reason, and the audit administrator finds that reveal in the audit trail.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openMenu,
  screenshotOnFailure,
  SETUP_TIMEOUT,
  snapshot,
  startHarness,
  STEP_TIMEOUT,
  type Harness,
} from './support.js';

const MASKED_ID = /^\d{6}\*{8}[\dX]{4}$/;

describe('household registry', () => {
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
    'lists residents masked, reveals a phone with a reason, and the reveal is in the audit trail',
    async () => {
      page = await harness.newPage();
      await harness.login(page, 'community1');
      await openMenu(page, /实有人口/);
      const table = page.getByTestId('resident-table');
      const firstId = table.locator('tbody .ly-mono').first();
      await firstId.waitFor();
      const ids = await table.locator('tbody tr td:nth-child(2) .ly-mono').allTextContents();
      expect(ids.length).toBeGreaterThan(5);
      for (const id of ids.filter((v) => v !== '—')) expect(id).toMatch(MASKED_ID);
      await snapshot(page, 'residents-list');

      // open the first resident who has a phone and reveal it
      const names = table.locator('tbody [data-testid^="resident-open-"]');
      let revealed = '';
      for (let i = 0; i < Math.min(await names.count(), 10) && !revealed; i++) {
        await names.nth(i).click();
        const drawer = page.getByTestId('resident-drawer');
        await drawer.getByTestId('resident-phone').waitFor();
        const masked = (await drawer.getByTestId('resident-phone').textContent()) ?? '';
        if (/^1\d{2}\*{4}\d{4}$/.test(masked)) {
          await drawer.getByTestId('reveal-phone').click();
          await page.getByTestId('reveal-reason').fill('入户走访需要联系');
          await page.getByTestId('reveal-confirm').click();
          await expect
            .poll(async () => (await drawer.getByTestId('resident-phone').textContent()) ?? '')
            .toMatch(/^1\d{10}$/);
          revealed = (await drawer.getByTestId('resident-phone').textContent()) ?? '';
          expect(revealed.slice(0, 3)).toBe(masked.slice(0, 3));
          expect(revealed.slice(-4)).toBe(masked.slice(-4));
          await snapshot(page, 'resident-revealed');
        }
        await page.keyboard.press('Escape');
      }
      expect(revealed, 'one of the first residents has a phone').not.toBe('');

      // the audit administrator sees the reveal, with its reason and without the number
      const auditor = await harness.newPage();
      await harness.login(auditor, 'auditor');
      await openMenu(auditor, /审计日志/);
      await auditor.getByTestId('audit-action').fill('residents.reveal');
      await auditor.getByTestId('audit-search').click();
      const row = auditor.locator('tbody tr', { hasText: '查看完整号码' }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain('community1');
      const pageText = (await auditor.locator('body').textContent()) ?? '';
      expect(pageText).not.toContain(revealed);
      await auditor.close();
    },
    STEP_TIMEOUT * 2,
  );
});
