import { devHeaders, sdkEnv, startDevcloud, type Devcloud, type Engine } from '../..';
import { FIXTURE_FUNCTIONS } from '../../../test/support/bare-devcloud';
import { DevcloudClock } from '../clock';

/**
 * devcloud's test clock, end to end: what unmodified function code reads from `new Date()`/`Date.now()`, and
 * devcloud's own deadlines (transactions, serverDate, outbox), follow it; off, they read the machine's clock.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- driven untyped, exactly as a function bundle drives the SDK.
type Db = any;
interface ClockReport {
  now: number;
  date: string;
  called: string;
  explicit: string;
  utc: number;
  isDate: boolean;
  subclass: { isStamp: boolean; iso: string };
}

const T = new Date('2027-04-30T15:59:40.000Z'); // 23:59:40 Beijing on the last day of April

describe('devcloud test clock', () => {
  let devcloud: Devcloud<Engine>;
  let db: Db;
  const saved = { ...process.env };
  const report = async (): Promise<ClockReport> => (await devcloud.invoke('clock', {})).result as ClockReport;

  beforeAll(async () => {
    devcloud = await startDevcloud({ dataDir: ':memory:', functionsRoot: FIXTURE_FUNCTIONS, maxWorkersPerFunction: 2 });
    devcloud.engine.createCollection('stamps');
    devcloud.engine.createCollection('counters');
    Object.assign(process.env, sdkEnv(devcloud));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    db = cloud.database();
  });
  afterEach(() => {
    devcloud.clock.reset();
  });
  afterAll(async () => {
    await devcloud.close();
    process.env = saved;
  });

  it('is off by default: a function reads the machine clock', async () => {
    const before = new DevcloudClock().now(); // a fresh clock is off: the machine's time
    const { now } = await report();
    expect(devcloud.clock.mode).toBe('off');
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(60_000);
  });

  it('a frozen clock: every function worker sees exactly the set instant, everything else of Date unchanged', async () => {
    devcloud.clock.freeze(T);
    // Two workers at once: both read the shared slots.
    const reports = await Promise.all([report(), report(), report()]);
    for (const r of reports) {
      expect(r.now).toBe(T.getTime());
      expect(r.date).toBe(T.toISOString());
      expect(new Date(r.called).getTime()).toBe(T.getTime());
      expect(r.explicit).toBe('2020-01-01T00:00:00.000Z');
      expect(r.utc).toBe(Date.UTC(2020, 0, 1));
      expect(r.isDate).toBe(true);
      expect(r.subclass).toEqual({ isStamp: true, iso: T.toISOString() });
    }
    expect(devcloud.functions.instances('clock').size).toBe(2);
    devcloud.clock.advance(30_000);
    expect((await report()).now).toBe(T.getTime() + 30_000);
    devcloud.clock.reset();
    expect(Math.abs((await report()).now - T.getTime())).toBeGreaterThan(60_000);
  });

  it('a set clock runs on from the instant at the machine pace', async () => {
    devcloud.clock.set(T);
    const { now } = await report();
    expect(now).toBeGreaterThanOrEqual(T.getTime());
    expect(now - T.getTime()).toBeLessThan(10_000);
    expect(devcloud.clock.state()).toMatchObject({ mode: 'running' });
  });

  it('serverDate() resolves to the clock', async () => {
    devcloud.clock.freeze(T);
    await db.collection('stamps').add({ data: { _id: 's1', at: db.serverDate(), later: db.serverDate({ offset: 5000 }) } });
    const { data } = await db.collection('stamps').doc('s1').get();
    expect(data.at.toISOString()).toBe(T.toISOString());
    expect(data.later.getTime()).toBe(T.getTime() + 5000);
  });

  it('a transaction expires 30 s after it started on the clock, as on the platform', async () => {
    await db.collection('counters').add({ data: { _id: 'c', value: 0 } });
    devcloud.clock.freeze(T);
    const fresh = await db.startTransaction();
    await fresh
      .collection('counters')
      .doc('c')
      .update({ data: { value: 1 } });
    devcloud.clock.advance(29_000);
    await fresh.commit();
    expect((await db.collection('counters').doc('c').get()).data.value).toBe(1);

    const stale = await db.startTransaction();
    await stale
      .collection('counters')
      .doc('c')
      .update({ data: { value: 2 } });
    devcloud.clock.advance(31_000);
    await expect(stale.commit()).rejects.toThrow(/DATABASE_TRANSACTION_FAIL|expired|transaction/i);
    expect((await db.collection('counters').doc('c').get()).data.value).toBe(1);
  });

  it('dates the outbox by the clock', () => {
    devcloud.clock.freeze(T);
    const message = devcloud.outbox.add({
      touser: 'o',
      templateId: 't',
      page: null,
      data: {},
      miniprogramState: null,
      lang: null,
      functionName: null,
      callerTag: null,
    });
    expect(message.time).toBe(T.toISOString());
  });

  it('moves over the dev HTTP API', async () => {
    const post = async (body: unknown) => {
      const res = await fetch(`${devcloud.url}/api/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...devHeaders(devcloud) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { mode?: string; now?: string } };
    };
    expect(await post({ action: 'freeze', at: T.toISOString() })).toEqual({ status: 200, body: { mode: 'frozen', now: T.toISOString() } });
    expect((await report()).now).toBe(T.getTime());
    expect((await post({ action: 'advance', ms: 20_000 })).body.now).toBe('2027-04-30T16:00:00.000Z');
    expect((await report()).date).toBe('2027-04-30T16:00:00.000Z');
    expect(await (await fetch(`${devcloud.url}/api/dev/clock`, { headers: devHeaders(devcloud) })).json()).toEqual({
      mode: 'frozen',
      now: '2027-04-30T16:00:00.000Z',
    });
    expect((await post({ action: 'advance', ms: -1 })).status).toBe(400);
    expect((await post({ action: 'set', at: 'not a date' })).status).toBe(400);
    expect((await post({ action: 'reset' })).body.mode).toBe('off');
  });
});
