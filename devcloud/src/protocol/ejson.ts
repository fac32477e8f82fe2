/**
 * The EJSON codec of the wire and of the SQLite store.
 *
 * The SDK (@cloudbase/database 1.4.3) writes queries, updates and documents with bson 4's
 * `EJSON.stringify(v, { relaxed: false })` and reads replies with `EJSON.parse` (relaxed by default), so
 * requests are decoded with bson itself. Replies and stored documents are encoded through plain
 * JSON.stringify after a pass that emits the same type wrappers bson's parser understands ($date, $regularExpression,
 * $numberDouble for non-finite numbers, bson's own form for ObjectId & co): byte-for-byte different
 * from bson's canonical output but read back identically, and an order of magnitude faster (county
 * scale means 20,000-document loads and 1,000-document replies).
 */
import { BSONRegExp, EJSON } from 'bson';

/** MongoDB regex options JavaScript understands; `x` (extended) and `l` (locale) have no JS equivalent. */
const PORTABLE_OPTIONS = /[imsu]/g;

function portableOptions(options: string): string {
  return (options.match(PORTABLE_OPTIONS) ?? []).join('');
}

/** Parses a request's EJSON with bson (as the platform does) into plain JS values (Date, RegExp, numbers). */
export function decodeEjson(text: string): unknown {
  return toJsValues(EJSON.parse(text));
}

/** mingo evaluates JS RegExp objects; bson hands us BSONRegExp. */
function toJsValues(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, portableOptions(value.options));
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toJsValues(value[i]);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) value[key] = toJsValues(value[key]);
  }
  return value;
}

/** Serialises JS values as EJSON that bson's `EJSON.parse` (the SDK's reader) restores exactly. */
export function encodeEjson(value: unknown): string {
  return JSON.stringify(toJsonValues(value));
}

/** A copy in which every non-JSON value is already its EJSON wrapper (faster than a JSON.stringify replacer). */
function toJsonValues(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0))) return value;
    return { $numberDouble: Object.is(value, -0) ? '-0.0' : String(value) };
  }
  if (Array.isArray(value)) return value.map(toJsonValues);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = toJsonValues(value[key]);
    return out;
  }
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: portableOptions(value.flags) } };
  return EJSON.serialize(value, { relaxed: false });
}

/**
 * Parses what `encodeEjson` wrote (the SQLite store). Walks JSON.parse's output and revives the type
 * wrappers itself; anything rarer than dates, numbers and regexes goes through bson.
 */
export function decodeStoredEjson(text: string): unknown {
  return revive(JSON.parse(text));
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const first = keys[0];
  if (first !== undefined && first.charCodeAt(0) === 36 /* $ */) {
    switch (first) {
      case '$date': {
        const date = record.$date as { $numberLong?: string } | number | string;
        return new Date(typeof date === 'object' ? Number(date.$numberLong) : typeof date === 'number' ? date : Date.parse(date));
      }
      case '$numberDouble':
      case '$numberInt':
      case '$numberLong':
        return Number(record[first]);
      case '$regularExpression': {
        const re = record.$regularExpression as { pattern: string; options: string };
        return new RegExp(re.pattern, portableOptions(re.options));
      }
      default:
        return toJsValues(EJSON.deserialize(record));
    }
  }
  for (const key of keys) record[key] = revive(record[key]);
  return record;
}

/**
 * A JSON-like object (not a Date, RegExp, bson class instance or array). Realm-independent on purpose:
 * jest runs tests in a vm context whose Object.prototype differs from the one of Node's globals.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]');
}
