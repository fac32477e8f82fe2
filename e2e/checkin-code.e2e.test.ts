import type { Page } from 'playwright-core';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { E2E_NOW, signInAs } from './support/app';
import { useBrowserSuite } from './support/suite';

jest.setTimeout(120_000);

/** The h5 router keeps pages it left in the DOM (hidden): act on the one on screen. */
const onScreen = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });
// The demo county the app seeds: demo-member's roster id, to find their row on the sheet.
const demo = generateCounty({ today: E2E_NOW }).collections;
const demoMemberId = demo.members.find((m) => m.openid === DEMO_OPENIDS.member)!._id;
const TODAY = 'ev-demo-today';
// Today's demo event counts a check-in late in the last half hour of the day: expect what the suite's instant says.
const lateAfter = demo.checkinEvents.find((e) => e._id === TODAY)!.lateAfter;
const ARRIVED = E2E_NOW.getTime() >= new Date(lateAfter).getTime() ? '迟到' : '出席';

describe('主题党日 check-in in the h5 app on devcloud', () => {
  const suite = useBrowserSuite();

  it('the secretary shows the rotating code, a member types it on their phone, and the sheet shows them present', async () => {
    // The secretary's phone: 支部管理 → 主题党日 → today's event → 出示签到码.
    const secretaryPage = await suite.phone.newPage();
    await signInAs(secretaryPage, suite.app.url, DEMO_OPENIDS.secretary);
    await secretaryPage.goto(`${suite.app.url}/#/subpackages/secretary/pages/index`);
    await onScreen(secretaryPage, 'secretary-link-party-day').click();
    await onScreen(secretaryPage, `event-code-${TODAY}`).click();
    const codeOnScreen = onScreen(secretaryPage, 'checkin-code');
    await codeOnScreen.waitFor();
    await onScreen(secretaryPage, 'checkin-qr').waitFor();
    const payload = await onScreen(secretaryPage, 'checkin-qr').getAttribute('data-payload');
    expect(payload).toMatch(new RegExp(`^zbxx:checkin:${TODAY}:\\d{6}$`));
    await secretaryPage.screenshot({ path: 'e2e/artifacts/checkin-code.png' });

    // A member on another phone (a second browser context) reads the digits off the secretary's screen.
    const memberPhone = await suite.newPhone();
    try {
      const memberPage = await memberPhone.newPage();
      await signInAs(memberPage, suite.app.url, DEMO_OPENIDS.member);
      await memberPage.getByTestId('home-party-day-theme').waitFor();
      await memberPage.getByTestId('task-party-day').click();
      await onScreen(memberPage, 'party-day-my-state').filter({ hasText: '未签到' }).waitFor();
      const code = (await codeOnScreen.textContent())?.trim() ?? '';
      expect(code).toMatch(/^\d{6}$/);
      await onScreen(memberPage, 'checkin-code-input').locator('input').fill(code);
      await onScreen(memberPage, 'checkin-submit').click();
      await onScreen(memberPage, 'party-day-my-state').filter({ hasText: ARRIVED }).waitFor({ timeout: 15_000 });
    } finally {
      await memberPhone.close();
    }

    // The secretary opens the live sheet: the member is 出席, with the check-in in the row's history.
    await onScreen(secretaryPage, 'code-open-sheet').click();
    await onScreen(secretaryPage, `sheet-state-${demoMemberId}`).filter({ hasText: ARRIVED }).waitFor({ timeout: 15_000 });
    await expect(onScreen(secretaryPage, 'sheet-tally').textContent()).resolves.toContain(`${ARRIVED} 1`);
    await onScreen(secretaryPage, `sheet-row-${demoMemberId}`).locator('.pd-sheet__row-head').click();
    await expect(onScreen(secretaryPage, `sheet-row-${demoMemberId}`).textContent()).resolves.toContain(`未签到 → ${ARRIVED}`);
    await secretaryPage.screenshot({ path: 'e2e/artifacts/checkin-sheet.png' });
  });
});
