import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium; `npx playwright install` cannot download browsers on these machines. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Playwright gives each launch its own empty profile.
// Without the background-networking flags chromium keeps dialing hosts this closed network refuses.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PhoneBrowser {
  browser: Browser;
  /**
   * A fresh phone-sized context (each test starts with empty storage). `clockAt` (epoch ms): the phone's clock
   * starts at that instant (devcloud's test clock) and runs on, through Playwright's clock; tests can move it
   * with `page.clock`.
   */
  newPhone(clockAt?: number): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** A phone as the tests hold it: 390 px wide, touch, Chinese, Beijing time. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

export async function launchBrowser(): Promise<PhoneBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    browser,
    newPhone: async (clockAt) => {
      const context = await browser.newContext(PHONE);
      if (clockAt !== undefined) await context.clock.install({ time: clockAt });
      return context;
    },
    close: () => browser.close(),
  };
}
