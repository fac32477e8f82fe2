import { generateCounty } from '@zbxx/demo-data';
import { startTestCloud, type TestCloud } from '@zbxx/testing';
import { MiniProgram, WeappBuild, type LaunchOptions } from './mini-program';
import { Phone } from './phone';

export const ALL_FUNCTIONS = ['account', 'study', 'quiz', 'checkin', 'org', 'stats'] as const;

export interface WeappSuite {
  readonly cloud: TestCloud;
  readonly build: WeappBuild;
  /** The instant the demo county was generated for (its "today"); expectations derive from it. */
  readonly today: Date;
  /** A fresh phone for `openid`'s user (empty storage, nothing scripted). */
  phone(): Phone;
  /** Opens the app on `phone` as `openid`; the harness closes it and checks it after the test. */
  launch(phone: Phone, openid: string, options?: Pick<LaunchOptions, 'path' | 'query'>): Promise<MiniProgram>;
}

/**
 * One devcloud with the demo county per test file, the compiled package loaded once, and after every test:
 * every app closed, and no uncaught error, missing template, unscripted or unused device answer.
 * The county's "today" is fixed once at suite start: the function host reads the real clock (until the
 * devcloud test clock lands), so the demo's open-all-day party day must be on the host's today.
 */
export function useWeappSuite(): WeappSuite {
  // Each test waits on real devcloud answers; on a loaded 2-core machine a page's first call can take 10 s+.
  jest.setTimeout(90_000);
  let cloud: TestCloud | undefined;
  let build: WeappBuild | undefined;
  const today = new Date();
  let phones: Phone[] = [];
  let apps: MiniProgram[] = [];

  beforeAll(async () => {
    build = new WeappBuild();
    cloud = await startTestCloud({
      functions: ALL_FUNCTIONS,
      seed: generateCounty({ today }).collections as unknown as Record<string, object[]>,
    });
  });
  afterAll(async () => {
    await cloud?.close();
  });
  afterEach(() => {
    const problems: string[] = [];
    for (const app of apps) {
      app.close();
      for (const page of app.stack) problems.push(...app.templateErrors(page).map((w) => `${page.route}: ${w}`));
      problems.push(...app.errors);
    }
    for (const phone of phones) {
      problems.push(...phone.device.unscripted.map((c) => `unscripted wx.${c.api}`));
      problems.push(...phone.device.pending().map((api) => `scripted wx.${api} answer never asked for`));
      phone.dispose();
    }
    apps = [];
    phones = [];
    expect(problems).toEqual([]);
  });

  return {
    get cloud() {
      if (!cloud) throw new Error('devcloud is not running (use inside a test)');
      return cloud;
    },
    get build() {
      if (!build) throw new Error('no build loaded (use inside a test)');
      return build;
    },
    today,
    phone() {
      const phone = new Phone();
      phones.push(phone);
      return phone;
    },
    async launch(phone, openid, options = {}) {
      const app = await MiniProgram.launch(this.build, { phone, devcloud: this.cloud.devcloud, openid, ...options });
      apps.push(app);
      return app;
    },
  };
}
