/**
 * The console as a community worker uses it: log in, home counts, the place tree, editing a compound with
 * client- and server-side validation, search, switching to English, logging out. Steps share one page.
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
  treeRow,
  type ApiSession,
  type Harness,
} from './support.js';

interface HomeStats {
  place: { code: string; name: string };
  stats: { key: string; label: string; value: number | null }[];
}

interface PlacePage {
  items: { code: string; name: string; kind: string; childCount: number }[];
  total: number;
}

describe('console (community worker)', () => {
  let harness: Harness;
  let page: Page;
  let api: ApiSession;
  let rootCode: string;
  let compound: { code: string; name: string };
  let sibling: { code: string; name: string };
  let buildings: PlacePage;
  const newName = `亚新e2e楼院${Date.now() % 10_000}`;

  beforeAll(async () => {
    harness = await startHarness();
    page = await harness.newPage();
    api = await harness.apiLogin('community1');
    rootCode = api.user.place.code;
    const children = (await api.request('GET', `/api/places/${rootCode}/children?pageSize=50`))
      .body as PlacePage;
    const compounds = children.items.filter((p) => p.kind === 'compound' && p.childCount > 0);
    const [first, second] = compounds;
    if (!first || !second) throw new Error('the demo community has fewer than two compounds with buildings');
    compound = { code: first.code, name: first.name };
    sibling = { code: second.code, name: second.name };
    buildings = (await api.request('GET', `/api/places/${compound.code}/children`)).body as PlacePage;
    if (buildings.items.length < 2) throw new Error('the first compound has fewer than two buildings');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await harness?.close();
  }, SETUP_TIMEOUT);

  screenshotOnFailure(() => page);

  it(
    'sends an anonymous visitor to the login page and back to the page they wanted',
    async () => {
      await page.goto(`${harness.baseUrl}/places`);
      await page.waitForURL(/\/login\?next=%2Fplaces/);
      await expect.poll(() => page.title()).toContain('楼院');
      await snapshot(page, 'login');

      await page.getByTestId('login-username').fill('community1');
      await page.getByTestId('login-password').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

      await harness.login(page, 'community1');
      expect(new URL(page.url()).pathname).toBe('/places');
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the user, their place and the real counts on the home page',
    async () => {
      await openMenu(page, '首页');
      await page.waitForURL((url) => url.pathname === '/');
      const expected = (await api.request('GET', '/api/home/stats')).body as HomeStats;
      expect(expected.stats.length).toBeGreaterThan(0);
      for (const stat of expected.stats) {
        const card = page.getByTestId(`stat-${stat.key}`);
        await expect.poll(() => card.textContent()).toContain(stat.label);
        // figures are shown with thousands separators (5,432)
        expect((await card.textContent())?.replace(/[,\s]/g, '')).toContain(String(stat.value));
      }
      expect(await page.getByTestId('home-place').textContent()).toContain(rootCode);
      if (isPhone) {
        await page.getByTestId('user-menu').click();
        await expect.poll(() => page.locator('.ly-user-menu-who').textContent()).toContain('社区工作人员甲');
        await page.keyboard.press('Escape');
      } else {
        expect(await page.getByTestId('user-name').textContent()).toBe('社区工作人员甲');
        expect(await page.getByTestId('user-place').textContent()).toContain(rootCode);
      }
      await snapshot(page, 'home');
    },
    STEP_TIMEOUT,
  );

  it(
    'browses the lazily loaded tree down to a compound and its buildings',
    async () => {
      await openMenu(page, '地点与楼院');
      await page.waitForURL((url) => url.pathname === '/places');
      await page.getByTestId(`tree-node-${rootCode}`).waitFor();
      // The root opens by itself; its compounds are loaded on demand.
      await page.getByTestId(`tree-node-${compound.code}`).click();
      await page.waitForURL((url) => url.pathname === `/places/${compound.code}`);
      await expect.poll(() => page.getByTestId('place-title').textContent()).toBe(compound.name);
      expect(await page.getByTestId('place-breadcrumb').textContent()).toContain(api.user.place.name);
      expect(await page.getByTestId('place-detail-code').textContent()).toContain(compound.code);

      const building = buildings.items[0];
      if (!building) throw new Error('compound without buildings');
      expect(await page.getByTestId(`tree-node-${building.code}`).count()).toBe(0);
      await treeRow(page, compound.code).locator('.ant-tree-switcher').click();
      await page.getByTestId(`tree-node-${building.code}`).waitFor();
      expect(await page.locator('[data-testid^="tree-node-"][data-kind="building"]').count()).toBe(
        buildings.total,
      );
      expect(await page.getByTestId(`descendants-building`).textContent()).toContain(String(buildings.total));
      // Only the actions the server allows are offered.
      for (const id of ['place-edit', 'place-add-child', 'place-move', 'place-delete']) {
        expect(await page.getByTestId(id).count()).toBe(1);
      }
      await snapshot(page, 'places-compound');
    },
    STEP_TIMEOUT,
  );

  it(
    "edits a compound's name; the tree and the detail show it",
    async () => {
      await page.getByTestId('place-edit').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('place-field-name').fill(newName);
      await snapshot(page, 'places-edit-dialog');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('place-title').textContent()).toBe(newName);
      await expect
        .poll(() => page.getByTestId(`tree-node-${compound.code}`).textContent())
        .toContain(newName);
      const stored = (await api.request('GET', `/api/places/${compound.code}`)).body as { name: string };
      expect(stored.name).toBe(newName);
    },
    STEP_TIMEOUT,
  );

  it(
    'checks coordinates in the browser and shows a server rejection on the field',
    async () => {
      const [building, other] = buildings.items;
      if (!building || !other) throw new Error('no buildings');
      await page.getByTestId(`tree-node-${building.code}`).click();
      await expect.poll(() => page.getByTestId('place-title').textContent()).toBe(building.name);
      await page.getByTestId('place-edit').click();
      const dialog = page.getByRole('dialog');
      // Client side: an impossible longitude never reaches the server.
      await dialog.getByTestId('place-field-lng').fill('999');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents())
        .toContain('经度须在 -180 到 180 之间');
      await dialog.getByTestId('place-field-lng').fill('113.62');

      // Server side: the other building's code is taken; the message lands on the code field.
      await dialog.getByTestId('place-field-code').fill(other.code);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const codeItem = dialog.locator('.ant-form-item', { has: page.getByTestId('place-field-code') });
      await expect
        .poll(() => codeItem.locator('.ant-form-item-explain-error').textContent())
        .toBe(`编码 ${other.code} 已被使用`);
      await snapshot(page, 'places-field-error');
      await dialog.getByRole('button', { name: /取\s*消/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const stored = (await api.request('GET', `/api/places/${building.code}`)).body as { code: string };
      expect(stored.code).toBe(building.code);
    },
    STEP_TIMEOUT,
  );

  it(
    'finds a place by code and selects it',
    async () => {
      await page.getByTestId('place-search').locator('input').fill(sibling.code);
      await page.getByTestId(`search-result-${sibling.code}`).click();
      await page.waitForURL((url) => url.pathname === `/places/${sibling.code}`);
      await expect.poll(() => page.getByTestId('place-title').textContent()).toBe(sibling.name);
    },
    STEP_TIMEOUT,
  );

  it(
    'adds a building, moves it to another compound and deletes it; the tree follows',
    async () => {
      // Add under the sibling compound (selected by the search above).
      await page.getByTestId('place-add-child').click();
      const create = page.getByRole('dialog');
      expect(await create.getByTestId('place-field-kind').textContent()).toContain('楼栋');
      await create.getByTestId('place-field-name').fill('e2e临时楼');
      await create.getByRole('button', { name: /新\s*建/ }).click();
      await page.waitForURL(
        (url) => /^\/places\/\d+$/.test(url.pathname) && url.pathname !== `/places/${sibling.code}`,
      );
      const code = new URL(page.url()).pathname.split('/').pop() ?? '';
      expect(code.startsWith(sibling.code)).toBe(true);
      await expect.poll(() => page.getByTestId('place-title').textContent()).toBe('e2e临时楼');
      await page.getByTestId(`tree-node-${code}`).waitFor();

      // Move it under the first compound, picked by searching for its code.
      await page.getByTestId('place-move').click();
      const move = page.getByRole('dialog');
      await move.getByTestId('place-move-target').click();
      await page.keyboard.type(compound.code);
      await page.locator('.ant-select-item-option', { hasText: compound.code }).click();
      await move.getByRole('button', { name: /移\s*动/ }).click();
      await move.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('place-breadcrumb').textContent()).toContain(newName);
      const moved = (await api.request('GET', `/api/places/${code}`)).body as { parentCode: string };
      expect(moved.parentCode).toBe(compound.code);
      const target = (await api.request('GET', `/api/places/${compound.code}`)).body as {
        childCount: number;
      };
      await expect
        .poll(() => treeRow(page, compound.code).locator('.ly-tree-count').first().textContent())
        .toBe(String(target.childCount));

      // Delete it; the parent is selected again and the node leaves the tree.
      await page.getByTestId('place-delete').click();
      const remove = page.getByRole('dialog');
      await remove.getByRole('button', { name: /删\s*除/ }).click();
      await page.waitForURL((url) => url.pathname === `/places/${compound.code}`);
      await expect.poll(() => page.getByTestId(`tree-node-${code}`).count()).toBe(0);
      expect((await api.request('GET', `/api/places/${code}`)).status).toBe(404);
    },
    STEP_TIMEOUT,
  );

  it(
    'tells the user when someone else changed the record, and reloads it',
    async () => {
      await page.getByTestId('place-edit').click();
      const dialog = page.getByRole('dialog');
      // Meanwhile a colleague renames the compound.
      const current = (await api.request('GET', `/api/places/${compound.code}`)).body as { version: number };
      const renamed = `${newName}（同事改）`;
      const patched = await api.request('PATCH', `/api/places/${compound.code}`, {
        version: current.version,
        name: renamed,
      });
      expect(patched.status).toBe(200);

      await dialog.getByTestId('place-field-address').fill('郑州市二七区e2e路1号');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => dialog.locator('.ant-alert').textContent()).toContain('已被他人修改');
      // The dialog now shows the colleague's version; saving again applies on top of it.
      await expect.poll(() => dialog.getByTestId('place-field-name').inputValue()).toBe(renamed);
      await dialog.getByTestId('place-field-address').fill('郑州市二七区e2e路1号');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const stored = (await api.request('GET', `/api/places/${compound.code}`)).body as {
        name: string;
        address: string;
      };
      expect(stored).toMatchObject({ name: renamed, address: '郑州市二七区e2e路1号' });
      await expect.poll(() => page.getByTestId('place-title').textContent()).toBe(renamed);
    },
    STEP_TIMEOUT,
  );

  it(
    'switches to English: labels, server messages and the choice survive a reload',
    async () => {
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => page.getByTestId('lang-switch').textContent()).toContain('中文');
      await expect.poll(() => page.getByTestId('place-detail').textContent()).toContain('Code');
      expect(await page.getByTestId('place-edit').textContent()).toContain('Edit');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      // A compound with buildings keeps its code: the field says so instead of offering it.
      await page.getByTestId('place-edit').click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByTestId('place-field-code').isDisabled()).toBe(true);
      expect(await dialog.textContent()).toContain('A place with children keeps its code');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // The server answers in English too (Accept-Language follows the UI).
      const [building, other] = buildings.items;
      if (!building || !other) throw new Error('no buildings');
      await page.getByTestId(`tree-node-${building.code}`).click();
      await expect.poll(() => page.getByTestId('place-title').textContent()).toBe(building.name);
      await page.getByTestId('place-edit').click();
      await dialog.getByTestId('place-field-code').fill(other.code);
      await dialog.getByRole('button', { name: 'Save' }).click();
      const codeItem = dialog.locator('.ant-form-item', { has: page.getByTestId('place-field-code') });
      await expect
        .poll(() => codeItem.locator('.ant-form-item-explain-error').textContent())
        .toBe(`Code ${other.code} is already in use`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.reload();
      await expect.poll(() => page.getByTestId('place-detail').textContent()).toContain('Updated');
      await openMenu(page, 'Home');
      await expect.poll(() => page.getByTestId('home-stats').textContent()).toContain('Compounds');
      await snapshot(page, 'home-english');
    },
    STEP_TIMEOUT,
  );

  it(
    'logs out; protected pages then lead to the login page',
    async () => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.goto(`${harness.baseUrl}/places/${compound.code}`);
      await page.waitForURL((url) => url.pathname === '/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/places/${compound.code}`);
      const me = await page.request.get(`${harness.baseUrl}/api/auth/me`);
      expect(me.status()).toBe(401);
    },
    STEP_TIMEOUT,
  );
});
