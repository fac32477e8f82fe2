import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp, type App, type AppOptions } from '../../scripts/app';

/**
 * The whole local app as `npm start` runs it (devcloud + function bundles + h5 build + demo county), on a
 * free port with a throwaway data directory. The h5 build and bundles come from `npm test`'s build steps.
 */
export async function startDemoApp(options: Pick<AppOptions, 'now'> = {}): Promise<App & { dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zbxx-e2e-'));
  const app = await startApp({ port: 0, dataDir, ...options });
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
