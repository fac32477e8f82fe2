import type { BrowserContext } from 'playwright-core';
import { startDemoApp } from './app';
import { launchBrowser, type PhoneBrowser } from './browser';

export interface BrowserSuite {
  /** The demo app this suite started (fresh data directory per suite). */
  readonly app: Awaited<ReturnType<typeof startDemoApp>>;
  /** A fresh phone (empty storage) for the current test. */
  readonly phone: BrowserContext;
  /** Another phone (a second person), its clock set like the first; the test closes it. */
  newPhone(): Promise<BrowserContext>;
}

/**
 * Registers the hooks every browser suite needs: one demo app and one chromium per suite, a fresh phone per
 * test. Call it at the top of a `describe`.
 */
export function useBrowserSuite(): BrowserSuite {
  let app: BrowserSuite['app'] | undefined;
  let browser: PhoneBrowser | undefined;
  let phone: BrowserContext | undefined;

  beforeAll(async () => {
    app = await startDemoApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });
  beforeEach(async () => {
    // The phone's clock starts where devcloud's is now, so the page and the functions agree on the instant.
    phone = await browser!.newPhone(app!.devcloud.clock.now());
  });
  afterEach(async () => {
    await phone?.close();
  });

  return {
    get app() {
      if (!app) throw new Error('the demo app is not running (use inside a test)');
      return app;
    },
    newPhone() {
      if (!browser || !app) throw new Error('no browser (use inside a test)');
      return browser.newPhone(app.devcloud.clock.now());
    },
    get phone() {
      if (!phone) throw new Error('no phone (use inside a test)');
      return phone;
    },
  };
}
