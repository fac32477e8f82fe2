import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp, type App } from '../../scripts/app';
import { devHeaders } from '@zbxx/devcloud';

/**
 * The instant the browser suites run at: devcloud's test clock and every phone's clock start there and run on;
 * the demo county's today. 10:00 Beijing, after the demo's 08:30 event began.
 */
export const E2E_NOW = new Date('2026-12-08T10:00:00+08:00');

/**
 * The whole local app as `npm start` runs it (devcloud + function bundles + h5 build + demo county), on a
 * free port with a throwaway data directory, at `now` (test clock). The h5 build and bundles come from `npm test`'s build steps.
 */
export async function startDemoApp(now: Date = E2E_NOW): Promise<App & { dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zbxx-e2e-'));
  const app = await startApp({ port: 0, dataDir, now });
  return {
    ...app,
    dispose: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the app and picks a demo identity in the h5-only identity picker, as a tester would. */
export async function signInAs(page: Page, appUrl: string, openid: string): Promise<void> {
  await page.goto(`${appUrl}/#/pages/dev-login/index`);
  await page.getByTestId(`identity-${openid}`).click();
  // Choosing relaunches the app; wait for it, or a navigation the test starts next can be overtaken.
  await page.waitForFunction("!location.hash.includes('dev-login')");
}

/** Calls a function through the dev gateway as `openid` would from the phone; answers the raw envelope. */
export async function callAs(appUrl: string, openid: string, name: string, event: { action: string; data?: unknown }): Promise<unknown> {
  const res = await fetch(`${appUrl}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-Openid': openid },
    body: JSON.stringify(event),
  });
  return res.json();
}

/**
 * Moves devcloud's test clock forward over the dev HTTP API (as a browser test against a running `npm start`
 * would) and the page's clock with it, firing the page's timers that fall due: time passes, nobody waits.
 */
export async function advanceClocks(app: Pick<App, 'url' | 'devcloud'>, page: Page, ms: number): Promise<void> {
  const res = await fetch(`${app.url}/api/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...devHeaders(app.devcloud) },
    body: JSON.stringify({ action: 'advance', ms }),
  });
  if (!res.ok) throw new Error(`devcloud refused to move its clock: ${res.status} ${await res.text()}`);
  await page.clock.runFor(ms);
}
