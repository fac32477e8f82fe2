import { isPlainObject, decodeEjson } from '../protocol/ejson';
import { AdminActionError } from '../server/admin-actions';
import type { Document, Filter } from '../engine';
import { resolveServerDates } from './server-date';
import { devcloudNow } from '../clock/clock';

/**
 * Typed access to a database request body. The SDK sends structured values (queries, orders, projections,
 * documents, updates) as EJSON strings and scalars (limit, offset, multi…) as plain JSON.
 */
export class RequestParams {
  /** One clock reading per request: every serverDate() in it resolves to the same instant. */
  private readonly now = devcloudNow();

  constructor(private readonly body: Record<string, unknown>) {}

  collectionName(): string {
    const name = this.body.collectionName;
    if (typeof name !== 'string' || name.length === 0) throw invalid('collectionName is required');
    return name;
  }

  transactionId(): string | undefined {
    const id = this.body.transactionId;
    if (id === undefined || id === null || id === '') return undefined;
    if (typeof id !== 'string') throw invalid('transactionId must be a string');
    return id;
  }

  requiredTransactionId(): string {
    const id = this.transactionId();
    if (!id) throw invalid('transactionId is required');
    return id;
  }

  /** The query; absent or empty means every document. */
  query(): Filter {
    return this.optionalObject('query') ?? {};
  }

  optionalObject(name: string): Record<string, unknown> | undefined {
    const value = this.optionalEjson(name);
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) throw invalid(`${name} must be an object`);
    return value;
  }

  requiredObject(name: string): Record<string, unknown> {
    const value = this.optionalObject(name);
    if (!value) throw invalid(`${name} is required`);
    return value;
  }

  /** `insertDocument` sends its documents as an array of EJSON strings. */
  documents(): Document[] {
    const raw = this.body.data;
    const items = Array.isArray(raw) ? raw : [raw];
    if (items.length === 0) throw invalid('data must hold at least one document');
    return items.map((item) => {
      const doc = this.decode(item, 'data');
      if (!isPlainObject(doc)) throw invalid('every document must be an object');
      return doc;
    });
  }

  /** A JSON value that may also arrive as an EJSON string (aggregate stage values). */
  decode(raw: unknown, name: string): unknown {
    if (typeof raw !== 'string') return resolveServerDates(raw, this.now);
    try {
      return resolveServerDates(decodeEjson(raw), this.now);
    } catch (err) {
      throw invalid(`${name} is not valid EJSON: ${(err as Error).message}`);
    }
  }

  optionalNumber(name: string): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalid(`${name} must be a non-negative integer`);
    return value;
  }

  flag(name: string, fallback: boolean): boolean {
    const value = this.body[name];
    return typeof value === 'boolean' ? value : fallback;
  }

  raw(name: string): unknown {
    return this.body[name];
  }

  private optionalEjson(name: string): unknown {
    const raw = this.body[name];
    if (raw === undefined || raw === null || raw === '') return undefined;
    return this.decode(raw, name);
  }
}

export function invalid(message: string): AdminActionError {
  return new AdminActionError('INVALID_PARAM', message);
}
