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
/** Every role sees the tab pages (their 首页 differs by role); each role's own subpackages on top. */
const ROLES: Record<string, string[]> = {
  'demo-member': [...pages.main, ...pages.subPackages['subpackages/quiz'], ...pages.subPackages['subpackages/member']],
  'demo-secretary': [...pages.main, ...pages.subPackages['subpackages/secretary']],
  'demo-admin': [...pages.main, ...pages.subPackages['subpackages/admin']],
};

interface Finding {
  width: number;
  path: string;
  problem: string;
}

/** The h5 router slides a page in from the right: measure once every animation and transition has ended. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
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
    [app, browser] = await Promise.all([startDemoApp({ now: NOW }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('derives the pages from app.config.ts, without the h5-only identity picker', () => {
    expect(pages.main).toContain('pages/reader/index');
    expect(pages.main).not.toContain('pages/dev-login/index');
    expect(Object.keys(pages.subPackages)).toEqual(expect.arrayContaining(['subpackages/secretary', 'subpackages/admin']));
  });

  it.each(Object.keys(ROLES))('%s: no page scrolls sideways and no text runs past the right edge', async (role) => {
    const phone = await browser.newPhone();
    try {
      const page = await phone.newPage();
      await signInAs(page, app.url, role);
      expect(await audit(page, app.url, ROLES[role])).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
