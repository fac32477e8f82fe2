import { EJSON } from 'bson';
import { type Engine, openEngine } from '../../engine';
import { devcloudClock } from '../../clock/clock';
import { AdminActionError, AdminActionRegistry } from '../../server/admin-actions';
import { registerDatabaseActions } from '..';

/** What @cloudbase/database + node-sdk put around every request body (seen on the wire). */
function sdkBody(action: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...fields,
    action,
    envName: 'devcloud',
    wxCloudApiToken: '',
    wxCloudbaseAccesstoken: '',
    tcb_sessionToken: '',
    crossAuthorizationToken: '',
  };
}

/** The SDK's own encoding: `EJSON.stringify(value, { relaxed: false })`. */
const ejson = (value: unknown): string => EJSON.stringify(value as Record<string, unknown>, { relaxed: false });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire replies are untyped JSON, read field by field as the SDK does.
const parseList = (reply: any): any[] => reply.data.list.map((item: string) => EJSON.parse(item));

describe('database actions', () => {
  let engine: Engine;
  let registry: AdminActionRegistry;

  beforeEach(() => {
    engine = openEngine({ dataDir: ':memory:', indexManifest: { collections: { members: {} } } });
    registry = new AdminActionRegistry();
    registerDatabaseActions(registry, engine);
  });
  afterEach(() => engine.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire replies are untyped JSON, read field by field as the SDK does.
  async function call(action: string, fields: Record<string, unknown> = {}): Promise<any> {
    const handler = registry.get(action);
    if (!handler) throw new Error(`not registered: ${action}`);
    return handler({ callerTag: null, body: sdkBody(action, fields) });
  }

  async function failure(action: string, fields: Record<string, unknown> = {}): Promise<{ code: string; message: string }> {
    try {
      await call(action, fields);
    } catch (err) {
      if (err instanceof AdminActionError) return { code: err.code, message: err.message };
      throw err;
    }
    throw new Error('expected a failure');
  }

  const add = (docs: Record<string, unknown>[]) => call('database.insertDocument', { collectionName: 'members', data: docs.map(ejson) });

  it('registers every database action the installed SDK can send', () => {
    expect(registry.actions()).toEqual([
      'database.abortTransaction',
      'database.addCollection',
      'database.aggregateDocuments',
      'database.calculateDocument',
      'database.commitTransaction',
      'database.deleteDocInTransaction',
      'database.getDocument',
      'database.getInTransaction',
      'database.insertDocument',
      'database.modifyAndReturnDoc',
      'database.modifyDocument',
      'database.removeDocument',
      'database.startTransaction',
      'database.updateDocInTransaction',
    ]);
  });

  it('addCollection creates once, then answers DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    await expect(call('database.addCollection', { collectionName: 'orgs' })).resolves.toEqual({});
    expect((await failure('database.addCollection', { collectionName: 'orgs' })).code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });

  it('answers missing collections with DATABASE_COLLECTION_NOT_EXIST', async () => {
    expect(await failure('database.getDocument', { collectionName: 'nope', queryType: 'WHERE', limit: 100 })).toEqual({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message: 'Db or Table not exist: nope',
    });
  });

  it('answers malformed EJSON and missing parameters with INVALID_PARAM', async () => {
    expect((await failure('database.getDocument', { collectionName: 'members', query: '{not ejson' })).code).toBe('INVALID_PARAM');
    expect((await failure('database.modifyDocument', { collectionName: 'members', query: '{}' })).code).toBe('INVALID_PARAM');
    expect((await failure('database.getDocument', {})).code).toBe('INVALID_PARAM');
  });

  it('insertDocument answers insertedIds, generating 32-hex ids and resolving serverDate', async () => {
    const at = new Date('2027-04-30T15:59:40Z');
    devcloudClock.freeze(at);
    const reply = await call('database.insertDocument', {
      collectionName: 'members',
      data: [ejson({ _id: 'm1', at: { $tcb_server_date: { offset: 1000 } } }), ejson({ name: '乙' })],
    });
    expect(reply).toEqual({ data: { insertedIds: ['m1', expect.stringMatching(/^[0-9a-f]{32}$/)], inserted: 2 } });
    const [stored] = engine.find('members', { _id: 'm1' });
    devcloudClock.reset();
    // serverDate is the clock's instant plus the offset, exactly.
    expect((stored!.at as Date).getTime()).toBe(at.getTime() + 1000);
  });

  it('getDocument applies query, order, offset, limit and projection and answers EJSON strings', async () => {
    await add([
      { _id: 'a', age: 30 },
      { _id: 'b', age: 40, at: new Date(0) },
      { _id: 'c', age: 50 },
    ]);
    const reply = await call('database.getDocument', {
      collectionName: 'members',
      queryType: 'WHERE',
      query: ejson({ age: { $gte: 35 } }),
      order: ejson({ age: 1 }),
      offset: 0,
      limit: 1,
      projection: ejson({ age: 1, at: 1 }),
    });
    expect(parseList(reply)).toEqual([{ _id: 'b', age: 40, at: new Date(0) }]);
  });

  it('getDocument returns 100 documents by default and never more than 1000', async () => {
    await add(Array.from({ length: 1100 }, (_, i) => ({ i })));
    expect(parseList(await call('database.getDocument', { collectionName: 'members', queryType: 'WHERE' }))).toHaveLength(100);
    expect(parseList(await call('database.getDocument', { collectionName: 'members', queryType: 'WHERE', limit: 5000 }))).toHaveLength(
      1000,
    );
    expect(
      parseList(await call('database.getDocument', { collectionName: 'members', queryType: 'WHERE', offset: 1090, limit: 1000 })),
    ).toHaveLength(10);
  });

  it('calculateDocument answers data.total', async () => {
    await add([{ age: 1 }, { age: 2 }, { age: 3 }]);
    expect(
      await call('database.calculateDocument', { collectionName: 'members', queryType: 'WHERE', query: ejson({ age: { $gt: 1 } }) }),
    ).toEqual({ data: { total: 2 } });
  });

  it('modifyDocument: doc.update merges, where.update is multi, doc.set replaces or creates', async () => {
    await add([
      { _id: 'a', age: 30, keep: true },
      { _id: 'b', age: 40 },
    ]);
    const update = (fields: Record<string, unknown>) => call('database.modifyDocument', { collectionName: 'members', ...fields });
    expect(
      await update({
        query: ejson({ _id: 'a' }),
        queryType: 'DOC',
        data: ejson({ $inc: { age: 1 }, $set: { 'nested.x': 1 } }),
        multi: false,
        merge: true,
        upsert: false,
      }),
    ).toEqual({ data: { updated: 1 } });
    expect(
      await update({
        queryType: 'WHERE',
        query: ejson({ age: { $gt: 0 } }),
        data: ejson({ $set: { flag: true } }),
        multi: true,
        merge: true,
        upsert: false,
      }),
    ).toEqual({ data: { updated: 2 } });
    expect(
      await update({ queryType: 'DOC', query: ejson({ _id: 'a' }), data: ejson({ name: '新' }), multi: false, merge: false, upsert: true }),
    ).toEqual({ data: { updated: 1 } });
    expect(
      await update({ queryType: 'DOC', query: ejson({ _id: 'z' }), data: ejson({ name: '建' }), multi: false, merge: false, upsert: true }),
    ).toEqual({ data: { updated: 0, upsert_id: 'z' } });
    expect(engine.find('members', {}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', name: '新' },
      { _id: 'b', age: 40, flag: true },
      { _id: 'z', name: '建' },
    ]);
  });

  it('removeDocument answers data.deleted', async () => {
    await add([{ k: 1 }, { k: 1 }, { _id: 'x', k: 2 }]);
    expect(
      await call('database.removeDocument', { collectionName: 'members', query: ejson({ _id: 'x' }), queryType: 'DOC', multi: false }),
    ).toEqual({ data: { deleted: 1 } });
    expect(
      await call('database.removeDocument', { collectionName: 'members', query: ejson({ k: 1 }), queryType: 'WHERE', multi: true }),
    ).toEqual({ data: { deleted: 2 } });
  });

  it('modifyAndReturnDoc answers the updated document', async () => {
    await add([{ _id: 'a', n: 1 }]);
    const reply = await call('database.modifyAndReturnDoc', {
      collectionName: 'members',
      queryType: 'WHERE',
      data: ejson({ $inc: { n: 1 } }),
      query: ejson({ _id: 'a' }),
    });
    expect(reply.data.updated).toBe(1);
    expect(EJSON.parse(reply.data.doc)).toEqual({ _id: 'a', n: 2 });
    expect(
      await call('database.modifyAndReturnDoc', {
        collectionName: 'members',
        queryType: 'WHERE',
        data: ejson({ $inc: { n: 1 } }),
        query: ejson({ _id: 'none' }),
      }),
    ).toEqual({ data: { updated: 0, doc: null } });
  });

  it('aggregateDocuments decodes stageKey/stageValue pairs (objects, strings and numbers)', async () => {
    await add([
      { branch: 'b1', tags: ['x', 'y'] },
      { branch: 'b1', tags: ['x'] },
      { branch: 'b2', tags: [] },
    ]);
    const reply = await call('database.aggregateDocuments', {
      collectionName: 'members',
      stages: [
        { stageKey: '$match', stageValue: ejson({ branch: { $in: ['b1', 'b2'] } }) },
        { stageKey: '$unwind', stageValue: JSON.stringify('$tags') },
        { stageKey: '$group', stageValue: ejson({ _id: '$tags', n: { $sum: 1 } }) },
        { stageKey: '$sort', stageValue: ejson({ n: -1 }) },
        { stageKey: '$limit', stageValue: JSON.stringify(1) },
      ],
    });
    expect(parseList(reply)).toEqual([{ _id: 'x', n: 2 }]);
  });

  it('runs transactions through startTransaction / document actions / commitTransaction', async () => {
    await add([{ _id: 'a', n: 1 }]);
    const { transactionId } = await call('database.startTransaction');
    expect(transactionId).toMatch(/^[0-9a-f]{32}$/);
    const inTxn = { collectionName: 'members', transactionId };
    const got = await call('database.getDocument', { ...inTxn, query: ejson({ _id: 'a' }), queryType: 'DOC', multi: false });
    expect(parseList(got)).toEqual([{ _id: 'a', n: 1 }]);
    await call('database.modifyDocument', {
      ...inTxn,
      query: ejson({ _id: 'a' }),
      queryType: 'DOC',
      data: ejson({ $set: { n: 2 } }),
      multi: false,
      merge: true,
      upsert: false,
    });
    await call('database.insertDocument', { ...inTxn, data: [ejson({ _id: 'b' })] });
    await call('database.removeDocument', { ...inTxn, query: ejson({ _id: 'b' }), queryType: 'DOC', multi: false });
    expect(engine.find('members')).toEqual([{ _id: 'a', n: 1 }]);
    await expect(call('database.commitTransaction', { transactionId })).resolves.toEqual({});
    expect(engine.find('members')).toEqual([{ _id: 'a', n: 2 }]);
    expect((await failure('database.abortTransaction', { transactionId })).code).toBe('DATABASE_TRANSACTION_FAIL');
  });

  it('answers DATABASE_TRANSACTION_CONFLICT (the code runTransaction retries on) to a write after an outside change', async () => {
    await add([{ _id: 'a', n: 1 }]);
    const { transactionId } = await call('database.startTransaction');
    const doc = { collectionName: 'members', query: ejson({ _id: 'a' }), queryType: 'DOC', multi: false };
    await call('database.getDocument', { ...doc, transactionId });
    await call('database.modifyDocument', { ...doc, data: ejson({ $set: { n: 5 } }), merge: true, upsert: false });
    const conflict = await failure('database.modifyDocument', { ...doc, transactionId, data: ejson({ $set: { n: 9 } }), merge: true });
    expect(conflict).toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message: expect.stringMatching(/^\[ResourceUnavailable\.TransactionConflict\] /),
    });
    expect(await failure('database.commitTransaction', { transactionId })).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
      message: expect.stringMatching(/^\[ResourceUnavailable\.TransactionNotExist\] /),
    });
    expect(engine.find('members')).toEqual([{ _id: 'a', n: 5 }]);
  });

  it('refuses query-wide operations inside a transaction', async () => {
    const { transactionId } = await call('database.startTransaction');
    expect(
      (await failure('database.getDocument', { collectionName: 'members', transactionId, queryType: 'WHERE', query: ejson({ n: 1 }) }))
        .code,
    ).toBe('INVALID_PARAM');
  });

  it('serves the legacy transaction API (getInTransaction, updateDocInTransaction, deleteDocInTransaction)', async () => {
    await add([{ _id: 'a', n: 1 }]);
    const { transactionId } = await call('database.startTransaction');
    const base = { collectionName: 'members', transactionId };
    expect(EJSON.parse((await call('database.getInTransaction', { ...base, _id: 'a' })).data)).toEqual({ _id: 'a', n: 1 });
    const updated = await call('database.updateDocInTransaction', { ...base, _id: 'a', data: ejson({ $set: { n: 3 } }) });
    expect(EJSON.parse(updated.updated)).toBe(1);
    const set = await call('database.updateDocInTransaction', { ...base, _id: 'new', data: ejson({ v: 1 }), upsert: true });
    expect(JSON.parse(set.upserted)).toEqual([{ _id: 'new' }]);
    expect(EJSON.parse((await call('database.deleteDocInTransaction', { ...base, _id: 'a' })).deleted)).toBe(1);
    await call('database.commitTransaction', { transactionId });
    expect(engine.find('members')).toEqual([{ _id: 'new', v: 1 }]);
  });
});
