/**
 * Regenerates the 375 px screenshots under docs/screens/ from the h5 build and the demo county at a fixed
 * instant:  npx tsx scripts/screens.ts   (after `npm run build:h5 -w client` and the function bundles).
 */
import { join } from 'node:path';
import { BRANCH_WORK, demoMaterialId } from '@zbxx/demo-data';
import { signInAs, startDemoApp } from '../e2e/support/app';
import { launchBrowser } from '../e2e/support/browser';
import { REPO_ROOT } from './app';

const NOW = new Date('2026-11-18T10:00:00+08:00');
/** name → [identity, hash path] */
const SHOTS: Record<string, [string, string]> = {
  'reader-375': ['demo-member', `pages/reader/index?id=${encodeURIComponent(demoMaterialId(BRANCH_WORK))}`],
  'study-375': ['demo-member', 'pages/study/index'],
  'quiz-375': ['demo-member', 'pages/quiz/index'],
  // 考勤表 and 完成情况: where self-made changes are flagged (本人自行变更).
  'sheet-375': ['demo-secretary', 'subpackages/secretary/party-day/sheet?eventId=ev-demo-today'],
  'matrix-375': ['demo-secretary', 'subpackages/secretary/stats/index'],
};

async function main(): Promise<void> {
  const [app, phones] = await Promise.all([startDemoApp(NOW), launchBrowser()]);
  try {
    for (const [name, [identity, path]] of Object.entries(SHOTS)) {
      // One scale factor keeps the PNGs small; 375 × 667 is the phone the issue was measured on.
      const phone = await phones.browser.newContext({
        viewport: { width: 375, height: 667 },
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      });
      // The page's clock at the demo's instant too, so "this month" on screen is the demo's month.
      await phone.clock.install({ time: app.devcloud.clock.now() });
      const page = await phone.newPage();
      await signInAs(page, app.url, identity);
      await page.goto(`${app.url}/#/${path}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000); // the slide-in
      await page.screenshot({ path: join(REPO_ROOT, 'docs/screens', `${name}.png`) });
      await phone.close();
    }
  } finally {
    await phones.close();
    await app.dispose();
  }
}

void main();
