import type { Page } from 'playwright-core';
import { BRANCH_WORK, DEMO_ROUND_ID, demoMaterialId } from '@zbxx/demo-data';
import { signInAs, startDemoApp } from './support/app';
import { launchBrowser, type PhoneBrowser } from './support/browser';
import { measureLayout } from './support/layout';
import { appPages } from './support/pages';

jest.setTimeout(180_000);

/** The audit's instant: a mid-month weekday, so this month has its plan, round and events. */
const NOW = new Date('2026-11-18T10:00:00+08:00');
const WIDTHS = [320, 375] as const;

/** Pages that show nothing worth auditing without their query: opened as the app itself opens them. */
const QUERIES: Record<string, string> = {
  // Long indented paragraphs: the shape that used to run past the edge.
  'pages/reader/index': `id=${encodeURIComponent(demoMaterialId(BRANCH_WORK))}`,
  'subpackages/quiz/leaderboard': `round=${DEMO_ROUND_ID('2026-11')}`,
  'subpackages/quiz/review': `round=${DEMO_ROUND_ID('2026-11')}`,
};

const pages = appPages();
/** The office subpackages; every other subpackage is a member's (a new one is audited as such). */
const OFFICE = { 'demo-secretary': 'subpackages/secretary', 'demo-admin': 'subpackages/admin' } as const;
const memberSubpackages = Object.entries(pages.subPackages)
  .filter(([root]) => !(Object.values(OFFICE) as string[]).includes(root))
  .flatMap(([, paths]) => paths);
/** Every role sees the tab pages (their 首页 differs by role); each role's own subpackages on top. */
const ROLES: [string, readonly string[]][] = [
  ['demo-member', [...pages.main, ...memberSubpackages]],
  ['demo-secretary', [...pages.main, ...(pages.subPackages[OFFICE['demo-secretary']] ?? [])]],
  ['demo-admin', [...pages.main, ...(pages.subPackages[OFFICE['demo-admin']] ?? [])]],
];

interface Finding {
  width: number;
  path: string;
  problem: string;
}

/** No skeleton on screen: the page on top has its data (or its error state). */
const LOADED = `!Array.from(document.querySelectorAll('.loading-skeleton')).some((el) => el.checkVisibility())`;

/**
 * The h5 router slides a page in from the right, and a page may redirect on arrival (绑定 → 首页): measure
 * only once no animation or transition has run for two frames.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let quiet = 0; quiet < 2; ) {
      await frame();
      // An endless animation (a spinner) never finishes: only finite ones are waited for.
      const running = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
      if (running.length === 0) quiet += 1;
      else {
        quiet = 0;
        await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      }
    }
  })()`);
}

/** Opens each page by its hash URL at each width and lists what spills past the right edge. */
async function audit(page: Page, appUrl: string, paths: readonly string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 740 });
    for (const path of paths) {
      const query = QUERIES[path] ? `?${QUERIES[path]}` : '';
      await page.goto(`${appUrl}/#/${path}${query}`);
      // Settled: the page's cloud calls answered and rendered (skeletons are sized to fit anyway).
      await settle(page);
      // A hash URL navigates inside the running app: wait for the page's loads to answer and render.
      await page.waitForFunction(LOADED, undefined, { timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      await settle(page);
      const report = await measureLayout(page);
      if (report.scrollWidth > report.viewportWidth) {
        findings.push({ width, path, problem: `scrolls sideways: ${report.scrollWidth} > ${report.viewportWidth}` });
      }
      for (const c of report.clipped)
        findings.push({ width, path, problem: `text ${c.overBy}px past the edge: "${c.text}" (.${c.className})` });
    }
  }
  return findings;
}

describe('layout audit: every page, every role, at 320 and 375 px', () => {
  let app: Awaited<ReturnType<typeof startDemoApp>>;
  let browser: PhoneBrowser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(NOW), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('derives the pages from app.config.ts, without the h5-only identity picker', () => {
    expect(pages.main).toContain('pages/reader/index');
    expect(pages.main).not.toContain('pages/dev-login/index');
    expect(Object.keys(pages.subPackages)).toEqual(expect.arrayContaining(Object.values(OFFICE)));
    expect(memberSubpackages).toContain('subpackages/quiz/play');
  });

  it.each(ROLES)('%s: no page scrolls sideways and no text runs past the right edge', async (role, paths) => {
    const phone = await browser.newPhone();
    try {
      const page = await phone.newPage();
      await signInAs(page, app.url, role);
      expect(await audit(page, app.url, paths)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('demo-admin: the material preview keeps indented paragraphs on screen at 320 and 375 px', async () => {
    const phone = await browser.newPhone();
    try {
      const page = await phone.newPage();
      await signInAs(page, app.url, 'demo-admin');
      await page.goto(`${app.url}/#/subpackages/admin/study/index`);
      await page.getByTestId('tab-materials').filter({ visible: true }).click();
      await page.getByTestId('material-new').filter({ visible: true }).click();
      await page.getByTestId('material-body').locator('textarea').fill(BRANCH_WORK.body);
      // 预览 is enabled once the body has reached the editor's state.
      await page.locator('.nut-button:not(.nut-button-disabled)', { hasText: '预览' }).filter({ visible: true }).click();
      await page.getByTestId('material-preview').waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 740 });
        await settle(page);
        const report = await measureLayout(page);
        expect({ width, clipped: report.clipped, scrollWidth: report.scrollWidth }).toEqual({ width, clipped: [], scrollWidth: width });
      }
    } finally {
      await phone.close();
    }
  });
});
