/**
 * The part of wx-server-sdk's database API this codebase uses, typed strictly: the SDK's own typings return
 * `Promise<T> | void | string` for every call. `createFunction` obtains the real database with
 * `throwOnNotFound: false`, so `doc(id).get()` answers `{ data: null }` for a missing document instead of
 * throwing. Only repositories use these types.
 */
export type DocData = Record<string, unknown>;

/** A value built by `db.command` (query or update operator); opaque to us, understood by the SDK. */
export type DbCommandValue = { readonly __brand?: 'DbCommandValue' };

export interface DbCommand {
  eq(value: unknown): DbCommandValue;
  neq(value: unknown): DbCommandValue;
  gt(value: unknown): DbCommandValue;
  gte(value: unknown): DbCommandValue;
  lt(value: unknown): DbCommandValue;
  lte(value: unknown): DbCommandValue;
  in(values: readonly unknown[]): DbCommandValue;
  nin(values: readonly unknown[]): DbCommandValue;
  exists(present: boolean): DbCommandValue;
  pull(value: unknown): DbCommandValue;
  push(value: unknown): DbCommandValue;
  inc(by: number): DbCommandValue;
  remove(): DbCommandValue;
}

export interface DbDocumentRef {
  get(): Promise<{ data: DocData | null }>;
  set(options: { data: DocData }): Promise<unknown>;
  update(options: { data: DocData }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface DbQuery {
  where(condition: DocData): DbQuery;
  orderBy(field: string, order: 'asc' | 'desc'): DbQuery;
  skip(offset: number): DbQuery;
  limit(max: number): DbQuery;
  field(projection: Record<string, boolean>): DbQuery;
  get(): Promise<{ data: DocData[] }>;
  count(): Promise<{ total: number }>;
}

/** An aggregation pipeline; stage values are plain MongoDB syntax (`{ $sum: 1 }`). Always end with a limit. */
export interface DbAggregate {
  match(condition: DocData): DbAggregate;
  unwind(field: string): DbAggregate;
  group(spec: DocData): DbAggregate;
  sort(spec: Record<string, 1 | -1>): DbAggregate;
  limit(max: number): DbAggregate;
  end(): Promise<{ list: DocData[] }>;
}

export interface DbCollection extends DbQuery {
  doc(id: string): DbDocumentRef;
  add(options: { data: DocData }): Promise<{ _id: string }>;
  /** Several documents in one request (one `insertDocument` carrying them all). */
  add(options: { data: DocData[] }): Promise<{ ids: string[] }>;
  aggregate(): DbAggregate;
  /** `where(...).update()` / `.remove()` on every match, one request. */
  where(condition: DocData): DbQuery & DbMultiWrite;
}

export interface DbMultiWrite {
  update(options: { data: DocData }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

/** Document-level access, the same inside a transaction and outside it (the platform allows no `where` in one). */
export interface DocStore {
  collection(name: string): { doc(id: string): DbDocumentRef; add(options: { data: DocData }): Promise<{ _id: string }> };
}

export type DbTransaction = DocStore;

export interface Db extends DocStore {
  collection(name: string): DbCollection;
  readonly command: DbCommand;
  /** A regular expression a query can match on (`{ name: db.RegExp({ regexp: '王', options: 'i' }) }`). */
  RegExp(options: { regexp: string; options?: string }): DbCommandValue;
  /**
   * Runs `work` in a transaction: retried on a write conflict (see withConflictRetry), rolled back when `work`
   * throws (the thrown error comes back out), and its return value is returned. `retries` counts attempts.
   */
  runTransaction<T>(work: (tx: DbTransaction) => Promise<T>, retries?: number): Promise<T>;
}
