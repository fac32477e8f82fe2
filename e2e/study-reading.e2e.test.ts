import type { Page } from 'playwright-core';
import { demoMaterialId, OATH } from '@zbxx/demo-data';
import { advanceClocks, signInAs } from './support/app';
import { useBrowserSuite } from './support/suite';

jest.setTimeout(120_000);

const oathId = demoMaterialId(OATH);
/** The reader sends progress in batches this far apart (client/src/hooks/use-reader.ts). */
const BATCH_INTERVAL_MS = 10_000;
/** The h5 router keeps pages it left in the DOM (hidden): act on the one on screen. */
const onScreen = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });

/** Actions the page sent to the study function, in order. */
function recordStudyActions(page: Page): string[] {
  const actions: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/functions/study')) {
      actions.push((JSON.parse(request.postData() ?? '{}') as { action?: string }).action ?? '?');
    }
  });
  return actions;
}

describe('每月一学 in the h5 app on devcloud', () => {
  const suite = useBrowserSuite();

  it('a member opens this month’s material from 首页, reads it to the end and sees 已完成', async () => {
    const page = await suite.phone.newPage();
    const actions = recordStudyActions(page);
    await signInAs(page, suite.app.url, 'demo-member');

    // 首页 card: three required texts this month (county ×2, 城关镇党委 ×1), none finished yet.
    await expect(page.getByTestId('home-study-count').filter({ hasText: '/3' }).textContent()).resolves.toContain('0/3 已完成');
    await page.getByTestId('task-study').locator('.study-card__title').click();
    await expect(onScreen(page, `status-${oathId}`).textContent()).resolves.toBe('未读');

    await onScreen(page, `material-${oathId}`).click();
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe('重温入党誓词');
    await expect(page.getByTestId('reader-status').textContent()).resolves.toBe('未读');

    // Scroll to the end many times: progress goes out in batches, not per scroll event.
    const scroller = page.locator('.reader__scroll');
    for (let i = 0; i < 20; i += 1) {
      await scroller.evaluate((el, step) => {
        el.scrollTop = (el.scrollHeight * step) / 20;
        el.dispatchEvent(new Event('scroll'));
      }, i + 1);
    }
    expect(actions.filter((a) => a === 'reportProgress')).toHaveLength(0);

    // The server decides from its own clock once a plausible time (8 s for this short text) has passed: one
    // batch interval passes on both clocks (the phone's batch timer fires; devcloud's clock moves on).
    await advanceClocks(suite.app, page, BATCH_INTERVAL_MS);
    await page.getByTestId('reader-status').filter({ hasText: '已完成' }).waitFor({ timeout: 15_000 });
    expect(actions.filter((a) => a === 'reportProgress').length).toBeLessThanOrEqual(3);
    await page.screenshot({ path: 'e2e/artifacts/study-reader-completed.png' });

    await page.goBack();
    await onScreen(page, `status-${oathId}`).filter({ hasText: '已完成' }).waitFor();
  });

  it('remembers the font size and keeps an opened material readable when the network is gone', async () => {
    const page = await suite.phone.newPage();
    await signInAs(page, suite.app.url, 'demo-member');
    await page.getByTestId('task-study').locator('.study-card__title').click();
    await onScreen(page, `material-${oathId}`).click();
    await page.getByTestId('reader-title').waitFor();
    await page.getByTestId('font-huge').click();
    await page.locator('.reader--huge').waitFor();
    await page.goBack();
    await onScreen(page, `material-${oathId}`).waitFor();

    // A mini-program's pages are on the phone; only cloud calls fail offline. Same here: the gateway is cut.
    await page.route('**/api/functions/**', (route) => route.abort('internetdisconnected'));
    await onScreen(page, `material-${oathId}`).click();
    await page.locator('.reader__offline').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe('重温入党誓词');
    await expect(page.locator('.reader--huge').count()).resolves.toBe(1);
  });
});
