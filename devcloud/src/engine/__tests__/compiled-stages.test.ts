import fc from 'fast-check';
import { openEngine } from '..';
import { compileStage } from '../compiled-stages';
import { runPipeline } from '../mongo-compat';
import type { Document, Pipeline } from '../types';

/** mingo's answer, or its error message. */
function byMingo(docs: Document[], stage: Record<string, unknown>): { ok: Document[] } | { error: string } {
  try {
    return { ok: runPipeline(structuredClone(docs), [stage], () => []) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Asserts the compiled stage answers as mingo does, or leaves the input to mingo (bails); true when it answered. */
function expectSameAsMingo(given: Document[], stage: Record<string, unknown>): boolean {
  const docs = structuredClone(given); // plain objects (fast-check's records have no prototype)
  const compiled = compileStage(stage);
  if (!compiled) throw new Error(`not compiled: ${JSON.stringify(stage)}`);
  const input = structuredClone(docs);
  let answer: Document[];
  try {
    answer = compiled(input);
  } catch {
    expect(input).toStrictEqual(docs); // untouched, for mingo to run
    return false;
  }
  expect(input).toStrictEqual(docs);
  const expected = byMingo(docs, stage);
  expect({ ok: answer }).toStrictEqual(expected);
  // toStrictEqual ignores the order of keys; the documents' field order must be mingo's too.
  expect(JSON.stringify(answer)).toBe(JSON.stringify((expected as { ok: Document[] }).ok));
  return true;
}

/** The engine (compiled stages, handing over where they do) answers or fails as mingo alone does, in the same field order. */
function expectEngineAsMingo(engine: ReturnType<typeof openEngine>, docs: Document[], stage: Record<string, unknown>): void {
  const expected = byMingo(docs, stage);
  const pipeline = [stage] as Pipeline;
  if ('ok' in expected) expect(JSON.stringify(engine.aggregate('things', pipeline))).toBe(JSON.stringify(expected.ok));
  else expect(() => engine.aggregate('things', pipeline)).toThrow(expected.error);
}

const at = (day: number) => new Date(Date.UTC(2025, 2, day));

// Expressions in the shapes the stats pipelines use, plus the odd inputs each operator meets.
const EXPRESSIONS: Record<string, unknown> = {
  path: '$a',
  dotted: '$items.id',
  literal: { $literal: ['x', { $eq: 1 }] },
  object: { first: '$a', sum: { $size: { $ifNull: ['$items', []] } } },
  ifNull: { $ifNull: ['$missing', '$a', 'fallback'] },
  ifNullAllNull: { $ifNull: ['$missing', '$nothing'] },
  cond: { $cond: [{ $gt: ['$n', 2] }, 'big', 'small'] },
  condObject: { $cond: { if: '$flag', then: 1, else: 0 } },
  switch: {
    $switch: {
      branches: [
        { case: { $eq: ['$n', 0] }, then: 'zero' },
        { case: { $in: ['$a', ['x', 'y']] }, then: 'xy' },
      ],
      default: 'other',
    },
  },
  switchNoDefault: { $switch: { branches: [{ case: { $eq: ['$n', 0] }, then: 'zero' }] } },
  and: { $and: ['$flag', { $ne: ['$a', null] }, { $lt: ['$at', { $literal: at(15) }] }] },
  or: { $or: [{ $eq: ['$a', 'x'] }, { $gte: ['$n', 3] }, ''] },
  not: { $not: [{ $eq: ['$a', 'x'] }] },
  notBare: { $not: '$flag' },
  compareMixed: [
    { $lt: ['$n', 'text'] },
    { $gt: ['$tags', 'b'] },
    { $lte: ['$at', '$at'] },
    { $eq: ['$tags', 'a'] },
    { $ne: ['$tags', ['a', 'b']] },
  ],
  in: { $in: ['$a', '$tags'] },
  size: { $size: '$tags' },
  concat: { $concatArrays: [{ $literal: [] }, '$tags', { $map: { input: '$items', in: '$$this.id' } }] },
  concatWhole: { $concatArrays: '$tags' },
  setUnion: {
    $setUnion: [
      { $literal: [] },
      '$tags',
      { $cond: [{ $in: [{ $literal: 'x' }, { $ifNull: ['$tags', []] }] }, { $literal: ['p', 'q', 'p'] }, { $literal: [] }] },
    ],
  },
  setIntersection: { $setIntersection: ['$tags', { $literal: ['a', 'b', 'x'] }] },
  setDifference: { $setDifference: [{ $ifNull: ['$tags', []] }, { $map: { input: { $ifNull: ['$items', []] }, in: '$$this.id' } }] },
  elemAt: [
    { $arrayElemAt: ['$tags', 0] },
    { $arrayElemAt: ['$tags', -1] },
    { $arrayElemAt: ['$tags', 5] },
    { $arrayElemAt: ['$tags', '$n'] },
  ],
  divide: { $divide: ['$n', { $size: { $ifNull: ['$tags', []] } }] },
  sum: { $sum: { $map: { input: '$items', in: '$$this.score' } } },
  let: {
    $let: {
      vars: { ids: { $map: { input: { $ifNull: ['$items', []] }, in: '$$this.id' } } },
      in: { $filter: { input: '$tags', cond: { $in: ['$$this', '$$ids'] } } },
    },
  },
  filter: {
    $filter: {
      input: '$items',
      cond: { $and: [{ $ne: [{ $ifNull: ['$$this.score', null] }, null] }, { $gte: ['$$this.at', { $literal: at(10) }] }] },
    },
  },
  filterAs: { $filter: { input: '$items', as: 'item', cond: { $eq: ['$$item.id', '$a'] } } },
  map: { $map: { input: '$items', in: { id: '$$this.id', passed: { $eq: ['$$this.passed', true] }, root: '$a' } } },
  reduce: {
    $reduce: {
      input: { $filter: { input: '$items', cond: { $ne: ['$$this.score', null] } } },
      initialValue: null,
      in: { $cond: [{ $or: [{ $eq: ['$$value', null] }, { $gt: ['$$this.score', '$$value.score'] }] }, '$$this', '$$value'] },
    },
  },
  sumInReduce: {
    $reduce: {
      input: { $map: { input: '$items', in: ['$$this.score', 1] } },
      initialValue: 0,
      in: { $sum: ['$$value', { $sum: '$$this' }] },
    },
  },
  nestedThis: {
    $map: { input: '$items', in: { $reduce: { input: '$tags', initialValue: 0, in: { $size: { $ifNull: [['$$this'], []] } } } } },
  },
  undefinedVariable: '$$nope',
  undefinedValue: { $arrayElemAt: [{ $literal: [] }, 0] },
};

const item = fc.record(
  {
    id: fc.constantFrom('x', 'y', 'z'),
    score: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null), fc.constant('7')),
    passed: fc.oneof(fc.boolean(), fc.constant(null)),
    at: fc.integer({ min: 1, max: 28 }).map(at),
  },
  { requiredKeys: ['id'] },
);
const doc = fc.record(
  {
    _id: fc.string({ minLength: 1, maxLength: 4 }),
    a: fc.oneof(fc.constantFrom('x', 'y', 'w', ''), fc.constant(null), fc.integer({ min: 0, max: 3 })),
    n: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constant(null), fc.constant('2')),
    flag: fc.oneof(fc.boolean(), fc.constant(''), fc.constant(0), fc.constant(null)),
    at: fc.integer({ min: 1, max: 28 }).map(at),
    tags: fc.oneof(fc.array(fc.constantFrom('a', 'b', 'x', 'y'), { maxLength: 4 }), fc.constant(null), fc.constant('a')),
    items: fc.oneof(fc.array(item, { maxLength: 3 }), fc.constant(null)),
  },
  { requiredKeys: ['_id'] },
);

describe('compiled $project / $addFields / $group', () => {
  it.each(Object.entries(EXPRESSIONS))('%s answers as mingo does', (_name, expr) => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 6 }), (docs) => {
        if (expectSameAsMingo(docs, { $addFields: { out: expr, a: '$n' } })) answered += 1;
        expectSameAsMingo(docs, { $project: { _id: 1, a: 1, out: { $literal: 0 }, value: { $ifNull: [expr, 'none'] } } });
        expectSameAsMingo(docs, {
          $group: {
            _id: { $cond: [{ $eq: [{ $size: { $ifNull: ['$items', []] } }, 0] }, null, '$a'] },
            n: { $sum: 1 },
            total: { $sum: '$n' },
            one: { $sum: { $literal: 1 } },
          },
        });
      }),
      { numRuns: 100 },
    );
    // The fast path must really run for the well-formed expressions, not always hand over to mingo.
    if (!['undefinedVariable', 'undefinedValue', 'size', 'concatWhole', 'divide', 'elemAt', 'in', 'sum', 'sumInReduce'].includes(_name))
      expect(answered).toBeGreaterThan(0);
  });

  it('projects like mingo: inclusions, missing fields, _id kept last when not named', () => {
    const docs: Document[] = [{ _id: 'm1', name: 'A', orgPath: ['c', 'b'], extra: 1 }, { _id: 'm2', name: null }, { _id: 'm3' }];
    expect(expectSameAsMingo(docs, { $project: { name: 1, orgPath: true, memberId: '$_id' } })).toBe(true);
    expect(
      expectSameAsMingo(docs, { $project: { _id: 1, name: 1, memberId: '$_id', paths: { $size: { $ifNull: ['$orgPath', []] } } } }),
    ).toBe(true);
  });

  it("orders a projection's fields as mingo does (names sorted, _id among them when named, else last)", () => {
    const full: Document[] = [
      { _id: 1, a: 2, b: 3, B: 4 },
      { _id: 2, a: 0, b: null, B: 'x' },
    ];
    for (const spec of [{ a: 1, _id: 1, b: 1 }, { a: 1, _id: '$a' }, { b: 1, a: 1, B: 1 }, { out: '$b', a: 1 }, { _id: true }])
      expect(expectSameAsMingo(full, { $project: spec })).toBe(true);
    const docs = [...full, { _id: 3, b: null }, { a: 1 }];
    const names = ['_id', 'a', 'b', 'B', 'out', 'x1'];
    const field = fc.oneof(
      fc.constant(1),
      fc.constant(true),
      fc.constantFrom('$a', '$b', '$B').map((path) => ({ $ifNull: [path, 0] })),
    );
    fc.assert(
      fc.property(
        fc.shuffledSubarray(names, { minLength: 1 }),
        fc.array(field, { minLength: names.length, maxLength: names.length }),
        (chosen, values) => {
          const spec = Object.fromEntries(chosen.map((name, i) => [name, values[i]]));
          expect(expectSameAsMingo(docs, { $project: spec })).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves fields, keys and variables named like Object.prototype members to mingo', () => {
    const stages: Record<string, unknown>[] = [
      { $project: { constructor: 1 } },
      { $project: { a: 1, toString: 1 } },
      { $project: { a: 1, hasOwnProperty: '$a' } },
      JSON.parse('{"$addFields":{"__proto__":{"$literal":{"x":1}}}}'),
      { $addFields: { valueOf: 1 } },
      { $addFields: { out: { constructor: '$a' } } },
      JSON.parse('{"$addFields":{"out":{"__proto__":"$a"}}}'),
      { $addFields: { out: { $let: { vars: { toString: 1 }, in: '$$toString' } } } },
      { $addFields: { out: { $map: { input: '$tags', as: 'constructor', in: '$$constructor' } } } },
      JSON.parse('{"$group":{"_id":null,"__proto__":{"$sum":1}}}'),
      { $group: { _id: null, constructor: { $sum: 1 } } },
    ];
    for (const stage of stages) expect(compileStage(stage)).toBeNull();
    // Handed over, the engine answers (or fails) as mingo does. (No document here has an own `constructor` or
    // `toString`: mingo's inclusion of one writes into the prototype's function, for the whole process.)
    const engine = openEngine({ dataDir: ':memory:' });
    const docs: Document[] = [
      { _id: 'm1', a: 1, tags: ['x'] },
      { _id: 'm2', tags: null },
    ];
    engine.createCollection('things');
    engine.insertMany('things', structuredClone(docs));
    for (const stage of stages) expectEngineAsMingo(engine, docs, stage);
  });

  it('hands $sum over an array element (in $reduce over arrays of arrays) to mingo', () => {
    const docs: Document[] = [
      { _id: 1, m: [[1, 2], [3]] },
      { _id: 2, m: [] },
      { _id: 3, m: [[4]] },
    ];
    const stages = [
      { $addFields: { out: { $reduce: { input: '$m', initialValue: 0, in: { $sum: '$$this' } } } } },
      { $addFields: { out: { $reduce: { input: '$m', initialValue: [], in: { $sum: ['$$value', 1] } } } } },
      { $project: { out: { $reduce: { input: '$m', initialValue: 0, in: { $sum: [{ $size: '$$this' }, '$$value'] } } } } },
    ];
    const engine = openEngine({ dataDir: ':memory:' });
    engine.createCollection('things');
    engine.insertMany('things', structuredClone(docs));
    for (const stage of stages) {
      expect(expectSameAsMingo(docs.slice(1, 2), stage)).toBe(true); // empty input: compiled
      expect(expectSameAsMingo(docs, stage)).toBe(false);
      expectEngineAsMingo(engine, docs, stage);
    }
  });

  it('leaves other stages and operators to mingo', () => {
    expect(compileStage({ $project: { name: 0 } })).toBeNull();
    expect(compileStage({ $project: { 'a.b': 1 } })).toBeNull();
    expect(compileStage({ $addFields: { 'a.b': 1 } })).toBeNull();
    expect(compileStage({ $addFields: { a: { $toUpper: '$name' } } })).toBeNull();
    expect(compileStage({ $addFields: { a: '$$ROOT' } })).toBeNull();
    expect(compileStage({ $group: { _id: '$a', all: { $push: '$b' } } })).toBeNull();
    expect(compileStage({ $match: { a: 1 } })).toBeNull();
  });

  it('the engine answers as mingo alone does, including where the compiled path hands over', () => {
    const engine = openEngine({ dataDir: ':memory:' });
    const docs: Document[] = [
      { _id: 'm1', tags: ['a', 'b'], n: 2 },
      { _id: 'm2', tags: ['x'], n: 0 },
      { _id: 'm3', tags: ['a', 'b', 'c'], n: 4 },
    ];
    engine.createCollection('things');
    engine.insertMany('things', structuredClone(docs));
    const pipeline: Pipeline = [
      { $addFields: { size: { $size: { $ifNull: ['$tags', []] } } } },
      { $project: { _id: 1, size: 1, ratio: { $divide: ['$n', '$size'] } } },
      { $group: { _id: { $gt: ['$size', 1] }, n: { $sum: 1 }, ratio: { $sum: '$ratio' } } },
    ];
    expect(engine.aggregate('things', pipeline)).toStrictEqual(runPipeline(structuredClone(docs), pipeline, () => []));
    // `$size` of a string is an error in mingo: the compiled stage hands over and the error is mingo's.
    engine.insertMany('things', [{ _id: 'm4', tags: 'a' }]);
    expect(() => engine.aggregate('things', [{ $addFields: { size: { $size: '$tags' } } }])).toThrow(/size/i);
  });
});
