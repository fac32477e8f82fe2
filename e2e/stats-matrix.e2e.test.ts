import type { Page } from 'playwright-core';
import { signInAs } from './support/app';
import { useBrowserSuite } from './support/suite';

jest.setTimeout(180_000);

/** The h5 router keeps pages it left in the DOM (hidden): act on the one on screen. */
const onScreen = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });

/** 李秀英 (demo-member) belongs to demo-secretary's branch. */
const LI_XIUYING = 'm-000005';

describe('h5: a secretary works the month matrix and sends 催学', () => {
  const suite = useBrowserSuite();

  it('filters 未完成, opens a member, reminds the branch and sees what happened to each member', async () => {
    const page = await suite.phone.newPage();

    // The member turns on 学习提醒 (in h5 the tap is the consent, as for the 主题党日 reminder).
    await signInAs(page, suite.app.url, 'demo-member');
    await page.goto(`${suite.app.url}/#/pages/mine/index`);
    await onScreen(page, 'mine-study-reminder').click();
    await expect(onScreen(page, 'study-reminder-credits').filter({ hasNotText: '正在查询' }).textContent()).resolves.toContain('尚未开启');
    await onScreen(page, 'study-reminder-enable').click();
    await expect(onScreen(page, 'study-reminder-credits').filter({ hasText: '还可接收' }).textContent()).resolves.toBe('还可接收 1 次提醒');
    await page.screenshot({ path: 'e2e/artifacts/stats-study-reminder.png' });

    await signInAs(page, suite.app.url, 'demo-secretary');
    await onScreen(page, 'entry-secretary').click();
    await onScreen(page, 'secretary-link-stats').click();

    // Totals for the whole branch, then the 未完成 tab.
    await expect(onScreen(page, 'matrix-totals').textContent()).resolves.toMatch(/共 \d+ 人 · 已完成 \d+ 人/);
    const members = Number((await onScreen(page, 'matrix-totals').textContent())!.match(/共 (\d+) 人/)![1]);
    const complete = Number((await onScreen(page, 'matrix-totals').textContent())!.match(/已完成 (\d+) 人/)![1]);
    await onScreen(page, 'matrix-filter-incomplete').click();
    await expect(onScreen(page, 'matrix-filter-incomplete').getAttribute('class')).resolves.toContain('is-active');
    await onScreen(page, 'matrix-rows').waitFor();
    const rows = onScreen(page, 'matrix-rows').locator('[data-testid^="matrix-row-"]');
    await expect(rows.count()).resolves.toBe(members - complete);
    for (const text of await rows.allTextContents()) expect(text).toContain('未完成：');
    await expect(onScreen(page, `cell-study-${LI_XIUYING}`).textContent()).resolves.toMatch(/^(未学|学习中 \d+\/\d+|已完成|—)$/);
    await page.screenshot({ path: 'e2e/artifacts/stats-matrix.png' });

    // A member's drill-down, then back to the list.
    await onScreen(page, `matrix-row-${LI_XIUYING}`).click();
    await expect(onScreen(page, 'member-detail-name').textContent()).resolves.toBe('李秀英');
    await expect(onScreen(page, 'member-detail-verdict').textContent()).resolves.toContain('未完成');
    await page.screenshot({ path: 'e2e/artifacts/stats-member.png' });
    await page.goBack();
    await onScreen(page, 'remind-open').waitFor();

    // 催学: the count first, then the outcomes.
    await onScreen(page, 'remind-open').click();
    await expect(onScreen(page, 'remind-confirm-text').textContent()).resolves.toContain(
      `将向 ${members - complete} 名未完成的党员发送催学提醒（其中 1 人已开启学习提醒）`,
    );
    await onScreen(page, 'remind-confirm').click();
    const summary = await onScreen(page, 'remind-summary').textContent();
    expect(summary).toContain('已发送 1');
    expect(summary).toContain('未订阅');
    await expect(onScreen(page, `remind-result-${LI_XIUYING}`).textContent()).resolves.toBe('李秀英已发送');
    await page.screenshot({ path: 'e2e/artifacts/stats-remind.png' });
    await onScreen(page, 'remind-close').click();

    // The same day again: nobody gets a second message.
    await onScreen(page, 'remind-open').click();
    await onScreen(page, 'remind-confirm').click();
    await expect(onScreen(page, `remind-result-${LI_XIUYING}`).textContent()).resolves.toBe('李秀英今日已提醒');
    await expect(onScreen(page, 'remind-summary').textContent()).resolves.not.toContain('已发送');

    // The log lists the one message sent.
    await onScreen(page, 'remind-close').click();
    await onScreen(page, 'remind-log-open').click();
    await onScreen(page, 'remind-log-entry').first().waitFor();
    await expect(onScreen(page, 'remind-log-entry').allTextContents()).resolves.toEqual([expect.stringContaining('李秀英')]);

    // The card for the branch's group: in h5, its text with a 复制 button.
    await page.goBack();
    await onScreen(page, 'share-open').click();
    await expect(onScreen(page, 'share-title').textContent()).resolves.toContain('城关镇东关社区党支部');
    await onScreen(page, 'share-copy').waitFor();
    await page.screenshot({ path: 'e2e/artifacts/stats-share.png' });
  });
});
