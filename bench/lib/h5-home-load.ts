import type { PhoneBrowser } from '../../e2e/support/browser';

export interface HomeLoadSample {
  /** From navigation start to the member's name on screen. */
  nameMs: number;
  /** From navigation start to the study card showing its count (the home call answered and rendered). */
  cardsMs: number;
  /** Function calls the page made before the name appeared. */
  calls: number;
}

/**
 * One cold load of 首页 in a fresh phone context (the browser tests' one) (empty cache and storage, the dev identity set
 * before the first script runs) with the CPU slowed `throttle`× through CDP.
 */
export async function loadHomeOnce(phone: PhoneBrowser, appUrl: string, openid: string, throttle: number): Promise<HomeLoadSample> {
  const context = await phone.newPhone();
  try {
    // The key client/src/services/dev-identity.ts reads: the h5 stand-in for WeChat's OPENID.
    await context.addInitScript(`localStorage.setItem('devcloud.openid', ${JSON.stringify(openid)})`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    let calls = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/functions/')) calls += 1;
    });
    await page.goto(`${appUrl}/#/pages/index/index`, { waitUntil: 'commit' });
    // Page-side expressions as strings: this file compiles without the DOM library.
    const nameMs = await page.waitForFunction(
      `document.querySelector('[data-testid="home-member-name"]')?.textContent ? performance.now() : null`,
      undefined,
      {
        polling: 'raf',
        timeout: 60_000,
      },
    );
    const nameAt = (await nameMs.jsonValue()) as number;
    const callsAtName = calls;
    const cards = await page.waitForFunction(
      `(() => { const count = document.querySelector('[data-testid="home-study-count"]')?.textContent; return count && count !== '…' ? performance.now() : null; })()`,
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    return { nameMs: nameAt, cardsMs: (await cards.jsonValue()) as number, calls: callsAtName };
  } finally {
    await context.close();
  }
}
