import { type Engine, EngineError, openEngine } from '..';

/** Each case here is a place where mingo alone answered differently from MongoDB (see mongo-compat.ts). */
describe('MongoDB semantics where mingo differs', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = openEngine({ dataDir: ':memory:' });
    engine.createCollection('c');
  });
  afterEach(() => engine.close());

  const ids = (filter: Record<string, unknown>): unknown[] => engine.find('c', filter, { sort: { _id: 1 } }).map((d) => d._id);
  const failure = (run: () => unknown): string => {
    try {
      run();
    } catch (err) {
      if (err instanceof EngineError) return `${err.code}: ${err.message}`;
      throw err;
    }
    return 'no error';
  };

  it('$mod matches numbers only (mingo matched null because null % d === 0)', () => {
    engine.insert('c', [{ _id: 1, n: 10 }, { _id: 2, n: null }, { _id: 3 }, { _id: 4, n: [3, 5] }, { _id: 5, n: '10' }]);
    expect(ids({ n: { $mod: [5, 0] } })).toEqual([1, 4]);
    expect(ids({ n: { $not: { $mod: [5, 0] } } })).toEqual([2, 3, 5]);
  });

  it('$gte/$lte null match null and missing fields (mingo matched only null)', () => {
    engine.insert('c', [{ _id: 1, x: null }, { _id: 2 }, { _id: 3, x: 0 }]);
    expect(ids({ x: { $gte: null } })).toEqual([1, 2]);
    expect(ids({ x: { $lte: null } })).toEqual([1, 2]);
    expect(ids({ $or: [{ x: { $lte: null } }] })).toEqual([1, 2]);
  });

  it('refuses to create a field inside a scalar (mingo ignored the update)', () => {
    engine.insert('c', { _id: 1, a: 5, s: null, arr: [1, 2] });
    expect(failure(() => engine.update('c', { _id: 1 }, { $set: { 'a.b': 1 } }))).toBe(
      "DATABASE_REQUEST_FAILED: Cannot create field 'b' in element {a: 5}",
    );
    expect(failure(() => engine.update('c', { _id: 1 }, { $set: { 'arr.x': 1 } }))).toBe(
      "DATABASE_REQUEST_FAILED: Cannot create field 'x' in element {arr: [1,2]}",
    );
    expect(engine.find('c')).toEqual([{ _id: 1, a: 5, s: null, arr: [1, 2] }]);
  });

  it('refuses to create a field inside null (mingo replaced null by an object)', () => {
    engine.insert('c', { _id: 1, s: null });
    expect(failure(() => engine.update('c', { _id: 1 }, { $inc: { 's.n': 1 } }))).toBe(
      "DATABASE_REQUEST_FAILED: Cannot create field 'n' in element {s: null}",
    );
  });

  it('still creates nested documents along missing paths and leaves $unset of impossible paths alone', () => {
    engine.insert('c', { _id: 1, a: 5 });
    engine.update('c', { _id: 1 }, { $set: { 'x.y.z': 1, 'list.0': 'first' }, $unset: { 'a.b': '' } });
    expect(engine.find('c')).toEqual([{ _id: 1, a: 5, x: { y: { z: 1 } }, list: { 0: 'first' } }]);
  });

  it('$inc/$mul on a non-number fail (mingo ignored them)', () => {
    engine.insert('c', { _id: 1, name: 'x' });
    expect(failure(() => engine.update('c', { _id: 1 }, { $inc: { name: 1 } }))).toMatch(
      /^DATABASE_REQUEST_FAILED: Cannot apply \$inc to a value of non-numeric type/,
    );
    expect(failure(() => engine.update('c', { _id: 1 }, { $mul: { name: 2 } }))).toMatch(/^DATABASE_REQUEST_FAILED: Cannot apply \$mul/);
  });

  it('array operators on a non-array fail (mingo ignored them)', () => {
    engine.insert('c', { _id: 1, n: 5 });
    for (const op of ['$push', '$addToSet', '$pull', '$pullAll', '$pop']) {
      const operand = op === '$pullAll' ? [1] : 1;
      expect(failure(() => engine.update('c', { _id: 1 }, { [op]: { n: operand } }))).toMatch(/must be an array but is of type number/);
    }
  });

  it('the positional $ operator updates the element the query matched', () => {
    engine.insert('c', {
      _id: 1,
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 1 },
      ],
    });
    engine.update('c', { _id: 1, 'items.sku': 'b' }, { $inc: { 'items.$.qty': 2 } });
    expect(engine.find('c')[0]!.items).toEqual([
      { sku: 'a', qty: 1 },
      { sku: 'b', qty: 3 },
    ]);
  });

  it('aggregation does not write through to stored documents (mingo $set on nested paths did)', () => {
    engine.insert('c', { _id: 1, o: { x: 1 } });
    engine.aggregate('c', [{ $set: { 'o.y': 2 } }, { $addFields: { 'o.z': 3 } }]);
    engine.aggregate('c', [{ $match: { _id: 1 } }, { $set: { 'o.y': 2 } }]);
    expect(engine.find('c')).toEqual([{ _id: 1, o: { x: 1 } }]);
  });

  it('projections answer _id first, like MongoDB', () => {
    engine.insert('c', { _id: 1, a: 1, b: 2 });
    expect(Object.keys(engine.find('c', {}, { projection: { b: 1 } })[0]!)).toEqual(['_id', 'b']);
  });

  // Cases checked against MongoDB's documented behaviour that mingo already gets right; kept so a mingo
  // upgrade that breaks them fails here.
  it('keeps MongoDB query semantics mingo already matches', () => {
    engine.insert('c', [
      { _id: 1, scores: [82, 90], tags: ['x', 'y'], s: 'abc', at: new Date(5) },
      { _id: 2, scores: [70], tags: ['y'], x: null },
      { _id: 3, tags: [['x', 'y']], x: 3 },
    ]);
    expect(ids({ scores: { $elemMatch: { $gte: 80, $lt: 85 } } })).toEqual([1]);
    expect(ids({ tags: ['x', 'y'] })).toEqual([1, 3]);
    expect(ids({ tags: 'y' })).toEqual([1, 2]);
    expect(ids({ x: null })).toEqual([1, 2]);
    expect(ids({ x: { $ne: null } })).toEqual([3]);
    expect(ids({ s: { $in: [/^a/, 'zzz'] } })).toEqual([1]);
    expect(ids({ tags: { $ne: 'x' } })).toEqual([2, 3]);
    expect(ids({ at: { $gt: 1 } })).toEqual([]);
    expect(ids({ at: { $gt: new Date(1) } })).toEqual([1]);
    expect(ids({ tags: { $size: 1 } })).toEqual([2, 3]);
  });

  it('sorts mixed types in MongoDB order (null/missing < numbers < strings < objects < arrays < booleans < dates)', () => {
    engine.insert('c', [
      { _id: 1, v: 's' },
      { _id: 2, v: 3 },
      { _id: 3 },
      { _id: 5, v: true },
      { _id: 6, v: new Date(0) },
      { _id: 7, v: { a: 1 } },
    ]);
    expect(engine.find('c', {}, { sort: { v: 1 } }).map((d) => d._id)).toEqual([3, 2, 1, 7, 5, 6]);
  });
});
