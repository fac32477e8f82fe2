import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { callAs, signInAs } from './support/app';
import { useBrowserSuite } from './support/suite';

jest.setTimeout(120_000);

/** A roster sheet the way an office fills the template: headers in the first row, one person a row. */
async function rosterFile(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['姓名', '性别', '手机号', '所在支部', '职务', '入党日期', '备注']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId((await page.getByTestId('import-repick').isVisible()) ? 'import-repick' : 'import-pick').click();
  await (await chooser).setFiles({ name, mimeType: XLSX, buffer });
}

describe('h5: an admin imports a roster from Excel', () => {
  const suite = useBrowserSuite();

  type RosterReply = { data: { total: number; items: { name: string; branch: { name: string }; duty: string }[] } };
  /** What the server holds, asked the way the app asks. */
  const rosterSearch = async (query: string) => {
    const reply = (await callAs(suite.app.url, 'demo-admin', 'org', { action: 'rosterList', data: { query } })) as RosterReply;
    return reply.data;
  };

  it('previews a sheet with mistakes (nothing written), then imports the corrected sheet', async () => {
    const page = await suite.phone.newPage();
    await signInAs(page, suite.app.url, 'demo-admin');
    await page.getByTestId('entry-admin').click();
    await page.getByTestId('admin-link-import').click();
    await page.getByTestId('import-pick').waitFor();

    const people = [
      ['周建国', '男', '13611112222', '城关镇东关社区党支部', '组织委员', '1998-07-01', ''],
      ['吴秀珍', '女', '13611113333', '城关镇党委/城关镇东关社区党支部', '党员', '2012.06', '流动党员'],
    ];
    const wrong = await rosterFile([people[0]!, ['吴秀珍', '女', '1361111333', '城关镇西街社区党支部', '党员', '2012.06', ''], people[0]!]);
    await chooseFile(page, '有错误的花名册.xlsx', wrong);
    await page.getByTestId('import-preview').waitFor();
    const errors = await page.getByTestId('import-error').allTextContents();
    expect(errors).toEqual([
      '第3行 · 手机号：手机号「1361111333」不是有效的11位手机号',
      '第3行 · 所在支部：找不到该支部（或不在您的管理范围内）',
      '第4行 · 手机号：与第2行手机号重复（同一人不能出现两次）',
    ]);
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    expect((await rosterSearch('周建国')).total).toBe(0);
    await page.screenshot({ path: 'e2e/artifacts/import-errors.png' });

    await chooseFile(page, '花名册.xlsx', await rosterFile(people));
    await expect(page.getByTestId('import-counts').textContent()).resolves.toContain('新增 2 人');
    expect(await page.getByTestId('import-add').allTextContents()).toEqual([
      '第2行 周建国 · 组织委员 · 城关镇党委/城关镇东关社区党支部',
      '第3行 吴秀珍 · 党员 · 城关镇党委/城关镇东关社区党支部',
    ]);
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done').textContent()).resolves.toContain('新增 2 人，更新 0 人');
    await page.screenshot({ path: 'e2e/artifacts/import-done.png' });

    const imported = await rosterSearch('周建国');
    expect(imported.items).toEqual([
      expect.objectContaining({ name: '周建国', duty: '组织委员', branch: expect.objectContaining({ name: '城关镇东关社区党支部' }) }),
    ]);

    // The roster page finds the new member.
    await page.getByTestId('import-to-roster').click();
    await page.getByTestId('roster-search').locator('input').fill('吴秀珍');
    await page.getByTestId('roster-search-button').click();
    await expect(page.getByTestId('roster-total').textContent()).resolves.toContain('共 1 人');
  });
});
