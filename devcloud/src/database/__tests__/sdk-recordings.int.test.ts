import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sdkEnv, startDevcloud } from '../..';
import { RecordingProxy } from '../../../test/support/recording-proxy';
import { normalizeExchange, RECORDING, writeRecording } from '../../../test/support/wire-recording';
import { DATABASE_RECORDINGS, type DatabaseRecording, IdPlaceholders } from './database-recordings';

/**
 * Contract tests for the database wire: each scenario drives the installed wx-server-sdk through a
 * recording proxy into a fresh devcloud and must produce exactly the recorded requests and replies
 * (DEVCLOUD_RECORD=1 rewrites them). recordings.test.ts replays the same files through the handlers.
 */

/* eslint-disable @typescript-eslint/no-require-imports */
const SDK = `wx-server-sdk@${require('wx-server-sdk/package.json').version} (@cloudbase/node-sdk@${require('@cloudbase/node-sdk/package.json').version}, @cloudbase/database@${require('@cloudbase/database/package.json').version})`;
/* eslint-enable @typescript-eslint/no-require-imports */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- driven untyped, exactly as a function bundle drives the SDK.
type Db = any;

interface Scenario {
  file: string;
  about: string;
  run: (db: Db) => Promise<unknown>;
  expected: unknown;
}

const settle = (promise: Promise<unknown>): Promise<unknown> =>
  promise.catch((err: { errCode?: number; code?: string; message: string }) => ({ failed: err.errCode ?? err.code, message: err.message }));

const MEMBERS = [
  {
    _id: 'm1',
    name: '张三',
    age: 30,
    branch: 'b1',
    tags: ['学习', '答题'],
    scores: [82, 90],
    joinedAt: new Date('2020-03-10T02:00:00Z'),
    profile: { level: 2 },
  },
  {
    _id: 'm2',
    name: '李四',
    age: 45,
    branch: 'b1',
    tags: ['学习'],
    scores: [70],
    joinedAt: new Date('2021-07-01T02:00:00Z'),
    profile: { level: 1 },
  },
  { _id: 'm3', name: '王五', age: 58, branch: 'b2', tags: [], scores: [], joinedAt: new Date('2019-01-01T02:00:00Z') },
];

async function seedMembers(db: Db): Promise<void> {
  await db.createCollection('members');
  await db.collection('members').add({ data: MEMBERS });
}

const SCENARIOS: Scenario[] = [
  {
    file: 'create-collection.json',
    about: 'db.createCollection twice: created, then DATABASE_COLLECTION_ALREADY_EXIST',
    run: async (db) => [await db.createCollection('members').then(() => 'created'), await settle(db.createCollection('members'))],
    expected: ['created', { failed: -1, message: expect.stringContaining('already exists') }],
  },
  {
    file: 'missing-collection.json',
    about: 'a query on a collection that does not exist: DATABASE_COLLECTION_NOT_EXIST (-502005)',
    run: (db) => settle(db.collection('nope').get()),
    expected: { failed: -502005, message: expect.stringContaining('Db or Table not exist: nope') },
  },
  {
    file: 'add-get-count.json',
    about: 'add (one with _id and a Date, many without), doc.get (found, missing), where/orderBy/skip/limit/field get, count',
    run: async (db) => {
      await db.createCollection('members');
      const one = await db.collection('members').add({ data: MEMBERS[0] });
      const many = await db.collection('members').add({
        data: [
          { name: '甲', age: 20 },
          { name: '乙', age: 21 },
        ],
      });
      const found = await db.collection('members').doc('m1').get();
      const missing = await settle(db.collection('members').doc('none').get());
      const page = await db
        .collection('members')
        .where({ age: db.command.lt(40) })
        .orderBy('age', 'desc')
        .skip(1)
        .limit(2)
        .field({ name: true })
        .get();
      const count = await db
        .collection('members')
        .where({ age: db.command.gte(21) })
        .count();
      return {
        one: one._id,
        many: many._ids.length,
        found: found.data,
        missing,
        page: page.data.map((d: { name: string }) => d.name),
        total: count.total,
      };
    },
    expected: {
      one: 'm1',
      many: 2,
      found: MEMBERS[0],
      missing: { failed: -1, message: expect.stringContaining('does not exist') },
      page: ['乙', '甲'],
      total: 2,
    },
  },
  {
    file: 'query-commands.json',
    about: 'where() with db.command query operators, nested fields, regular expressions and $expr',
    run: async (db) => {
      await seedMembers(db);
      const _ = db.command;
      const names = async (where: unknown) =>
        (await db.collection('members').where(where).orderBy('_id', 'asc').get()).data.map((d: { _id: string }) => d._id);
      return {
        range: await names({ age: _.gt(30).and(_.lt(60)) }),
        in: await names({ branch: _.in(['b2']) }),
        nin: await names({ branch: _.nin(['b2']) }),
        neq: await names({ branch: _.neq('b1') }),
        or: await names(_.or([{ age: _.lt(35) }, { branch: 'b2' }])),
        fieldOr: await names({ age: _.lt(35).or(_.gt(50)) }),
        and: await names(_.and([{ branch: 'b1' }, { age: _.gte(45) }])),
        exists: await names({ profile: _.exists(false) }),
        size: await names({ tags: _.size(1) }),
        // The SDK serialises _.elemMatch(<command>) as its internal object; the operator-object form is what works.
        elemMatch: await names({ scores: _.elemMatch({ $gte: 80, $lt: 85 }) }),
        all: await names({ tags: _.all(['学习', '答题']) }),
        mod: await names({ age: _.mod([15, 0]) }),
        arrayContains: await names({ tags: '学习' }),
        nestedDot: await names({ 'profile.level': 2 }),
        nestedObject: await names({ profile: { level: _.lte(1) } }),
        regex: await names({ name: /^张/ }),
        dbRegExp: await names({ name: db.RegExp({ regexp: '五$', options: 'i' }) }),
        not: await names({ age: _.not(_.gt(40)) }),
        date: await names({ joinedAt: _.gte(new Date('2020-01-01T00:00:00Z')) }),
        expr: await names(_.expr(_.aggregate.gt(['$age', 50]))),
      };
    },
    expected: {
      range: ['m2', 'm3'],
      in: ['m3'],
      nin: ['m1', 'm2'],
      neq: ['m3'],
      or: ['m1', 'm3'],
      fieldOr: ['m1', 'm3'],
      and: ['m2'],
      exists: ['m3'],
      size: ['m2'],
      elemMatch: ['m1'],
      all: ['m1'],
      mod: ['m1', 'm2'],
      arrayContains: ['m1', 'm2'],
      nestedDot: ['m1'],
      nestedObject: ['m2'],
      regex: ['m1'],
      dbRegExp: ['m3'],
      not: ['m1'],
      date: ['m1', 'm2'],
      expr: ['m3'],
    },
  },
  {
    file: 'update-operators.json',
    about: 'doc.update with every db.command update operator, where().update (multi), doc.set (replace and create)',
    run: async (db) => {
      await seedMembers(db);
      const _ = db.command;
      const doc = db.collection('members').doc('m1');
      const first = await doc.update({
        data: {
          age: _.inc(1),
          'profile.level': _.mul(3),
          profile: { title: '书记' },
          tags: _.push({ each: ['考核', '补学'], position: 1, slice: 4 }),
          scores: _.pull(_.lt(85)),
          name: _.remove(),
        },
      });
      await doc.update({ data: { tags: _.pullAll(['补学']), scores: _.addToSet(95), joinedAt: _.max(new Date('2022-01-01T00:00:00Z')) } });
      await doc.update({ data: { tags: _.shift(), scores: _.unshift([60]), minAge: _.min(18), profile: _.set({ reset: true }) } });
      await doc.update({ data: { scores: _.pop(), label: '活跃' } });
      await doc.update({ data: { label: _.rename('badge') } });
      const many = await db
        .collection('members')
        .where({ branch: 'b1' })
        .update({ data: { checked: true } });
      const replaced = await db
        .collection('members')
        .doc('m2')
        .set({ data: { name: '李四', age: 46 } });
      const created = await db
        .collection('members')
        .doc('m9')
        .set({ data: { name: '新人' } });
      const after = await db
        .collection('members')
        .where({ _id: _.in(['m1', 'm2', 'm9']) })
        .orderBy('_id', 'asc')
        .get();
      return { first: first.stats, many: many.stats, replaced: replaced.stats, created: created.stats, after: after.data };
    },
    expected: {
      first: { updated: 1 },
      many: { updated: 2 },
      replaced: { updated: 1, created: 0 },
      created: { updated: 0, created: 1 },
      after: [
        {
          _id: 'm1',
          age: 31,
          branch: 'b1',
          tags: ['考核', '答题'],
          scores: [60, 90],
          joinedAt: new Date('2022-01-01T00:00:00Z'),
          profile: { reset: true },
          minAge: 18,
          badge: '活跃',
          checked: true,
        },
        { _id: 'm2', name: '李四', age: 46 },
        { _id: 'm9', name: '新人' },
      ],
    },
  },
  {
    file: 'remove.json',
    about: 'doc.remove and where().remove',
    run: async (db) => {
      await seedMembers(db);
      const one = await db.collection('members').doc('m3').remove();
      const many = await db.collection('members').where({ branch: 'b1' }).remove();
      const left = await db.collection('members').count();
      return { one: one.stats, many: many.stats, left: left.total };
    },
    expected: { one: { removed: 1 }, many: { removed: 2 }, left: 0 },
  },
  {
    file: 'aggregate.json',
    about: 'aggregate(): match/group/lookup/unwind/project/addFields/sort/skip/limit/count/sortByCount/bucket/replaceRoot',
    run: async (db) => {
      await seedMembers(db);
      await db.createCollection('branches');
      await db.collection('branches').add({
        data: [
          { _id: 'b1', name: '第一支部' },
          { _id: 'b2', name: '第二支部' },
        ],
      });
      const _ = db.command;
      const $ = _.aggregate;
      const members = () => db.collection('members').aggregate();
      const byBranch = await members()
        .match({ age: _.gte(30) })
        .group({ _id: '$branch', count: $.sum(1), avgAge: $.avg('$age') })
        .lookup({ from: 'branches', localField: '_id', foreignField: '_id', as: 'branch' })
        .unwind('$branch')
        .project({ _id: 0, name: '$branch.name', count: 1, avgAge: 1 })
        .sort({ name: 1 })
        .end();
      const tags = await members().unwind('$tags').sortByCount('$tags').end();
      const counted = await members().match({ branch: 'b1' }).count('n').end();
      const buckets = await members()
        .bucket({ groupBy: '$age', boundaries: [0, 40, 100], default: 'other', output: { n: $.sum(1) } })
        .end();
      const roots = await members()
        .addFields({ older: $.gt(['$age', 40]) })
        .sort({ age: -1 })
        .skip(1)
        .limit(1)
        .replaceRoot({ newRoot: { who: '$name', older: '$older' } })
        .end();
      return { byBranch: byBranch.list, tags: tags.list, counted: counted.list, buckets: buckets.list, roots: roots.list };
    },
    expected: {
      byBranch: [
        { name: '第一支部', count: 2, avgAge: 37.5 },
        { name: '第二支部', count: 1, avgAge: 58 },
      ],
      tags: [
        { _id: '学习', count: 2 },
        { _id: '答题', count: 1 },
      ],
      counted: [{ n: 2 }],
      buckets: [
        { _id: 0, n: 1 },
        { _id: 40, n: 2 },
      ],
      roots: [{ who: '李四', older: true }],
    },
  },
  {
    file: 'transaction-commit.json',
    about: 'runTransaction: doc get/update/set/remove and add inside, then commit',
    run: async (db) => {
      await seedMembers(db);
      const result = await db.runTransaction(async (transaction: Db) => {
        const members = transaction.collection('members');
        const m1 = await members.doc('m1').get();
        await members.doc('m1').update({ data: { age: m1.data.age + 1 } });
        await members.doc('m2').set({ data: { name: '李四', moved: true } });
        await members.doc('m3').remove();
        await members.add({ data: { _id: 'm4', name: '赵六' } });
        return m1.data.age;
      });
      const after = await db.collection('members').orderBy('_id', 'asc').field({ age: true, moved: true }).get();
      return { result, after: after.data };
    },
    expected: { result: 30, after: [{ _id: 'm1', age: 31 }, { _id: 'm2', moved: true }, { _id: 'm4' }] },
  },
  {
    file: 'transaction-rollback.json',
    about: 'runTransaction whose callback throws: abortTransaction, nothing written',
    run: async (db) => {
      await seedMembers(db);
      const failed = await settle(
        db.runTransaction(async (transaction: Db) => {
          await transaction
            .collection('members')
            .doc('m1')
            .update({ data: { age: 0 } });
          throw new Error('取消');
        }),
      );
      const m1 = await db.collection('members').doc('m1').get();
      return { failed, age: m1.data.age };
    },
    expected: { failed: { failed: undefined, message: '取消' }, age: 30 },
  },
  {
    file: 'transaction-conflict.json',
    about:
      'startTransaction; the document it read changes outside; its write to it answers DATABASE_TRANSACTION_CONFLICT at once, and the transaction is gone',
    run: async (db) => {
      await seedMembers(db);
      const transaction = await db.startTransaction();
      const m1 = await transaction.collection('members').doc('m1').get();
      await db
        .collection('members')
        .doc('m1')
        .update({ data: { age: 99 } });
      const write = await settle(
        transaction
          .collection('members')
          .doc('m1')
          .update({ data: { age: m1.data.age + 1 } }),
      );
      const commit = await settle(transaction.commit());
      const after = await db.collection('members').doc('m1').get();
      return { write, commit, age: after.data.age };
    },
    expected: {
      write: { failed: -501001, message: expect.stringContaining('[ResourceUnavailable.TransactionConflict]') },
      commit: { failed: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('[ResourceUnavailable.TransactionNotExist]') },
      age: 99,
    },
  },
];

/** Every devcloud behind the proxy takes the token the SDK was pointed with. */
const RECORDING_TOKEN = 'recording-token';

describe('recorded SDK database exchanges', () => {
  const proxy = new RecordingProxy();
  let db: Db;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    await proxy.start();
    const env = sdkEnv({ url: proxy.url, envId: 'devcloud', token: RECORDING_TOKEN });
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    db = cloud.database();
  });

  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await proxy.stop();
  });

  it.each(SCENARIOS.map((scenario) => [scenario.file, scenario] as const))('%s', async (file, scenario) => {
    const devcloud = await startDevcloud({ dataDir: ':memory:', token: RECORDING_TOKEN });
    try {
      proxy.target = devcloud.url;
      proxy.exchanges.length = 0;
      expect(await scenario.run(db)).toEqual(scenario.expected);
      const ids = new IdPlaceholders();
      const observed: DatabaseRecording = {
        about: scenario.about,
        sdk: SDK,
        exchanges: proxy.exchanges.map((raw) => ids.hide(normalizeExchange(raw, devcloud.url))),
      };
      const recordingPath = path.join(DATABASE_RECORDINGS, file);
      if (RECORDING) writeRecording(recordingPath, observed as never);
      if (!existsSync(recordingPath)) throw new Error(`missing recording ${file}: run with DEVCLOUD_RECORD=1 to create it`);
      const recorded = JSON.parse(readFileSync(recordingPath, 'utf8')) as DatabaseRecording;
      expect(observed.exchanges).toEqual(recorded.exchanges);
    } finally {
      await devcloud.close();
    }
  });
});
