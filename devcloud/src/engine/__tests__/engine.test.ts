import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Engine, type IndexManifest, openEngine } from '..';
import { codeOf } from './error-code';

const manifest: IndexManifest = {
  collections: {
    members: {
      indexes: [
        { name: 'openid_1', fields: { openid: 1 }, unique: true, sparse: true },
        { name: 'branchId_1', fields: { branchId: 1 } },
        { name: 'tags_1', fields: { tags: 1 } },
      ],
    },
    orgs: {},
  },
};

describe('engine', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = openEngine({ dataDir: ':memory:', indexManifest: manifest });
  });
  afterEach(() => engine.close());

  it('creates the manifest collections on open and new ones on demand', () => {
    expect(engine.listCollections().sort()).toEqual(['members', 'orgs']);
    expect(engine.createCollection('logs')).toBe(true);
    expect(engine.createCollection('logs')).toBe(false);
    expect(engine.hasCollection('logs')).toBe(true);
    expect(engine.hasCollection('nope')).toBe(false);
  });

  it('refuses every operation on a missing collection with the platform code', () => {
    expect(codeOf(() => engine.find('nope'))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(codeOf(() => engine.insert('nope', { a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(codeOf(() => engine.update('nope', {}, { $set: { a: 1 } }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(codeOf(() => engine.remove('nope', {}))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(codeOf(() => engine.count('nope'))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(codeOf(() => engine.aggregate('nope', []))).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });

  it('generates 32-hex ids, keeps given ones and rejects duplicate ids', () => {
    const [generated, given] = engine.insert('orgs', [{ name: '甲' }, { _id: 'org-2', name: '乙' }]);
    expect(generated).toMatch(/^[0-9a-f]{32}$/);
    expect(given).toBe('org-2');
    expect(codeOf(() => engine.insert('orgs', { _id: 'org-2' }))).toBe('DATABASE_DUPLICATE_WRITE');
    expect(engine.count('orgs')).toBe(2);
  });

  it('treats numeric and string ids as different documents', () => {
    engine.insert('orgs', [
      { _id: 1, n: 'number' },
      { _id: '1', n: 'string' },
    ]);
    expect(engine.find('orgs', { _id: 1 })).toEqual([{ _id: 1, n: 'number' }]);
    expect(engine.find('orgs', { _id: '1' })).toEqual([{ _id: '1', n: 'string' }]);
  });

  it('finds with sort, skip, limit and projection, returning copies', () => {
    engine.insert('orgs', [
      { _id: 'a', rank: 3, name: 'A', at: new Date('2024-01-01T00:00:00Z') },
      { _id: 'b', rank: 1, name: 'B' },
      { _id: 'c', rank: 2, name: 'C' },
    ]);
    expect(engine.find('orgs', {}, { sort: { rank: 1 }, skip: 1, limit: 1, projection: { name: 1 } })).toEqual([{ _id: 'c', name: 'C' }]);
    const [a] = engine.find('orgs', { _id: 'a' });
    expect(a!.at).toBeInstanceOf(Date);
    a!.name = 'changed';
    expect(engine.find('orgs', { _id: 'a' })[0]!.name).toBe('A');
  });

  it('returns unsorted results in insertion order', () => {
    engine.insert('orgs', [{ _id: 'z' }, { _id: 'a' }, { _id: 'm' }]);
    engine.update('orgs', { _id: 'z' }, { $set: { touched: true } });
    expect(engine.find('orgs').map((d) => d._id)).toEqual(['z', 'a', 'm']);
  });

  it('does not let callers change stored documents through what they inserted', () => {
    const doc = { _id: 'x', nested: { n: 1 } };
    engine.insert('orgs', doc);
    doc.nested.n = 99;
    expect(engine.find('orgs', { _id: 'x' })[0]).toEqual({ _id: 'x', nested: { n: 1 } });
  });

  it('updates the first match, or all with multi, counting only real changes', () => {
    engine.insert('orgs', [
      { _id: 'a', n: 1 },
      { _id: 'b', n: 1 },
      { _id: 'c', n: 2 },
    ]);
    expect(engine.update('orgs', { n: 1 }, { $inc: { n: 10 } })).toEqual({ matched: 1, modified: 1 });
    expect(engine.find('orgs', {}, { sort: { _id: 1 } }).map((d) => d.n)).toEqual([11, 1, 2]);
    expect(engine.update('orgs', {}, { $set: { flag: true } }, { multi: true })).toEqual({ matched: 3, modified: 3 });
    expect(engine.update('orgs', {}, { $set: { flag: true } }, { multi: true })).toEqual({ matched: 3, modified: 0 });
  });

  it('treats a plain update object as $set (platform merge semantics)', () => {
    engine.insert('orgs', { _id: 'a', keep: 1 });
    engine.update('orgs', { _id: 'a' }, { name: 'x' });
    expect(engine.find('orgs')[0]).toEqual({ _id: 'a', keep: 1, name: 'x' });
  });

  it('replaces whole documents and upserts them (doc.set)', () => {
    engine.insert('orgs', { _id: 'a', old: true });
    expect(engine.update('orgs', { _id: 'a' }, { fresh: 1 }, { replace: true, upsert: true })).toEqual({ matched: 1, modified: 1 });
    expect(engine.find('orgs', { _id: 'a' })).toEqual([{ _id: 'a', fresh: 1 }]);
    expect(engine.update('orgs', { _id: 'b' }, { fresh: 2 }, { replace: true, upsert: true })).toEqual({
      matched: 0,
      modified: 0,
      upsertedId: 'b',
    });
    expect(engine.find('orgs', { _id: 'b' })).toEqual([{ _id: 'b', fresh: 2 }]);
    expect(codeOf(() => engine.update('orgs', { _id: 'a' }, { $set: { x: 1 } }, { replace: true }))).toBe('INVALID_PARAM');
  });

  it('seeds an upserted document from the filter equalities', () => {
    const result = engine.update('orgs', { code: 'X1', 'meta.level': 2, n: { $gt: 1 } }, { $inc: { count: 1 } }, { upsert: true });
    expect(result.upsertedId).toMatch(/^[0-9a-f]{32}$/);
    const { _id, ...rest } = engine.find('orgs')[0]!;
    expect(rest).toEqual({ code: 'X1', meta: { level: 2 }, count: 1 });
  });

  it('refuses to change _id', () => {
    engine.insert('orgs', { _id: 'a' });
    expect(codeOf(() => engine.update('orgs', { _id: 'a' }, { $set: { _id: 'b' } }))).toBe('DATABASE_REQUEST_FAILED');
    expect(codeOf(() => engine.update('orgs', { _id: 'a' }, { _id: 'b', x: 1 }, { replace: true }))).toBe('DATABASE_REQUEST_FAILED');
  });

  it('removes one or all matches', () => {
    engine.insert('orgs', [{ k: 1 }, { k: 1 }, { k: 2 }]);
    expect(engine.remove('orgs', { k: 1 })).toBe(1);
    expect(engine.remove('orgs', {}, { multi: true })).toBe(2);
    expect(engine.count('orgs')).toBe(0);
  });

  it('findOneAndUpdate returns the updated document in sort order', () => {
    engine.insert('orgs', [
      { _id: 'a', q: 1 },
      { _id: 'b', q: 2 },
    ]);
    expect(engine.findOneAndUpdate('orgs', {}, { $inc: { q: 10 } }, { sort: { q: -1 } })).toEqual({ _id: 'b', q: 12 });
    expect(engine.findOneAndUpdate('orgs', { q: 99 }, { $inc: { q: 1 } })).toBeNull();
  });

  it('aggregates with $match/$group/$lookup/$unwind/$sort without touching stored documents', () => {
    engine.insert('orgs', [
      { _id: 'b1', name: '一支部' },
      { _id: 'b2', name: '二支部' },
    ]);
    engine.insert('members', [
      { name: '甲', branchId: 'b1', score: 90, info: { x: 1 } },
      { name: '乙', branchId: 'b1', score: 70, info: { x: 1 } },
      { name: '丙', branchId: 'b2', score: 80, info: { x: 1 } },
    ]);
    const rows = engine.aggregate('members', [
      { $match: { score: { $gte: 75 } } },
      { $set: { 'info.x': 2 } },
      { $group: { _id: '$branchId', n: { $sum: 1 } } },
      { $lookup: { from: 'orgs', localField: '_id', foreignField: '_id', as: 'org' } },
      { $unwind: '$org' },
      { $sort: { _id: 1 } },
      { $project: { _id: 1, n: 1, name: '$org.name' } },
    ]);
    expect(rows).toEqual([
      { _id: 'b1', n: 1, name: '一支部' },
      { _id: 'b2', n: 1, name: '二支部' },
    ]);
    expect(engine.find('members').map((m) => (m.info as { x: number }).x)).toEqual([1, 1, 1]);
  });

  it('narrows by indexes without changing results', () => {
    const docs = Array.from({ length: 200 }, (_, i) => ({
      _id: `m${i}`,
      openid: i % 3 === 0 ? undefined : `o${i}`,
      branchId: `b${i % 7}`,
      tags: i % 2 ? ['x', `t${i % 5}`] : [],
      score: i % 11,
    }));
    const plain = openEngine({ dataDir: ':memory:' });
    plain.createCollection('members');
    plain.insertMany('members', structuredClone(docs));
    engine.insertMany('members', docs);
    const queries = [
      { branchId: 'b3' },
      { branchId: { $eq: 'b3' }, score: { $gt: 4 } },
      { branchId: { $in: ['b1', 'b2'] } },
      { tags: 't3' },
      { tags: { $in: ['t1', /^t4/] } },
      { $and: [{ branchId: 'b2' }, { tags: 'x' }] },
      { _id: { $in: ['m1', 'm1', 'm5', 'missing'] } },
      { openid: null },
      { branchId: 'b1', $or: [{ score: 1 }, { score: 2 }] },
      { $or: [{ branchId: 'b3' }, { _id: { $in: ['m1', 'm2'] } }] },
      { $or: [{ branchId: 'b3' }, { score: 1 }] },
    ];
    for (const q of queries) expect(engine.find('members', q)).toEqual(expect.arrayContaining(plain.find('members', q)));
    for (const q of queries) expect(engine.count('members', q)).toBe(plain.count('members', q));
    plain.close();
  });

  describe('unique indexes', () => {
    it('refuses duplicates on insert, update and upsert', () => {
      engine.insert('members', { _id: 'a', openid: 'o1' });
      expect(codeOf(() => engine.insert('members', { openid: 'o1' }))).toBe('DATABASE_DUPLICATE_WRITE');
      engine.insert('members', { _id: 'b', openid: 'o2' });
      expect(codeOf(() => engine.update('members', { _id: 'b' }, { $set: { openid: 'o1' } }))).toBe('DATABASE_DUPLICATE_WRITE');
      expect(codeOf(() => engine.update('members', { _id: 'c' }, { openid: 'o1' }, { replace: true, upsert: true }))).toBe(
        'DATABASE_DUPLICATE_WRITE',
      );
      expect(engine.find('members', {}, { sort: { _id: 1 } }).map((m) => m.openid)).toEqual(['o1', 'o2']);
    });

    it('allows swapping values within one batch and freeing a value by removal', () => {
      engine.insert('members', [
        { _id: 'a', openid: 'o1' },
        { _id: 'b', openid: 'o2' },
      ]);
      engine.remove('members', { _id: 'a' });
      engine.insert('members', { _id: 'c', openid: 'o1' });
      expect(engine.count('members', { openid: 'o1' })).toBe(1);
    });

    it('lets sparse indexes hold many documents without the field', () => {
      engine.insert('members', [{ name: 'x' }, { name: 'y' }]);
      expect(engine.count('members')).toBe(2);
    });

    it('rolls back a whole batch that contains a duplicate', () => {
      expect(codeOf(() => engine.insertMany('members', [{ openid: 'p' }, { openid: 'q' }, { openid: 'p' }]))).toBe(
        'DATABASE_DUPLICATE_WRITE',
      );
      expect(engine.count('members')).toBe(0);
    });
  });
});

describe('engine durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'devcloud-engine-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps collections, documents, types and order across a restart', () => {
    const first = openEngine({ dataDir: dir, indexManifest: manifest });
    first.createCollection('extra');
    first.insert('extra', [
      { _id: 'z', at: new Date('2024-05-01T08:00:00Z'), big: 2 ** 40, re: /ab+c/i, nested: { list: [1, 'two', null] } },
      { _id: 'a', n: 1.5 },
    ]);
    first.update('extra', { _id: 'a' }, { $inc: { n: 1 } });
    first.insert('members', { _id: 'm', openid: 'o1' });
    first.remove('extra', { _id: 'nothing' });
    first.close();

    const second = openEngine({ dataDir: dir, indexManifest: manifest });
    expect(second.listCollections().sort()).toEqual(['extra', 'members', 'orgs']);
    expect(second.find('extra')).toEqual([
      { _id: 'z', at: new Date('2024-05-01T08:00:00Z'), big: 2 ** 40, re: /ab+c/i, nested: { list: [1, 'two', null] } },
      { _id: 'a', n: 2.5 },
    ]);
    // the unique index is rebuilt from the stored documents
    expect(codeOf(() => second.insert('members', { openid: 'o1' }))).toBe('DATABASE_DUPLICATE_WRITE');
    second.close();
  });

  it('bulk-loads county-scale data in one batch', () => {
    const first = openEngine({ dataDir: dir, indexManifest: manifest });
    const members = Array.from({ length: 20_000 }, (_, i) => ({
      openid: `o${i}`,
      branchId: `b${i % 600}`,
      joinedAt: new Date(2020, 0, 1 + (i % 365)),
    }));
    expect(first.insertMany('members', members)).toHaveLength(20_000);
    first.close();
    const second = openEngine({ dataDir: dir, indexManifest: manifest });
    expect(second.count('members')).toBe(20_000);
    expect(second.count('members', { branchId: 'b7' })).toBe(34);
    second.close();
  });
});
