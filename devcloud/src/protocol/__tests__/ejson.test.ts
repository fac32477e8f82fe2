import { EJSON, ObjectId } from 'bson';
import { decodeEjson, decodeStoredEjson, encodeEjson, isPlainObject } from '../ejson';

const sample = {
  int: 30,
  double: 1.5,
  long: 1_700_000_000_000,
  beyondInt53: 2 ** 53 + 2,
  negativeZero: -0,
  nan: NaN,
  inf: -Infinity,
  date: new Date('2026-03-10T01:02:03.004Z'),
  regex: /^支部/i,
  text: '每月一学',
  nested: { list: [1, 'two', null, { deep: new Date(0) }], empty: {} },
  nothing: null,
};

describe('EJSON codec', () => {
  it('decodes what the SDK sends (bson canonical EJSON) into JS values', () => {
    // bson writes -0 as $numberInt "0": the SDK itself cannot send a negative zero.
    const { negativeZero: _, ...sent } = sample;
    expect(decodeEjson(EJSON.stringify(sent, { relaxed: false }))).toEqual(sent);
  });

  it('encodes replies that the SDK (bson EJSON.parse) reads back exactly', () => {
    const parsed = EJSON.parse(encodeEjson(sample)) as Record<string, unknown>;
    expect(parsed).toEqual({ ...sample, regex: expect.objectContaining({ pattern: '^支部', options: 'i' }) });
    expect(Object.is(parsed.negativeZero, -0)).toBe(true);
  });

  it('stores and restores documents through its own fast reader', () => {
    expect(decodeStoredEjson(encodeEjson(sample))).toEqual(sample);
  });

  it('keeps rarer bson values through bson itself', () => {
    const id = new ObjectId('5f1b2c3d4e5f6a7b8c9d0e1f');
    const restored = decodeStoredEjson(encodeEjson({ id })) as { id: ObjectId };
    expect(restored.id.toHexString()).toBe('5f1b2c3d4e5f6a7b8c9d0e1f');
  });

  it('drops regex flags bson cannot carry instead of throwing', () => {
    expect(decodeStoredEjson(encodeEjson({ re: /a/gi }))).toEqual({ re: /a/i });
    expect(decodeEjson('{"re":{"$regularExpression":{"pattern":"a b","options":"ix"}}}')).toEqual({ re: /a b/i });
  });

  it('recognises plain objects from any realm but not class instances', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(structuredClone({ a: 1 }))).toBe(true);
    expect(isPlainObject(new Date('2027-04-30T15:59:40Z'))).toBe(false);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new ObjectId())).toBe(false);
  });
});
