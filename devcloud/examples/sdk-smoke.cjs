#!/usr/bin/env node
// A plain Node script using the unmodified wx-server-sdk, pointed at devcloud by environment variables only:
//   TCB_CONTEXT_CNFG='{"URL":"http://127.0.0.1:8080/admin"}' TCB_CONTEXT_KEYS=TCB_ENV TCB_ENV=devcloud \
//   TENCENTCLOUD=true TENCENTCLOUD_SECRETID='<token npm start prints>' TENCENTCLOUD_SECRETKEY=local node devcloud/examples/sdk-smoke.cjs
// It exercises what a cloud function relies on and prints one JSON line of what came back.
const cloud = require('wx-server-sdk');

async function main() {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const db = cloud.database();
  const _ = db.command;
  const name = `smoke_${Date.now()}`;
  const out = {};

  await db.createCollection(name);
  const coll = db.collection(name);
  await coll.add({ data: { _id: 'a', branch: '东关', score: 70, tags: ['学习'] } });
  await coll.add({ data: { _id: 'b', branch: '东关', score: 90, tags: [] } });
  await coll.add({ data: { _id: 'c', branch: '西关', score: 85, tags: ['答题'] } });

  out.query = (
    await coll
      .where({ score: _.gte(80), branch: _.in(['东关', '西关']) })
      .orderBy('score', 'desc')
      .get()
  ).data.map((d) => d._id);
  await coll.where({ branch: '东关' }).update({ data: { score: _.inc(5), tags: _.push('党日') } });
  out.updated = (await coll.doc('a').get()).data;
  out.count = (await coll.where({ score: _.gt(74) }).count()).total;
  out.aggregate = (
    await coll
      .aggregate()
      .group({ _id: '$branch', total: db.command.aggregate.sum('$score') })
      .sort({ _id: 1 })
      .end()
  ).list;

  await db.runTransaction(async (tx) => {
    const a = (await tx.collection(name).doc('a').get()).data;
    await tx
      .collection(name)
      .doc('a')
      .update({ data: { score: a.score + 1 } });
  });
  try {
    await db.runTransaction(async (tx) => {
      await tx
        .collection(name)
        .doc('b')
        .update({ data: { score: 0 } });
      throw new Error('rollback');
    });
  } catch {
    // expected: the write above must leave no trace
  }
  out.afterTransactions = (
    await coll
      .where({ _id: _.in(['a', 'b']) })
      .orderBy('_id', 'asc')
      .get()
  ).data.map((d) => d.score);
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
