/**
 * Access by place and by role, as the browser shows it: a community worker cannot reach another community's
 * node (not even by typing its URL), and the audit administrator finds the worker's edit in the audit trail.
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
  type ApiSession,
  type Harness,
} from './support.js';

interface PlacePage {
  items: { code: string; name: string; kind: string; version: number }[];
}

describe('access by place and role', () => {
  let harness: Harness;
  let page: Page;
  let community1: ApiSession;
  let otherCommunity: { code: string; name: string };
  let edited: { code: string; name: string };

  beforeAll(async () => {
    harness = await startHarness();
    page = await harness.newPage();
    community1 = await harness.apiLogin('community1');
    const community3 = await harness.apiLogin('community3');
    otherCommunity = { code: community3.user.place.code, name: community3.user.place.name };
    expect(otherCommunity.code.startsWith(community1.user.place.code)).toBe(false);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await harness?.close();
  }, SETUP_TIMEOUT);

  screenshotOnFailure(() => page);

  it(
    "does not show another community's node to a community worker, even by URL",
    async () => {
      await page.goto(`${harness.baseUrl}/login`);
      await harness.login(page, 'community1');
      await page.goto(`${harness.baseUrl}/places/${otherCommunity.code}`);
      await page.getByTestId('place-not-found').waitFor();
      expect(await page.getByTestId('place-detail').count()).toBe(0);
      // The tree starts at the worker's own community and holds nothing of the other one.
      await page.getByTestId(`tree-node-${community1.user.place.code}`).waitFor();
      expect(await page.getByTestId(`tree-node-${otherCommunity.code}`).count()).toBe(0);
      await snapshot(page, 'places-not-found');

      // Searching for it finds nothing either.
      await page.getByTestId('place-search').locator('input').fill(otherCommunity.code);
      await expect
        .poll(() => page.getByTestId('place-search-results').textContent())
        .toContain('没有匹配的地点');

      // Pages of other roles are neither in the menu nor reachable.
      await page.goto(`${harness.baseUrl}/audit`);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('side-menu').getByText('审计日志').count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'lets the community worker edit within their own community',
    async () => {
      const children = (await community1.request('GET', `/api/places/${community1.user.place.code}/children`))
        .body as PlacePage;
      const target = children.items.find((p) => p.kind === 'compound');
      if (!target) throw new Error('no compound in the demo community');
      await page.goto(`${harness.baseUrl}/places/${target.code}`);
      await page.getByTestId('place-edit').click();
      const dialog = page.getByRole('dialog');
      edited = { code: target.code, name: `审计可见的新名称${Date.now() % 1000}` };
      await dialog.getByTestId('place-field-name').fill(edited.name);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => page.getByTestId('place-title').textContent()).toBe(edited.name);

      // The server refuses the other community as well (the UI is not the only guard).
      const denied = await community1.request('PATCH', `/api/places/${otherCommunity.code}`, {
        version: 1,
        name: 'x',
      });
      expect([403, 404]).toContain(denied.status);

      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL((url) => url.pathname === '/login');
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the audit administrator the edit in the audit trail, and a sound hash chain',
    async () => {
      await harness.login(page, 'auditor');
      await openMenu(page, '审计日志');
      await page.waitForURL((url) => url.pathname === '/audit');
      // The auditor has no business pages.
      expect(await page.getByTestId('side-menu').getByText('地点与楼院').count()).toBe(0);

      await page.getByTestId('audit-actor').fill('community1');
      await page.getByTestId('audit-action').fill('place.');
      await page.getByTestId('audit-search').click();
      const table = page.getByTestId('audit-table');
      // The refused attempt on the other community is on record too.
      const rows = table.locator('tr.ant-table-row');
      await expect
        .poll(async () => {
          const texts = await rows.allTextContents();
          return (
            texts.length >= 2 &&
            texts.every((text) => text.includes('community1') && text.includes('编辑地点'))
          );
        })
        .toBe(true);
      expect(await table.textContent()).toMatch(/拒绝|失败/);

      await page.getByTestId('audit-result').click();
      await page.locator('.ant-select-item-option', { hasText: '成功' }).click();
      await page.getByTestId('audit-search').click();
      const row = table.locator('tr.ant-table-row').first();
      await expect.poll(() => row.textContent()).toContain('成功');
      expect(await row.textContent()).toContain('community1');
      expect(await row.textContent()).toContain('编辑地点');

      await row.locator('.ant-table-row-expand-icon').click();
      const expanded = table.locator('tr.ant-table-expanded-row').first();
      await expect.poll(() => expanded.textContent()).toContain(edited.name);
      await snapshot(page, 'audit');

      await page.getByTestId('audit-verify').click();
      const verdict = page.getByTestId('audit-verify-result');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-ok')).toBe('true');
      expect(await verdict.textContent()).toContain('审计链完整');
    },
    STEP_TIMEOUT,
  );
});
