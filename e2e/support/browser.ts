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
  /** A fresh phone-sized context (each test starts with empty storage). */
  newPhone(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<PhoneBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    browser,
    newPhone: () =>
      browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      }),
    close: () => browser.close(),
  };
}
