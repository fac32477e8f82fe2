import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Engine, openEngine } from '..';
import { DocumentLocked } from '../engine';
import { codeOf, errorOf } from './error-code';

describe('transactions', () => {
  let engine: Engine;
  let clock: number;
  beforeEach(() => {
    clock = 1_000_000;
    engine = openEngine({
      dataDir: ':memory:',
      now: () => clock,
      indexManifest: { collections: { accounts: { indexes: [{ name: 'email_1', fields: { email: 1 }, unique: true, sparse: true }] } } },
    });
    engine.insert('accounts', [
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 0 },
    ]);
  });
  afterEach(() => engine.close());

  const balance = (id: string, transactionId?: string): unknown => engine.find('accounts', { _id: id }, { transactionId })[0]?.balance;

  it('buffers writes: visible inside, invisible outside until commit, then atomic', () => {
    const t = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $inc: { balance: -30 } }, { transactionId: t });
    engine.update('accounts', { _id: 'b' }, { $inc: { balance: 30 } }, { transactionId: t });
    const [created] = engine.insert('accounts', { balance: 5 }, { transactionId: t });
    expect([balance('a', t), balance('b', t), balance(created as string, t)]).toEqual([70, 30, 5]);
    expect([balance('a'), balance('b'), engine.count('accounts')]).toEqual([100, 0, 2]);
    engine.commitTransaction(t);
    expect([balance('a'), balance('b'), engine.count('accounts')]).toEqual([70, 30, 3]);
  });

  it('reads a snapshot as of its start, even after others commit', () => {
    const t = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 1 } });
    engine.remove('accounts', { _id: 'b' });
    engine.insert('accounts', { _id: 'c', balance: 9 });
    expect([balance('a', t), balance('b', t), balance('c', t)]).toEqual([100, 0, undefined]);
    engine.abortTransaction(t);
  });

  it('leaves no trace when aborted, and refuses further use', () => {
    const t = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 0 } }, { transactionId: t });
    engine.remove('accounts', { _id: 'b' }, { transactionId: t });
    engine.abortTransaction(t);
    expect([balance('a'), balance('b')]).toEqual([100, 0]);
    expect(codeOf(() => engine.commitTransaction(t))).toBe('DATABASE_TRANSACTION_FAIL');
    expect(codeOf(() => engine.find('accounts', { _id: 'a' }, { transactionId: t }))).toBe('DATABASE_TRANSACTION_FAIL');
  });

  it('refuses use after commit and unknown ids', () => {
    const t = engine.startTransaction();
    engine.commitTransaction(t);
    expect(codeOf(() => engine.update('accounts', { _id: 'a' }, { $set: { x: 1 } }, { transactionId: t }))).toBe(
      'DATABASE_TRANSACTION_FAIL',
    );
    expect(codeOf(() => engine.abortTransaction('nope'))).toBe('DATABASE_TRANSACTION_FAIL');
  });

  // 云开发 › 数据库 › 事务: "事务期间，写操作会……给对象加上事务锁；如果对象上存在事务锁，其它事务的写入会直接失败"
  it('fails a second transaction writing a document the first one wrote, at once: the first writer wins', () => {
    const t1 = engine.startTransaction();
    const t2 = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { balance: (balance('a', t1) as number) - 60 } }, { transactionId: t1 });
    expect(errorOf(() => engine.update('accounts', { _id: 'a' }, { $set: { balance: 1 } }, { transactionId: t2 }))).toEqual({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message:
        '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
    });
    // the conflict ended t2; t1 goes on and commits
    expect(errorOf(() => engine.commitTransaction(t2)).code).toBe('DATABASE_TRANSACTION_FAIL');
    engine.commitTransaction(t1);
    expect(balance('a')).toBe(40);
  });

  it('a conflict releases the failed transaction’s other locks', () => {
    const t1 = engine.startTransaction();
    const t2 = engine.startTransaction();
    engine.update('accounts', { _id: 'b' }, { $inc: { balance: 1 } }, { transactionId: t2 });
    engine.update('accounts', { _id: 'a' }, { $inc: { balance: 1 } }, { transactionId: t1 });
    expect(codeOf(() => engine.update('accounts', { _id: 'a' }, { $inc: { balance: 1 } }, { transactionId: t2 }))).toBe(
      'DATABASE_TRANSACTION_CONFLICT',
    );
    engine.update('accounts', { _id: 'b' }, { $inc: { balance: 5 } }, { transactionId: t1 });
    engine.commitTransaction(t1);
    expect([balance('a'), balance('b')]).toEqual([101, 5]);
  });

  it('fails a transactional write to a document committed by anyone after the snapshot (no lost update)', () => {
    const t = engine.startTransaction();
    const seen = balance('a', t) as number;
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 5 } });
    expect(codeOf(() => engine.update('accounts', { _id: 'a' }, { $set: { balance: seen + 1 } }, { transactionId: t }))).toBe(
      'DATABASE_TRANSACTION_CONFLICT',
    );
    expect(balance('a')).toBe(5);
  });

  it('conflicts when someone else created a document it saw as missing', () => {
    const t = engine.startTransaction();
    expect(balance('z', t)).toBeUndefined();
    engine.insert('accounts', { _id: 'z', balance: 1 });
    expect(codeOf(() => engine.update('accounts', { _id: 'z' }, { balance: 2 }, { transactionId: t, replace: true, upsert: true }))).toBe(
      'DATABASE_TRANSACTION_CONFLICT',
    );
    expect(balance('z')).toBe(1);
  });

  // "事务过程采用的是快照隔离": reads are not validated at commit, as in MongoDB (write skew is possible).
  it('commits when a document it only read was changed outside (snapshot isolation, not serializable)', () => {
    const t = engine.startTransaction();
    balance('a', t);
    engine.update('accounts', { _id: 'b' }, { $set: { balance: 1 } }, { transactionId: t });
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 5 } });
    engine.commitTransaction(t);
    expect([balance('a'), balance('b')]).toEqual([5, 1]);
  });

  // "普通的更新操作会被阻塞，直到事务锁释放或者超时"
  it('makes a plain write to a locked document wait for the commit, then apply on top of it', async () => {
    const t = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $inc: { balance: -30 } }, { transactionId: t });
    expect(() => engine.update('accounts', { _id: 'a' }, { $inc: { balance: 1 } })).toThrow(DocumentLocked);
    let done = false;
    const plain = engine
      .whenUnlocked(() => engine.update('accounts', { _id: 'a' }, { $inc: { balance: 1 } }))
      .then((r) => {
        done = true;
        return r;
      });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(done).toBe(false);
    expect(balance('a')).toBe(100);
    engine.commitTransaction(t);
    await expect(plain).resolves.toEqual({ matched: 1, modified: 1 });
    expect(balance('a')).toBe(71);
  });

  it('lets a waiting plain write through when the transaction rolls back or expires', async () => {
    const rolledBack = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 0 } }, { transactionId: rolledBack });
    const afterRollback = engine.whenUnlocked(() => engine.update('accounts', { _id: 'a' }, { $inc: { balance: 1 } }));
    engine.abortTransaction(rolledBack);
    await afterRollback;
    expect(balance('a')).toBe(101);

    const expiring = engine.startTransaction();
    engine.update('accounts', { _id: 'b' }, { $set: { balance: 9 } }, { transactionId: expiring });
    const afterExpiry = engine.whenUnlocked(() => engine.update('accounts', { _id: 'b' }, { $inc: { balance: 1 } }));
    clock += 30_001;
    await afterExpiry;
    expect(balance('b')).toBe(1);
  });

  it('fails a plain write that waited longer than the lock timeout, writing nothing', async () => {
    const t = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 0 } }, { transactionId: t });
    const plain = engine.whenUnlocked(() =>
      engine.update('accounts', { _id: { $in: ['a', 'b'] } }, { $inc: { balance: 1 } }, { multi: true }),
    );
    clock += 5_000;
    await expect(plain).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('locked') });
    engine.abortTransaction(t);
    expect([balance('a'), balance('b')]).toEqual([100, 0]);
  });

  it('never blocks reads of a locked document: outside sees the committed state', () => {
    const t = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 0 } }, { transactionId: t });
    expect(balance('a')).toBe(100);
    const other = engine.startTransaction();
    expect(balance('a', other)).toBe(100);
  });

  it('answers the platform’s TransactionNotExist after commit and after rollback', () => {
    const committed = engine.startTransaction();
    engine.commitTransaction(committed);
    const rolledBack = engine.startTransaction();
    engine.abortTransaction(rolledBack);
    for (const id of [committed, rolledBack, 'never-started']) {
      expect(errorOf(() => engine.find('accounts', { _id: 'a' }, { transactionId: id }))).toEqual({
        code: 'DATABASE_TRANSACTION_FAIL',
        message:
          '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
      });
    }
  });

  it('commits transactions that touch different documents', () => {
    const t1 = engine.startTransaction();
    const t2 = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $inc: { balance: 1 } }, { transactionId: t1 });
    engine.update('accounts', { _id: 'b' }, { $inc: { balance: 1 } }, { transactionId: t2 });
    engine.commitTransaction(t2);
    engine.commitTransaction(t1);
    expect([balance('a'), balance('b')]).toEqual([101, 1]);
  });

  it('enforces unique indexes at commit, atomically', () => {
    const t1 = engine.startTransaction();
    const t2 = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { email: 'x@y' } }, { transactionId: t1 });
    engine.update('accounts', { _id: 'b' }, { $set: { email: 'x@y' } }, { transactionId: t2 });
    engine.insert('accounts', { _id: 'n', balance: 1 }, { transactionId: t2 });
    engine.commitTransaction(t1);
    expect(codeOf(() => engine.commitTransaction(t2))).toBe('DATABASE_DUPLICATE_WRITE');
    expect(engine.find('accounts', { _id: { $in: ['b', 'n'] } })).toEqual([{ _id: 'b', balance: 0 }]);
  });

  it('refuses a duplicate _id inside the transaction immediately', () => {
    const t = engine.startTransaction();
    expect(codeOf(() => engine.insert('accounts', { _id: 'a' }, { transactionId: t }))).toBe('DATABASE_DUPLICATE_WRITE');
    engine.remove('accounts', { _id: 'a' }, { transactionId: t });
    engine.insert('accounts', { _id: 'a', balance: 7 }, { transactionId: t });
    engine.commitTransaction(t);
    expect(balance('a')).toBe(7);
  });

  it('allows document-level operations only, like the platform', () => {
    const t = engine.startTransaction();
    expect(codeOf(() => engine.find('accounts', { balance: { $gt: 1 } }, { transactionId: t }))).toBe('INVALID_PARAM');
    expect(codeOf(() => engine.update('accounts', {}, { $set: { x: 1 } }, { transactionId: t, multi: true }))).toBe('INVALID_PARAM');
    expect(codeOf(() => engine.remove('accounts', { balance: 0 }, { transactionId: t }))).toBe('INVALID_PARAM');
    expect(engine.find('accounts', { _id: { $eq: 'a' } }, { transactionId: t })).toHaveLength(1);
  });

  it('expires after 30 seconds', () => {
    const t = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 0 } }, { transactionId: t });
    clock += 30_001;
    expect(codeOf(() => engine.commitTransaction(t))).toBe('DATABASE_TRANSACTION_FAIL');
    expect(balance('a')).toBe(100);
  });
});

describe('transaction durability', () => {
  it('persists a commit and nothing of an abort', () => {
    const dir = mkdtempSync(join(tmpdir(), 'devcloud-txn-'));
    try {
      const first = openEngine({ dataDir: dir });
      first.createCollection('c');
      const committed = first.startTransaction();
      first.insert('c', { _id: 'kept' }, { transactionId: committed });
      first.commitTransaction(committed);
      const aborted = first.startTransaction();
      first.insert('c', { _id: 'dropped' }, { transactionId: aborted });
      first.abortTransaction(aborted);
      first.close();
      const second = openEngine({ dataDir: dir });
      expect(second.find('c')).toEqual([{ _id: 'kept' }]);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
