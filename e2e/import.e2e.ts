/**
 * Importing residents as a community worker: download the template, fill it with two good rows and one bad one,
 * upload it, see the bad row reported by row and column, import the valid rows, see the success count.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/shared/id-number.js';
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

describe('resident import (community worker)', () => {
  let harness: Harness;
  let page: Page;
  let api: ApiSession;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-import-e2e-'));
  let template = '';
  let buildingCode = '';
  // Fictitious people no demo resident shares (Beijing Dongcheng, born 1937).
  const good1 = makeIdNumber('110101', '1937-03-05', '011');
  const good2 = makeIdNumber('110101', '1937-03-06', '022');
  const right = makeIdNumber('110101', '1937-03-07', '033');
  const badCheck = right.slice(0, 17) + (right[17] === '1' ? '2' : '1');

  beforeAll(async () => {
    harness = await startHarness();
    page = await harness.newPage();
    api = await harness.apiLogin('community1');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, SETUP_TIMEOUT);

  screenshotOnFailure(() => page);

  it(
    'downloads the template from the import page',
    async () => {
      await harness.login(page, 'community1');
      await openMenu(page, '居民导入');
      await page.waitForURL((url) => url.pathname === '/residents/import');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('import-template').click(),
      ]);
      expect(download.suggestedFilename()).toBe('居民导入模板.xlsx');
      template = path.join(dir, 'template.xlsx');
      await download.saveAs(template);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(template);
      const [residents, buildings] = book.worksheets;
      expect(residents?.getRow(1).values).toEqual(
        expect.arrayContaining(['姓名', '公民身份号码', '楼栋编码']),
      );
      buildingCode = String(buildings?.getRow(2).getCell(1).value ?? '');
      expect(buildingCode.startsWith(api.user.place.code)).toBe(true);
      await snapshot(page, 'import-page');
    },
    STEP_TIMEOUT,
  );

  it(
    'uploads a filled template and sees the bad row by row and column',
    async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(template);
      const sheet = book.worksheets[0] as ExcelJS.Worksheet;
      const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const at = (name: string) => header.indexOf(name);
      const fill = (rowNumber: number, values: Record<string, string>) => {
        const row = sheet.getRow(rowNumber);
        for (let i = 1; i < header.length; i++) row.getCell(i).value = null;
        for (const [name, value] of Object.entries(values)) row.getCell(at(name)).value = value;
        row.commit();
      };
      const common = { 与户主关系: '户主', 人员类型: '户籍', 楼栋编码: buildingCode, 单元: '1' };
      fill(2, { ...common, 姓名: '测试甲', 公民身份号码: good1, 房号: '901' });
      fill(3, { ...common, 姓名: '测试乙', 公民身份号码: badCheck, 房号: '902' });
      fill(4, { ...common, 姓名: '测试丙', 公民身份号码: good2, 房号: '903', 标签: '党员' });
      const file = path.join(dir, '社区居民.xlsx');
      await book.xlsx.writeFile(file);

      await page.locator('input[type=file]').setInputFiles(file);
      const summary = page.getByTestId('import-summary');
      await summary.waitFor({ timeout: 30_000 });
      expect(await summary.textContent()).toContain('共 3 行：有效 2 行，有问题 1 行');
      const findings = page.getByTestId('import-findings');
      const row = findings.locator('tbody tr.ant-table-row').first();
      const cells = await row.locator('td').allTextContents();
      expect(cells[0]).toBe('3');
      expect(cells[1]).toBe('公民身份号码');
      expect(cells[2]).toContain('校验位');
      expect(await findings.textContent()).not.toContain(badCheck);
      await snapshot(page, 'import-findings');
    },
    STEP_TIMEOUT,
  );

  it(
    'imports the valid rows and shows the success count',
    async () => {
      // A file with findings cannot go all-or-nothing: the valid-rows choice is preselected.
      expect(await page.getByRole('radio', { name: /全部成功才导入/ }).isDisabled()).toBe(true);
      expect(await page.getByRole('radio', { name: /仅导入有效行/ }).isChecked()).toBe(true);
      await page.getByTestId('import-commit').click();
      const result = page.getByTestId('import-result');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.textContent()).toContain('已导入 2 人');
      await snapshot(page, 'import-done');

      const job = page.getByTestId('import-job');
      expect(await job.getAttribute('data-status')).toBe('done');
      // The same file again: everyone in it is now registered or still bad.
      await page.getByTestId('import-another').click();
      await page.locator('input[type=file]').setInputFiles(path.join(dir, '社区居民.xlsx'));
      await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('import-summary').textContent()).toContain('有效 0 行');
      expect(await page.getByTestId('import-findings').textContent()).toContain('已经登记');
    },
    STEP_TIMEOUT,
  );
});
