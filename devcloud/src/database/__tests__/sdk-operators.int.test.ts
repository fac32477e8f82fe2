/**
 * Query and aggregation operators through the real wx-server-sdk, where mingo (devcloud's engine) and MongoDB (what
 * CloudBase runs) disagreed. Each test cites the MongoDB manual page whose behaviour it checks; every one failed
 * before its fix in engine/mongo-compat.ts. devcloud/FIDELITY.md keeps the list.
 */
import { devHeaders, sdkEnv, startDevcloud, type Devcloud, type Engine } from '../..';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- driven untyped, exactly as a function bundle drives the SDK.
type Db = any;

let devcloud: Devcloud<Engine>;
let db: Db;
let _: Db;
let $: Db;
const saved = { ...process.env };

beforeAll(async () => {
  devcloud = await startDevcloud({ dataDir: ':memory:' });
  Object.assign(process.env, sdkEnv(devcloud));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  db = cloud.database();
  _ = db.command;
  $ = _.aggregate;
  await db.createCollection('ops');
  await db.collection('ops').add({
    data: [
      { _id: 'scalars', tags: [1, 7], langs: ['Go'], s: '中文abc' },
      { _id: 'docs', tags: [{ value: 7 }, { value: 2 }], langs: [{ value: 'Go' }], s: 'hello' },
      { _id: 'd2019-05-14', at: new Date('2019-05-14T00:00:00Z') },
      { _id: 'd2019-01-05', at: new Date('2019-01-05T00:00:00Z') },
      { _id: 'd2023-01-01', at: new Date('2023-01-01T00:00:00Z') },
      { _id: 'd2023-12-31', at: new Date('2023-12-31T12:00:00Z') },
    ],
  });
});
afterAll(async () => {
  await devcloud.close();
  process.env = saved;
});

const ids = async (where: object) => (await db.collection('ops').where(where).get()).data.map((d: { _id: string }) => d._id).sort();
const project = async (id: string, fields: object) =>
  (await db.collection('ops').aggregate().match({ _id: id }).project(fields).end()).list[0];

describe('$elemMatch (mongodb.com/docs/manual/reference/operator/query/elemMatch)', () => {
  it('with a field condition matches only elements that are documents with that field', async () => {
    expect(await ids({ tags: _.elemMatch({ value: 7 }) })).toEqual(['docs']);
  });
  it('{ value: { $exists: true } } does not match an array of strings', async () => {
    expect(await ids({ langs: _.elemMatch({ value: _.exists(true) }) })).toEqual(['docs']);
  });
  it('operator conditions still apply to plain elements', async () => {
    expect(await ids({ tags: _.elemMatch(_.gt(5)) })).toEqual(['scalars']);
  });
});

describe('$substrBytes / $substr (…/aggregation/substrBytes: "If <byte count> is negative, … the rest of the string")', () => {
  it('reads a negative length as "to the end"', async () => {
    expect(
      await project('scalars', { a: $.substrBytes(['$s', 6, -1]), b: $.substr(['$s', 3, -1]), c: $.substrBytes(['$s', 0, 3]) }),
    ).toEqual({
      _id: 'scalars',
      a: 'abc',
      b: '文abc',
      c: '中',
    });
  });
});

describe('$week (…/aggregation/week: weeks begin on Sundays, week 1 with the first Sunday, days before it week 0)', () => {
  it.each([
    ['d2019-05-14', 19],
    ['d2019-01-05', 0],
    ['d2023-01-01', 1],
    ['d2023-12-31', 53],
  ])('%s → %i', async (id, week) => {
    expect(await project(id, { w: $.week('$at') })).toEqual({ _id: id, w: week });
  });
});

describe('$indexOfCP (…/aggregation/indexOfCP)', () => {
  it('answers code point indexes, -1 when absent, honouring start', async () => {
    expect(
      await project('scalars', {
        a: $.indexOfCP(['$s', 'a']),
        b: $.indexOfCP(['$s', '文']),
        c: $.indexOfCP(['$s', 'x']),
        d: $.indexOfCP(['$s', '中', 1]),
      }),
    ).toEqual({
      _id: 'scalars',
      a: 2,
      b: 1,
      c: -1,
      d: -1,
    });
  });
});

describe('$jsonSchema in a query (…/query/jsonSchema)', () => {
  it('selects the documents the schema validates', async () => {
    const schema = { required: ['tags'], properties: { tags: { bsonType: 'array', items: { bsonType: 'object', required: ['value'] } } } };
    expect(await ids(_.jsonSchema(schema))).toEqual(['docs']);
    expect(await ids(_.jsonSchema({ properties: { s: { bsonType: 'string', maxLength: 5 } }, required: ['s'] }))).toEqual([
      'docs',
      'scalars',
    ]);
  });
});

describe('unsupported operators answer the platform’s invalid-operator code (DATABASE_INVALID_OPERRATOR)', () => {
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (err: { errCode?: number; errMsg?: string; code?: string }) => ({ errCode: err.errCode, code: err.code, errMsg: err.errMsg }),
    );
  it('a query operator: wx-server-sdk reports it as -502002 "database invalid command"', async () => {
    expect(
      await failure(
        db
          .collection('ops')
          .where({ s: { $nope: 1 } })
          .get(),
      ),
    ).toMatchObject({ errCode: -502002 });
  });
  // wx-server-sdk's aggregate() keeps only the message (errCode -1), so the code is checked on the wire.
  it.each([
    ['an expression operator', { stageKey: '$project', stageValue: JSON.stringify({ a: { $nope: ['$s'] } }) }],
    ['an accumulator', { stageKey: '$group', stageValue: JSON.stringify({ _id: null, a: { $nope: 1 } }) }],
    ['a pipeline stage', { stageKey: '$nope', stageValue: '{}' }],
  ])('%s in aggregate', async (_what, stage) => {
    const response = await fetch(`${devcloud.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...devHeaders(devcloud) },
      body: JSON.stringify({ action: 'database.aggregateDocuments', collectionName: 'ops', stages: [stage] }),
    });
    expect(await response.json()).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' });
  });
});
