import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sdkEnv, startDevcloud } from '../..';
import type { IndexManifest } from '../../engine';

/**
 * The real wx-server-sdk against devcloud's database, configured only by environment variables (as a
 * deployed function is). The SDK reads them on every request, so re-pointing it at a restarted devcloud
 * is a matter of setting them again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- driven untyped, exactly as a function bundle drives the SDK.
type Db = any;

const manifest: IndexManifest = {
  collections: { members: { indexes: [{ name: 'openid_1', fields: { openid: 1 }, unique: true, sparse: true }] }, counters: {} },
};

describe('wx-server-sdk through devcloud (database)', () => {
  let dataDir: string;
  let devcloud: Awaited<ReturnType<typeof startDevcloud>>;
  let db: Db;
  let _: Db;
  const saved = { ...process.env };

  const start = async (): Promise<void> => {
    devcloud = await startDevcloud({ dataDir, indexManifest: manifest });
    Object.assign(process.env, sdkEnv(devcloud));
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'devcloud-sdk-'));
    await start();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    db = cloud.database();
    _ = db.command;
  });

  afterAll(async () => {
    await devcloud.close();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates collections, adds and queries with commands, counts', async () => {
    await db.createCollection('orgs');
    const at = new Date('2028-02-29T04:00:00Z');
    devcloud.clock.freeze(at);
    const { _ids } = await db.collection('orgs').add({
      data: [
        { name: '第一支部', size: 12, createdAt: db.serverDate() },
        { name: '第二支部', size: 30, createdAt: db.serverDate({ offset: -60_000 }) },
        { name: '第三支部', size: 7 },
      ],
    });
    devcloud.clock.reset();
    expect(_ids).toHaveLength(3);
    const big = await db
      .collection('orgs')
      .where({ size: _.gte(10), createdAt: _.exists(true) })
      .orderBy('size', 'desc')
      .get();
    expect(big.data.map((o: { name: string }) => o.name)).toEqual(['第二支部', '第一支部']);
    expect(big.data[0].createdAt).toBeInstanceOf(Date);
    expect(big.data[1].createdAt.toISOString()).toBe(at.toISOString());
    expect(big.data[0].createdAt.getTime()).toBe(at.getTime() - 60_000);
    expect(
      (
        await db
          .collection('orgs')
          .where(_.or([{ size: _.lt(10) }, { name: /^第一/ }]))
          .count()
      ).total,
    ).toBe(2);
  });

  it('applies update operators and reports what changed', async () => {
    const { _id } = await db.collection('members').add({ data: { openid: 'o-1', points: 1, badges: ['新人'] } });
    const updated = await db
      .collection('members')
      .doc(_id)
      .update({
        data: { points: _.inc(9), badges: _.push(['学习之星']), profile: { level: 2 }, lastSeen: db.serverDate() },
      });
    expect(updated.stats.updated).toBe(1);
    const { data } = await db.collection('members').doc(_id).get();
    expect(data).toMatchObject({ openid: 'o-1', points: 10, badges: ['新人', '学习之星'], profile: { level: 2 } });
    expect(data.lastSeen).toBeInstanceOf(Date);
    const none = await db
      .collection('members')
      .where({ openid: 'nobody' })
      .update({ data: { points: 0 } });
    expect(none.stats.updated).toBe(0);
  });

  it('refuses a duplicate of a unique index declared in the manifest', async () => {
    await db.collection('members').add({ data: { openid: 'o-dup' } });
    await expect(db.collection('members').add({ data: { openid: 'o-dup' } })).rejects.toMatchObject({
      errMsg: expect.stringContaining('duplicate key'),
    });
  });

  it('aggregates', async () => {
    const { list } = await db
      .collection('orgs')
      .aggregate()
      .match({ size: _.gt(0) })
      .group({ _id: null, total: _.aggregate.sum('$size'), n: _.aggregate.sum(1) })
      .end();
    expect(list).toEqual([{ _id: null, total: 49, n: 3 }]);
  });

  it('keeps a transaction’s writes (the lock behaviour is in sdk-transactions.int.test.ts)', async () => {
    await db.collection('counters').add({ data: { _id: 'visits', value: 0 } });
    await db.runTransaction(async (t: Db) => {
      const { data } = await t.collection('counters').doc('visits').get();
      await t
        .collection('counters')
        .doc('visits')
        .update({ data: { value: data.value + 13 } });
    });
  });

  it('keeps the data across a restart', async () => {
    await devcloud.close();
    await start();
    expect((await db.collection('orgs').count()).total).toBe(3);
    expect((await db.collection('counters').doc('visits').get()).data.value).toBe(13);
    await expect(db.collection('members').add({ data: { openid: 'o-1' } })).rejects.toMatchObject({
      errMsg: expect.stringContaining('duplicate key'),
    });
  });
});
