import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Engine, openEngine } from '..';
import { codeOf } from './error-code';

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

  it('lets only one of two read-modify-write transactions on the same document commit', () => {
    const t1 = engine.startTransaction();
    const t2 = engine.startTransaction();
    engine.update('accounts', { _id: 'a' }, { $set: { balance: (balance('a', t1) as number) - 60 } }, { transactionId: t1 });
    engine.update('accounts', { _id: 'a' }, { $set: { balance: (balance('a', t2) as number) - 60 } }, { transactionId: t2 });
    engine.commitTransaction(t1);
    expect(codeOf(() => engine.commitTransaction(t2))).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(balance('a')).toBe(40);
    // the failed transaction is over
    expect(codeOf(() => engine.commitTransaction(t2))).toBe('DATABASE_TRANSACTION_FAIL');
  });

  it('conflicts when a document it only read was changed by a plain write', () => {
    const t = engine.startTransaction();
    balance('a', t);
    engine.update('accounts', { _id: 'b' }, { $set: { balance: 1 } }, { transactionId: t });
    engine.update('accounts', { _id: 'a' }, { $set: { balance: 5 } });
    expect(codeOf(() => engine.commitTransaction(t))).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(balance('b')).toBe(0);
  });

  it('conflicts when someone else created a document it saw as missing', () => {
    const t = engine.startTransaction();
    expect(balance('z', t)).toBeUndefined();
    engine.insert('accounts', { _id: 'z', balance: 1 });
    engine.update('accounts', { _id: 'z' }, { balance: 2 }, { transactionId: t, replace: true, upsert: true });
    expect(codeOf(() => engine.commitTransaction(t))).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(balance('z')).toBe(1);
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
