import { isDeepStrictEqual } from 'node:util';
import { isPlainObject } from '../protocol/ejson';
import { Collection } from './collection';
import { deepCopy as copy } from './deep-copy';
import { documentKey, newDocumentId } from './document-id';
import { collectionNotExist, EngineError } from './errors';
import type { IndexManifest } from './index-manifest';
import type { IndexedChange } from './indexes';
import { applyUpdate, compileFilter, isOperatorUpdate, runPipeline, shapeResults } from './mongo-compat';
import { SqliteStore } from './sqlite-store';
import { devcloudNow } from '../clock/clock';
import { type BufferedWrite, type Transaction, TransactionRegistry, transactionConflict } from './transactions';
import type {
  Document,
  Filter,
  FindOptions,
  Pipeline,
  RemoveOptions,
  TransactionOption,
  UpdateOptions,
  UpdateResult,
  UpdateSpec,
} from './types';
import { fullKey, WriteLog } from './write-log';
import { equalityJoin, equalityLookupOf, readsOnly } from './lookup';
import { compileStage, type CompiledStage } from './compiled-stages';

export interface EngineOptions {
  /** Directory for the SQLite file (created if missing), or ':memory:' for a throwaway database. */
  dataDir: string;
  /** Collections to create on open and their indexes (see index-manifest.ts). */
  indexManifest?: IndexManifest;
  /** The platform aborts transactions not committed within 30 s. */
  transactionTimeoutMs?: number;
  /** How long a plain write waits for a transaction's lock on its document before it fails (default 5 s). */
  lockTimeoutMs?: number;
  /** Clock for transaction expiry and lock timeouts (tests); devcloud's clock by default. */
  now?: () => number;
}

/**
 * A plain write met a document locked by an open transaction. `whenUnlocked` waits and retries; a caller
 * that does not wait gets it as a request failure.
 */
export class DocumentLocked extends EngineError {
  constructor() {
    super('DATABASE_REQUEST_FAILED', 'devcloud: the document is locked by an open transaction');
  }
}

/** How often a waiting plain write looks again (a release wakes it at once; this catches expiries). */
const LOCK_POLL_MS = 50;

export function openEngine(options: EngineOptions): Engine {
  return new Engine(options);
}

/**
 * The local CloudBase database: collections of documents with MongoDB semantics (mingo), durable in SQLite,
 * served from memory, with snapshot-isolated transactions and transaction locks as WeChat documents them
 * (云开发 › 数据库 › 事务): a transaction's write locks the document; another transaction's write to it fails
 * at once with TransactionConflict (first writer wins), and so does a write to a document committed by
 * anyone after the transaction's snapshot; a plain write to it waits until the lock is released or times
 * out. Results are copies: callers may modify what they get without touching the stored documents.
 */
export class Engine {
  private readonly store: SqliteStore;
  private readonly collections = new Map<string, Collection>();
  private readonly log = new WriteLog();
  private readonly transactions: TransactionRegistry;
  private readonly manifest: IndexManifest;
  /** Transaction locks: full document key → id of the open transaction that wrote it. */
  private readonly locks = new Map<string, string>();
  /** The transaction whose writes `commitWrites` is applying (its own locks do not stop it). */
  private committingTransaction: string | null = null;
  private readonly lockWaiters = new Set<() => void>();
  private readonly lockTimeoutMs: number;
  private readonly now: () => number;

  constructor(options: EngineOptions) {
    this.manifest = options.indexManifest ?? { collections: {} };
    this.now = options.now ?? devcloudNow;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 5_000;
    this.transactions = new TransactionRegistry(options.transactionTimeoutMs ?? 30_000, this.now, (t) => this.releaseLocks(t));
    this.store = new SqliteStore(options.dataDir);
    try {
      for (const name of this.store.collectionNames()) {
        const collection = this.newCollection(name);
        for (const doc of this.store.documents(name)) collection.load(doc);
      }
      for (const name of Object.keys(this.manifest.collections)) this.createCollection(name);
    } catch (err) {
      this.store.close();
      throw err;
    }
  }

  // ── collections ────────────────────────────────────────────────────────────────────────────

  /** Creates the collection; false when it already exists. */
  createCollection(name: string): boolean {
    if (typeof name !== 'string' || name.length === 0 || name.includes('\u0000') || name.startsWith('$')) {
      throw new EngineError('INVALID_PARAM', `invalid collection name: ${String(name)}`);
    }
    if (this.collections.has(name)) return false;
    this.store.createCollection(name);
    this.newCollection(name);
    return true;
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  listCollections(): string[] {
    return [...this.collections.keys()];
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────────

  find(collectionName: string, filter: Filter = {}, options: FindOptions = {}): Document[] {
    const collection = this.collection(collectionName);
    const { transactionId, ...shape } = options;
    // Without a sort, the first skip+limit matches are the answer: stop scanning there.
    const enough = shape.sort || shape.limit === undefined ? undefined : (shape.skip ?? 0) + shape.limit;
    const matches = transactionId
      ? this.transactionalMatch(transactionId, collection, filter)
      : collection.matching(filter, { limit: enough });
    return shapeResults(matches, shape).map(copy);
  }

  count(collectionName: string, filter: Filter = {}): number {
    const collection = this.collection(collectionName);
    return Object.keys(filter).length === 0 ? collection.size : collection.matching(filter).length;
  }

  aggregate(collectionName: string, pipeline: Pipeline): Document[] {
    const collection = this.collection(collectionName);
    // A leading $match uses the indexes; everything after it works on copies (mingo may write into them).
    const [first, ...rest] = pipeline;
    const leadingMatch = first && isPlainObject(first.$match) && Object.keys(first).length === 1 ? first.$match : null;
    let docs = (leadingMatch ? collection.matching(leadingMatch) : [...collection.all()]).map(copy);
    const foreign = new Map<string, Document[]>();
    const resolveCollection = (name: string): Document[] => {
      let found = foreign.get(name);
      if (!found) foreign.set(name, (found = [...(this.collections.get(name)?.all() ?? [])].map(copy)));
      return found;
    };
    // Equality $lookups run as hash joins on the stored documents (see lookup.ts); mingo runs the stages between.
    // When no stage writes into nested values, joined documents are shared and only the output is copied.
    const stages = leadingMatch ? rest : pipeline;
    const share = readsOnly(stages);
    let pending: Pipeline = [];
    for (const stage of stages) {
      const lookup = equalityLookupOf(stage);
      if (lookup) {
        if (pending.length > 0) docs = runPipeline(docs, pending, resolveCollection);
        pending = [];
        const joined = equalityJoin(docs, lookup, this.collections.get(lookup.from), share);
        if (joined) {
          docs = joined;
          continue;
        }
      }
      // Projections and sums the compiler knows run as closures (see compiled-stages.ts), mingo otherwise.
      const compiled = lookup ? null : compileStage(stage);
      if (compiled) {
        if (pending.length > 0) docs = runPipeline(docs, pending, resolveCollection);
        pending = [];
        docs = runCompiled(docs, compiled, stage, resolveCollection);
        continue;
      }
      pending.push(stage);
    }
    const out = pending.length > 0 ? runPipeline(docs, pending, resolveCollection) : docs;
    return share ? out.map(copy) : out;
  }

  // ── writes ─────────────────────────────────────────────────────────────────────────────────

  /** Inserts documents (one atomic batch); returns their `_id`s, generated where absent. */
  insert(collectionName: string, docs: Document | Document[], options: TransactionOption = {}): unknown[] {
    const collection = this.collection(collectionName);
    const prepared = (Array.isArray(docs) ? docs : [docs]).map((doc) => {
      if (!isPlainObject(doc)) throw new EngineError('INVALID_PARAM', 'a document must be an object');
      const { _id, ...fields } = doc;
      return { _id: _id === undefined ? newDocumentId() : _id, ...copy(fields) } as Document;
    });
    const writes = prepared.map((doc): BufferedWrite => ({ collection: collection.name, key: documentKey(doc._id), doc }));
    const seen = new Set<string>();
    const transaction = options.transactionId ? this.openTransaction(options.transactionId) : null;
    for (const write of writes) {
      const exists = transaction
        ? this.readInTransaction(transaction, collection, write.key) !== null
        : collection.get(write.key) !== undefined;
      if (exists || seen.has(write.key)) throw duplicateId(collection.name, write.doc!._id);
      seen.add(write.key);
    }
    if (transaction) for (const write of writes) this.buffer(transaction, collection, write.key, write.doc);
    else this.commitWrites(writes);
    return prepared.map((doc) => doc._id);
  }

  /** Bulk load (seeders, benchmarks): the same atomic batch as `insert`, named for intent. */
  insertMany(collectionName: string, docs: Document[]): unknown[] {
    return this.insert(collectionName, docs);
  }

  update(collectionName: string, filter: Filter, update: UpdateSpec, options: UpdateOptions = {}): UpdateResult {
    const collection = this.collection(collectionName);
    const spec = normalizeUpdate(update, options.replace === true);
    if (options.transactionId) {
      const transaction = this.openTransaction(options.transactionId);
      const key = documentKey(singleIdOf(filter));
      const base = this.readInTransaction(transaction, collection, key);
      const next = base ? nextState(base, spec, filter, options.replace === true) : null;
      if (next) {
        if (next.changed) this.buffer(transaction, collection, key, next.doc);
        return { matched: 1, modified: next.changed ? 1 : 0 };
      }
      if (!options.upsert) return { matched: 0, modified: 0 };
      const created = upsertDocument(filter, spec, options.replace === true);
      this.buffer(transaction, collection, key, created);
      return { matched: 0, modified: 0, upsertedId: created._id };
    }
    const matches = collection.matching(filter, { limit: options.multi ? undefined : 1 });
    const writes: BufferedWrite[] = [];
    for (const doc of matches) {
      const next = nextState(doc, spec, filter, options.replace === true);
      if (next.changed) writes.push({ collection: collection.name, key: documentKey(doc._id), doc: next.doc });
    }
    if (matches.length === 0 && options.upsert) {
      const created = upsertDocument(filter, spec, options.replace === true);
      const key = documentKey(created._id);
      if (collection.get(key)) throw duplicateId(collection.name, created._id);
      this.commitWrites([{ collection: collection.name, key, doc: created }]);
      return { matched: 0, modified: 0, upsertedId: created._id };
    }
    this.commitWrites(writes);
    return { matched: matches.length, modified: writes.length };
  }

  /** Updates the first match (in `sort` order) and returns it as updated, or null when nothing matched. */
  findOneAndUpdate(
    collectionName: string,
    filter: Filter,
    update: UpdateSpec,
    options: TransactionOption & { sort?: FindOptions['sort'] } = {},
  ): Document | null {
    const collection = this.collection(collectionName);
    const spec = normalizeUpdate(update, false);
    if (options.transactionId) {
      const transaction = this.openTransaction(options.transactionId);
      const key = documentKey(singleIdOf(filter));
      const base = this.readInTransaction(transaction, collection, key);
      if (!base || !compileFilter(filter)(base)) return null;
      const next = nextState(base, spec, filter, false);
      if (next.changed) this.buffer(transaction, collection, key, next.doc);
      return copy(next.doc);
    }
    const sorted = options.sort
      ? shapeResults(collection.matching(filter), { sort: options.sort, limit: 1 })
      : collection.matching(filter, { limit: 1 });
    const target = sorted[0];
    if (!target) return null;
    const next = nextState(target, spec, filter, false);
    if (next.changed) this.commitWrites([{ collection: collection.name, key: documentKey(target._id), doc: next.doc }]);
    return copy(next.doc);
  }

  /** Removes the first match, or every match with `multi`; returns how many were removed. */
  remove(collectionName: string, filter: Filter, options: RemoveOptions = {}): number {
    const collection = this.collection(collectionName);
    if (options.transactionId) {
      const transaction = this.openTransaction(options.transactionId);
      const key = documentKey(singleIdOf(filter));
      if (!this.readInTransaction(transaction, collection, key)) return 0;
      this.buffer(transaction, collection, key, null);
      return 1;
    }
    const matches = collection.matching(filter, { limit: options.multi ? undefined : 1 });
    this.commitWrites(matches.map((doc) => ({ collection: collection.name, key: documentKey(doc._id), doc: null })));
    return matches.length;
  }

  // ── transactions ───────────────────────────────────────────────────────────────────────────

  startTransaction(): string {
    const id = this.transactions.start(this.log.current).id;
    // Starting also expires stale transactions; forget the versions only they needed.
    this.log.prune(this.transactions.oldestSnapshot());
    return id;
  }

  /**
   * Writes the transaction's snapshot atomically and releases its locks. Its writes were checked for
   * conflicts as they were made (and hold locks since), so only a unique index can still refuse them.
   * Either way it is over.
   */
  commitTransaction(id: string): void {
    const transaction = this.transactions.get(id);
    try {
      this.committingTransaction = id;
      this.commitWrites([...transaction.writes.values()]);
      this.endTransaction(id, 'committed');
    } catch (err) {
      this.endTransaction(id, 'failed');
      throw err;
    } finally {
      this.committingTransaction = null;
    }
  }

  /**
   * Runs a plain write, waiting while it meets a document a transaction has locked: until the lock is
   * released (commit, rollback, conflict or expiry), then again; after `lockTimeoutMs` it fails.
   */
  async whenUnlocked<T>(write: () => T): Promise<T> {
    const deadline = this.now() + this.lockTimeoutMs;
    for (;;) {
      this.transactions.expireStale(); // an expired transaction's locks go with it
      try {
        return write();
      } catch (err) {
        if (!(err instanceof DocumentLocked)) throw err;
      }
      if (this.now() >= deadline) {
        throw new EngineError(
          'DATABASE_REQUEST_FAILED',
          `devcloud: the document is locked by an open transaction and was not released within ${this.lockTimeoutMs} ms`,
        );
      }
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.lockWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, LOCK_POLL_MS);
        this.lockWaiters.add(wake);
      });
    }
  }

  abortTransaction(id: string): void {
    this.transactions.get(id);
    this.endTransaction(id, 'aborted');
  }

  close(): void {
    this.store.close();
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  private newCollection(name: string): Collection {
    const collection = new Collection(name, this.manifest.collections[name]?.indexes ?? []);
    this.collections.set(name, collection);
    return collection;
  }

  private collection(name: string): Collection {
    const collection = this.collections.get(name);
    if (!collection) throw collectionNotExist(name);
    return collection;
  }

  private openTransaction(id: string): Transaction {
    return this.transactions.get(id);
  }

  private endTransaction(id: string, outcome: 'committed' | 'aborted' | 'failed'): void {
    this.transactions.end(id, outcome);
    this.log.prune(this.transactions.oldestSnapshot());
  }

  /** A document as the transaction sees it: its own write, else the committed state at its snapshot. */
  private readInTransaction(transaction: Transaction, collection: Collection, key: string): Document | null {
    const id = fullKey(collection.name, key);
    const own = transaction.writes.get(id);
    if (own) return own.doc;
    return this.log.asOf(id, transaction.snapshot, collection.get(key) ?? null);
  }

  private transactionalMatch(transactionId: string, collection: Collection, filter: Filter): Document[] {
    const transaction = this.openTransaction(transactionId);
    const doc = this.readInTransaction(transaction, collection, documentKey(singleIdOf(filter)));
    return doc && compileFilter(filter)(doc) ? [doc] : [];
  }

  /**
   * Records a transaction's write, invisible to everyone else until commit, and locks the document. A
   * document locked by another transaction, or committed by anyone since this one's snapshot, is a conflict:
   * the transaction fails (releasing its locks, as the platform ends it) and the writer hears
   * TransactionConflict, which `runTransaction` retries on.
   */
  private buffer(transaction: Transaction, collection: Collection, key: string, doc: Document | null): void {
    const id = fullKey(collection.name, key);
    const holder = this.locks.get(id);
    if ((holder !== undefined && holder !== transaction.id) || this.log.changedSince(id, transaction.snapshot)) {
      this.endTransaction(transaction.id, 'failed');
      throw transactionConflict();
    }
    this.locks.set(id, transaction.id);
    transaction.writes.set(id, { collection: collection.name, key, doc });
  }

  private releaseLocks(transaction: Transaction): void {
    for (const id of transaction.writes.keys()) if (this.locks.get(id) === transaction.id) this.locks.delete(id);
    for (const wake of [...this.lockWaiters]) wake();
  }

  /** The one path by which documents change: lock checks, unique checks, then SQLite, then memory and versions. */
  private commitWrites(writes: readonly BufferedWrite[]): void {
    if (writes.length === 0) return;
    for (const { collection, key } of writes) {
      const holder = this.locks.get(fullKey(collection, key));
      if (holder !== undefined && holder !== this.committingTransaction) throw new DocumentLocked();
    }
    const byCollection = new Map<Collection, IndexedChange[]>();
    for (const { collection: name, key, doc } of writes) {
      const collection = this.collection(name);
      let changes = byCollection.get(collection);
      if (!changes) byCollection.set(collection, (changes = []));
      changes.push({ key, before: collection.get(key), after: doc });
    }
    for (const [collection, changes] of byCollection) collection.indexes.checkUnique(changes, collection.name);
    this.store.write(writes);
    const sequence = this.log.next();
    const versioned = this.transactions.hasOpen;
    for (const [collection, changes] of byCollection) {
      for (const { key, before, after } of changes) {
        if (versioned) this.log.record(fullKey(collection.name, key), before ?? null, sequence);
        collection.apply(key, after);
      }
    }
  }
}

/** Platform merge semantics: a plain object in an update means "set these fields". */
function normalizeUpdate(update: UpdateSpec, replace: boolean): UpdateSpec {
  if (!isPlainObject(update)) throw new EngineError('INVALID_PARAM', 'update must be an object');
  const keys = Object.keys(update);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (replace) {
    if (operators.length > 0) throw new EngineError('INVALID_PARAM', 'a replacement document cannot contain update operators');
    return update;
  }
  if (keys.length === 0) throw new EngineError('INVALID_PARAM', 'update must not be empty');
  if (isOperatorUpdate(update)) return update;
  if (operators.length > 0) throw new EngineError('INVALID_PARAM', 'cannot mix update operators and plain fields');
  return { $set: update };
}

function nextState(base: Document, update: UpdateSpec, filter: Filter, replace: boolean): { doc: Document; changed: boolean } {
  if (replace) {
    const { _id, ...fields } = update;
    if (_id !== undefined && !isDeepStrictEqual(_id, base._id)) {
      throw new EngineError('DATABASE_REQUEST_FAILED', "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    const doc = { _id: base._id, ...copy(fields) };
    return { doc, changed: !isDeepStrictEqual(doc, base) };
  }
  const doc = copy(base);
  const changed = applyUpdate(doc, update, filter);
  return { doc, changed };
}

/** MongoDB upsert: the new document starts from the filter's equality conditions (and its `_id`). */
function upsertDocument(filter: Filter, update: UpdateSpec, replace: boolean): Document {
  const seed: Document = {};
  const equalities = equalityFields(filter);
  if (replace) {
    const { _id, ...fields } = update;
    return { _id: equalities._id ?? _id ?? newDocumentId(), ...copy(fields) };
  }
  if (Object.keys(equalities).length > 0) applyUpdate(seed, { $set: equalities }, {});
  applyUpdate(seed, update, filter);
  return seed._id === undefined ? { _id: newDocumentId(), ...seed } : seed;
}

function equalityFields(filter: Filter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) Object.assign(out, equalityFields(part));
    } else if (!field.startsWith('$')) {
      if (!isPlainObject(condition)) out[field] = condition;
      else if (Object.keys(condition).length === 1 && '$eq' in condition) out[field] = condition.$eq;
      else if (!Object.keys(condition).some((k) => k.startsWith('$'))) out[field] = condition;
    }
  }
  return out;
}

/**
 * Inside a transaction the platform allows document-level operations only (`doc(id).get/set/update/remove`,
 * `add`), which reach us as a filter on `_id` alone.
 */
function singleIdOf(filter: Filter): unknown {
  const keys = Object.keys(filter);
  const id = filter._id;
  if (keys.length === 1 && keys[0] === '_id') {
    if (!isPlainObject(id)) return id;
    if (Object.keys(id).length === 1 && '$eq' in id) return id.$eq;
  }
  throw new EngineError('INVALID_PARAM', 'only document operations (doc(id).get/set/update/remove, add) are allowed in a transaction');
}

function duplicateId(collection: string, id: unknown): EngineError {
  return new EngineError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  );
}

/** A compiled stage's answer, or mingo's when the input leaves the compiled path (it left `docs` untouched). */
function runCompiled(
  docs: Document[],
  compiled: CompiledStage,
  stage: Record<string, unknown>,
  resolveCollection: (name: string) => Document[],
): Document[] {
  try {
    return compiled(docs);
  } catch {
    return runPipeline(docs, [stage], resolveCollection);
  }
}
