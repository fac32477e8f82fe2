import { isPlainObject } from '../protocol/ejson';

/**
 * A deep copy of a document value: plain objects, arrays, Dates and RegExps are copied; anything else
 * (bson values such as ObjectId, primitives) is immutable and shared. Unlike structuredClone it keeps
 * class instances and creates values in the caller's realm.
 */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = deepCopy(value[key]);
    return out as T;
  }
  return value;
}
