import { envelopeSchema, loginResultSchema } from '@zbxx/contracts';
import { callAs, signInAs } from './support/app';
import { useBrowserSuite } from './support/suite';

jest.setTimeout(90_000);

describe('h5 app on devcloud: identity picker → 首页', () => {
  const suite = useBrowserSuite();

  it('sends a visitor without an identity to the picker, and demo-member sees name, branch and month', async () => {
    const page = await suite.phone.newPage();
    await page.goto(suite.app.url);
    await page.getByTestId('identity-demo-member').waitFor();

    await signInAs(page, suite.app.url, 'demo-member');

    // What the server says about demo-member, asked the way the phone asks.
    const login = envelopeSchema(loginResultSchema).parse(await callAs(suite.app.url, 'demo-member', 'account', { action: 'login' }));
    if (!login.ok || login.data.status !== 'bound') throw new Error(`demo-member is not bound: ${JSON.stringify(login)}`);
    const me = login.data.me;

    await expect(page.getByTestId('home-member-name').textContent()).resolves.toContain(me.name);
    await expect(page.getByTestId('home-branch-name').textContent()).resolves.toContain(me.branch.name);
    const [year, month] = me.month.split('-');
    await expect(page.getByTestId('home-month').textContent()).resolves.toContain(`${year}年${Number(month)}月`);
    await page.screenshot({ path: 'e2e/artifacts/home-demo-member.png' });
  });

  it('an unbound WeChat user lands on the bind page and binds by name + last 4 phone digits', async () => {
    const page = await suite.phone.newPage();
    await signInAs(page, suite.app.url, 'demo-unbound');
    await page.getByTestId('bind-submit').waitFor();
    // The fixed unbound roster entry of the demo county (README).
    await page.getByTestId('bind-name').locator('input').fill('孙桂兰');
    await page.getByTestId('bind-phoneLast4').locator('input').fill('2468');
    await page.getByTestId('bind-submit').click();
    await expect(page.getByTestId('home-member-name').textContent()).resolves.toContain('孙桂兰');
  });
});
