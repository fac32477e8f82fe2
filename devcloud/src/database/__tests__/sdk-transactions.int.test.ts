/**
 * Transactions through the real wx-server-sdk, one test per sentence of WeChat's guide (云开发 › 数据库 › 事务,
 * developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html), quoted in each title.
 * The error texts are the platform's, as the CloudBase node-sdk's own transaction tests expect them.
 */
import { sdkEnv, startDevcloud, type Devcloud, type Engine } from '../..';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- driven untyped, exactly as a function bundle drives the SDK.
type Db = any;

const LOCK_TIMEOUT_MS = 800;
let devcloud: Devcloud<Engine>;
let db: Db;
const saved = { ...process.env };

beforeAll(async () => {
  devcloud = await startDevcloud({
    dataDir: ':memory:',
    lockTimeoutMs: LOCK_TIMEOUT_MS,
    indexManifest: { collections: { accounts: { indexes: [] } } },
  });
  Object.assign(process.env, sdkEnv(devcloud));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  db = cloud.database();
});
afterAll(async () => {
  await devcloud.close();
  process.env = saved;
});

let n = 0;
/** A fresh account document per test, so no test depends on another's writes. */
async function account(balance: number): Promise<string> {
  n += 1;
  const id = `acc-${n}`;
  await db.collection('accounts').add({ data: { _id: id, balance } });
  return id;
}
const balanceOf = async (id: string, t: Db = db): Promise<number> => (await t.collection('accounts').doc(id).get()).data.balance;
const setBalance = (t: Db, id: string, balance: number) => t.collection('accounts').doc(id).update({ data: { balance } });
const settled = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (error: { errMsg?: string; message?: string; code?: string }) => ({ error: error.errMsg ?? error.message ?? String(error) }),
  );
const CONFLICT = '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.';
const NOT_EXIST = '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server';

describe('快照隔离', () => {
  it('"事务期间，读操作返回的是对象的快照，而非实际数据"', async () => {
    const id = await account(100);
    const t = await db.startTransaction();
    expect(await balanceOf(id, t)).toBe(100);
    await setBalance(db, id, 7);
    expect(await balanceOf(id, t)).toBe(100);
    await t.rollback();
  });

  it('"写操作会改变快照，保证接下来的读的一致性" — and nobody outside sees it before commit', async () => {
    const id = await account(100);
    const t = await db.startTransaction();
    await setBalance(t, id, 60);
    expect(await balanceOf(id, t)).toBe(60);
    expect(await balanceOf(id)).toBe(100);
    await t.commit();
  });

  it('"其它事务的写入会直接失败": the first writer wins, the second fails at its write with TransactionConflict', async () => {
    const id = await account(100);
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await setBalance(first, id, 110);
    expect(await settled(setBalance(second, id, 120))).toEqual({ error: expect.stringContaining(CONFLICT) });
    await first.commit();
    expect(await balanceOf(id)).toBe(110);
    // the conflict ended the second transaction on the server
    expect(await settled(second.commit())).toEqual({ error: expect.stringContaining(NOT_EXIST) });
  });

  it('a transactional write to a document changed outside after the snapshot fails too (no lost update)', async () => {
    const id = await account(100);
    const t = await db.startTransaction();
    const seen = await balanceOf(id, t);
    await setBalance(db, id, 5);
    expect(await settled(setBalance(t, id, seen + 1))).toEqual({ error: expect.stringContaining(CONFLICT) });
    expect(await balanceOf(id)).toBe(5);
  });

  it('"普通的更新操作会被阻塞，直到事务锁释放": a plain update waits for the commit, then applies on top', async () => {
    const id = await account(100);
    const t = await db.startTransaction();
    await setBalance(t, id, 50);
    let done = false;
    const plain = db
      .collection('accounts')
      .doc(id)
      .update({ data: { balance: db.command.inc(1) } })
      .then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);
    await t.commit();
    await plain;
    expect(await balanceOf(id)).toBe(51);
  });

  it('"……或者超时": a plain update that waits past the lock timeout fails and changes nothing', async () => {
    const id = await account(100);
    const t = await db.startTransaction();
    await setBalance(t, id, 0);
    const plain = await settled(
      db
        .collection('accounts')
        .doc(id)
        .update({ data: { balance: 1 } }),
    );
    expect(plain).toEqual({ error: expect.stringContaining('locked by an open transaction') });
    await t.rollback();
    expect(await balanceOf(id)).toBe(100);
  });

  it('"事务提交后，操作完毕的快照会被原子性地写入数据库中"', async () => {
    const [a, b] = [await account(100), await account(0)];
    const t = await db.startTransaction();
    await setBalance(t, a, 70);
    await setBalance(t, b, 30);
    await t.collection('accounts').add({ data: { _id: `${a}-log`, moved: 30 } });
    expect([await balanceOf(a), await balanceOf(b)]).toEqual([100, 0]);
    await t.commit();
    expect([await balanceOf(a), await balanceOf(b), (await db.collection('accounts').doc(`${a}-log`).get()).data.moved]).toEqual([
      70, 30, 30,
    ]);
  });
});

describe('单记录操作', () => {
  it('"在事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc, collection.add）"', async () => {
    const id = await account(100);
    const t = await db.startTransaction();
    expect(await settled(t.collection('accounts').where({ balance: 100 }).get())).toEqual({
      error: expect.stringContaining('only document operations'),
    });
    await t.rollback();
    expect(await balanceOf(id)).toBe(100);
  });
});

describe('after commit or rollback', () => {
  it.each(['commit', 'rollback'] as const)('a transaction used after %s answers TransactionNotExist', async (end) => {
    const id = await account(100);
    const t = await db.startTransaction();
    await setBalance(t, id, 1);
    await t[end]();
    expect(await settled(setBalance(t, id, 2))).toEqual({ error: expect.stringContaining(NOT_EXIST) });
    expect(await balanceOf(id)).toBe(end === 'commit' ? 1 : 100);
  });
});

describe('runTransaction', () => {
  /** The CloudBase node-sdk's document API: data passed bare, `get` answering a list outside transactions. */
  const tcbApi = {
    read: async (t: Db, id: string): Promise<number> => {
      const { data } = await t.collection('accounts').doc(id).get();
      return (Array.isArray(data) ? data[0] : data).balance;
    },
    write: (t: Db, id: string, balance: number) => t.collection('accounts').doc(id).update({ balance }),
  };
  const wxApi = { read: (t: Db, id: string) => balanceOf(id, t), write: setBalance };

  /** Two increments that both read before either writes: the second writer conflicts. */
  async function racingIncrements(run: (work: (t: Db) => Promise<void>) => Promise<unknown>, id: string, api = wxApi) {
    let attempts = 0;
    let reads = 0;
    let releaseBoth!: () => void;
    const bothRead = new Promise<void>((resolve) => (releaseBoth = resolve));
    const increment = async (t: Db) => {
      attempts += 1;
      const value = await api.read(t, id);
      reads += 1;
      if (reads === 2) releaseBoth();
      await bothRead;
      await api.write(t, id, value + 1);
    };
    const outcomes = await Promise.all([settled(run(increment)), settled(run(increment))]);
    return { attempts, outcomes };
  }

  it('"事务执行函数可能会被执行多次，在内部发现事务冲突时会自动重复执行" (CloudBase node-sdk, which keeps the code)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk');
    const tcbDb = tcb.init({ env: devcloud.envId }).database();
    const id = await account(0);
    const { attempts, outcomes } = await racingIncrements((work) => tcbDb.runTransaction(work), id, tcbApi);
    expect(outcomes.every((o) => 'value' in o)).toBe(true);
    expect(attempts).toBe(3);
    expect(await balanceOf(id)).toBe(2);
  });

  it('through wx-server-sdk 4.0.2 the same conflict arrives without its code (errCode -501001), so its runTransaction does not retry', async () => {
    const id = await account(0);
    const { attempts, outcomes } = await racingIncrements((work) => db.runTransaction(work), id);
    expect(attempts).toBe(2);
    expect(outcomes).toContainEqual({ error: expect.stringMatching(/-501001 .*\[ResourceUnavailable\.TransactionConflict\]/) });
    expect(await balanceOf(id)).toBe(1);
  });

  it('"只有事务冲突时会重试，其他异常时不会重试", and a thrown error rolls everything back', async () => {
    const id = await account(100);
    let attempts = 0;
    const outcome = await settled(
      db.runTransaction(async (t: Db) => {
        attempts += 1;
        await setBalance(t, id, 0);
        throw new Error('用户取消');
      }),
    );
    expect(outcome).toEqual({ error: '用户取消' });
    expect(attempts).toBe(1);
    expect(await balanceOf(id)).toBe(100);
  });
});
