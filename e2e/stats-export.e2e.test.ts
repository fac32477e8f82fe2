import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { signInAs } from './support/app';
import { useBrowserSuite } from './support/suite';

jest.setTimeout(240_000);

const onScreen = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });

const SHEETS = ['汇总', '党员明细', '主题党日', '答题分析', '年度数据', '口径说明'];
/** 城关镇党委, a committee of the demo county. */
const TOWN = 'org-c01';
/** 城关镇东关社区党支部, a branch of that committee. */
const BRANCH = 'org-b0002';

describe('h5: an admin reads the dashboard, drills down and exports Excel', () => {
  const suite = useBrowserSuite();

  it('the workbook (read back with another reader) holds the figure the dashboard shows', async () => {
    const page = await suite.phone.newPage();
    await signInAs(page, suite.app.url, 'demo-admin');
    await onScreen(page, 'entry-admin').click();
    await onScreen(page, 'admin-link-stats').click();

    // County first, with thresholds shown; then one level down.
    await expect(onScreen(page, 'dashboard-node').textContent()).resolves.toBe('清河县委组织部');
    await expect(onScreen(page, 'threshold-note').textContent()).resolves.toContain('达标线');
    await onScreen(page, `child-${TOWN}`).click();
    await expect(onScreen(page, 'dashboard-node').textContent()).resolves.toBe('城关镇党委');
    await expect(onScreen(page, 'dashboard-path').textContent()).resolves.toContain('清河县委组织部');
    const members = Number((await onScreen(page, 'dashboard-members').textContent())!.replace(/\D/g, ''));
    expect(members).toBeGreaterThan(0);
    const month = await onScreen(page, 'month-label').textContent();
    await page.screenshot({ path: 'e2e/artifacts/stats-dashboard.png' });

    // Down to a branch (its month matrix) and one of its members, then back up.
    await onScreen(page, `child-${BRANCH}`).click();
    await onScreen(page, 'matrix-branch').filter({ hasText: '城关镇东关社区党支部' }).waitFor();
    await onScreen(page, 'matrix-rows').locator('[data-testid^="matrix-row-"]').first().click();
    await onScreen(page, 'member-detail-name').waitFor();
    await expect(onScreen(page, 'member-detail-verdict').textContent()).resolves.toMatch(/未完成|本月已完成/);
    await page.goBack();
    await onScreen(page, 'matrix-totals').waitFor();
    await page.goBack();
    await onScreen(page, 'dashboard-trend').waitFor();

    // The trend of the same node: charts drawn with plain views, 6 then 12 months, fetched 3 months per call.
    const trendCalls: { months: number; endMonth: string }[] = [];
    page.on('request', (request) => {
      const body = request.url().endsWith('/api/functions/stats')
        ? (request.postDataJSON() as { action?: string; data?: { months: number; endMonth: string } })
        : null;
      if (body?.action === 'trend' && body.data) trendCalls.push(body.data);
    });
    await onScreen(page, 'dashboard-trend').click();
    const bars = () => onScreen(page, 'trend-chart-completion').locator('[data-testid^="bar-completion-"]');
    await onScreen(page, 'trend-chart-completion').waitFor();
    await bars().nth(5).waitFor();
    await onScreen(page, 'trend-12').click();
    await bars().nth(11).waitFor();
    await expect(bars().count()).resolves.toBe(12);
    await expect(onScreen(page, 'trend-progress').count()).resolves.toBe(0);
    expect(trendCalls.map((c) => c.months)).toEqual([3, 3, 3, 3, 3, 3]);
    await page.screenshot({ path: 'e2e/artifacts/stats-trend.png' });
    await page.goBack();

    // Export the node and month on screen. The first reply is lost on the way back (the server did the work):
    // 重试 sends the same requestId, so the server answers the same job instead of starting another.
    await onScreen(page, 'dashboard-export').click();
    await expect(onScreen(page, 'export-node').textContent()).resolves.toContain('城关镇党委');
    const exportStarts: string[] = [];
    await page.route('**/api/functions/stats', async (route) => {
      const body = route.request().postDataJSON() as { action?: string; data?: { requestId?: string } };
      if (body.action !== 'exportWorkbook') return route.continue();
      exportStarts.push(body.data?.requestId ?? '');
      if (exportStarts.length > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await onScreen(page, 'export-generate').click();
    await onScreen(page, 'export-progress').waitFor();
    await expect(onScreen(page, 'export-progress').textContent()).resolves.toMatch(/^正在导出/);
    await onScreen(page, 'export-retry').waitFor({ timeout: 120_000 });
    await expect(onScreen(page, 'export-error').textContent()).resolves.toContain('重试');
    await page.screenshot({ path: 'e2e/artifacts/stats-export-retry.png' });
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await onScreen(page, 'export-retry').click();
    const file = await download;
    expect(exportStarts).toHaveLength(2);
    expect(exportStarts[1]).toBe(exportStarts[0]);
    await onScreen(page, 'export-done').waitFor();
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.screenshot({ path: 'e2e/artifacts/stats-export.png' });

    // SheetJS, not the exceljs that wrote it.
    const workbook = XLSX.read(readFileSync((await file.path())!));
    expect(workbook.SheetNames).toEqual(SHEETS);
    const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets['汇总']!);
    const [year, mon] = month!.match(/(\d{4})年(\d{1,2})月/)!.slice(1);
    const monthKey = `${year}-${mon!.padStart(2, '0')}`;
    const total = summary.find((row) => row['月份'] === monthKey && row['党支部'] === '合计');
    expect(total?.['党员人数']).toBe(members);
    const branchRows = summary.filter((row) => row['月份'] === monthKey && row['党支部'] !== '合计');
    expect(branchRows.reduce((sum, row) => sum + Number(row['党员人数']), 0)).toBe(members);

    // The node's 达标线 and 自动催学日: a bad value is refused in words, a good one saved for the subtree.
    await page.goBack();
    await onScreen(page, 'dashboard-settings').click();
    await onScreen(page, 'threshold-partyDay').locator('input').fill('120');
    await onScreen(page, 'settings-save').click();
    await expect(onScreen(page, 'settings-error').textContent()).resolves.toBe('党日参加率的达标线请填写 0 到 100 之间的整数');
    await onScreen(page, 'threshold-partyDay').locator('input').fill('90');
    await onScreen(page, 'reminder-days').locator('input').fill('5，15');
    await onScreen(page, 'settings-save').click();
    await onScreen(page, 'settings-saved').waitFor();
    await expect(onScreen(page, 'settings-source').textContent()).resolves.toContain('本组织自定义');
    await page.screenshot({ path: 'e2e/artifacts/stats-settings.png' });
  });
});
