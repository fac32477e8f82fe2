import { randomUUID } from 'node:crypto';
import { encodeEjson } from '../protocol/ejson';

/**
 * CloudBase generates 32 hex characters for `_id` when a document arrives without one. A UUID without its
 * dashes has that shape, and randomUUID draws from a cached entropy pool (bulk loads create 20,000 ids).
 */
export function newDocumentId(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * The map/SQLite key of a document. `_id` is usually a string, but `doc(123)` is legal in the SDK, so other
 * types get a prefix that no string id starts with (U+0001) and their EJSON form, keeping 123 ≠ "123".
 */
export function documentKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0001${encodeEjson(id)}`;
}
