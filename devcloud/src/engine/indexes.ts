import { documentKey } from './document-id';
import { EngineError } from './errors';
import { equalityKey, isIndexableScalar, valuesAtPath } from './field-values';
import type { IndexSpec } from './index-manifest';
import type { Document, Filter } from './types';

/** One document change as the indexes see it: `after` null means removal. */
export interface IndexedChange {
  key: string;
  before: Document | undefined;
  after: Document | null;
}

/** field value → keys of the documents holding it (multikey: each array element counts). */
class EqualityIndex {
  private readonly entries = new Map<string, Set<string>>();
  private readonly segments: string[];

  constructor(path: string) {
    this.segments = path.split('.');
  }

  add(key: string, doc: Document): void {
    for (const valueKey of this.scalarKeys(doc)) {
      let keys = this.entries.get(valueKey);
      if (!keys) this.entries.set(valueKey, (keys = new Set()));
      keys.add(key);
    }
  }

  remove(key: string, doc: Document): void {
    for (const valueKey of this.scalarKeys(doc)) {
      const keys = this.entries.get(valueKey);
      keys?.delete(key);
      if (keys?.size === 0) this.entries.delete(valueKey);
    }
  }

  lookup(value: unknown): ReadonlySet<string> {
    return this.entries.get(equalityKey(value)) ?? EMPTY;
  }

  private scalarKeys(doc: Document): Iterable<string> {
    const values = valuesAtPath(doc, this.segments);
    // The common case, one scalar, without allocating a set.
    if (values.length === 1) return isIndexableScalar(values[0]) ? [equalityKey(values[0])] : [];
    return new Set(values.filter(isIndexableScalar).map(equalityKey));
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** A unique index: tuple of field values → the one document that holds it. */
class UniqueConstraint {
  private readonly owners = new Map<string, string>();
  private readonly paths: string[][];

  constructor(readonly spec: IndexSpec) {
    this.paths = Object.keys(spec.fields).map((path) => path.split('.'));
  }

  /** MongoDB semantics: a missing field indexes as null (so two such documents collide) unless sparse. */
  tuples(doc: Document): string[] {
    const perField = this.paths.map((segments) => {
      const values = valuesAtPath(doc, segments);
      return values.length === 0 ? null : [...new Set(values.map(equalityKey))];
    });
    if (this.spec.sparse && perField.every((keys) => keys === null)) return [];
    return perField.reduce<string[]>(
      (tuples, keys) => tuples.flatMap((prefix) => (keys ?? ['z']).map((k) => (prefix ? `${prefix}\u0000${k}` : k))),
      [''],
    );
  }

  add(key: string, doc: Document): void {
    for (const tuple of this.tuples(doc)) this.owners.set(tuple, key);
  }

  remove(key: string, doc: Document): void {
    for (const tuple of this.tuples(doc)) if (this.owners.get(tuple) === key) this.owners.delete(tuple);
  }

  /** Rejects a batch that would leave two documents with the same tuple. */
  check(changes: readonly IndexedChange[], collection: string): void {
    const changing = new Set(changes.map((change) => change.key));
    const claimed = new Map<string, string>();
    for (const { key, after } of changes) {
      if (!after) continue;
      for (const tuple of this.tuples(after)) {
        const owner = this.owners.get(tuple);
        const clash = (owner !== undefined && owner !== key && !changing.has(owner)) || (claimed.get(tuple) ?? key) !== key;
        if (clash) {
          throw new EngineError(
            'DATABASE_DUPLICATE_WRITE',
            `E11000 duplicate key error collection: ${collection} index: ${this.spec.name} dup key: ${describeTuple(this.spec, after)}`,
          );
        }
        claimed.set(tuple, key);
      }
    }
  }
}

function describeTuple(spec: IndexSpec, doc: Document): string {
  const shown = Object.keys(spec.fields).map((path) => `${path}: ${JSON.stringify(valuesAtPath(doc, path.split('.'))[0] ?? null)}`);
  return `{ ${shown.join(', ')} }`;
}

/**
 * A collection's secondary indexes. They only ever narrow candidates (a superset of the matches);
 * mingo still evaluates the whole filter on every candidate, so an index can never change a result.
 */
export class CollectionIndexes {
  private readonly equality = new Map<string, EqualityIndex>();
  private readonly unique: UniqueConstraint[];

  constructor(specs: readonly IndexSpec[]) {
    for (const spec of specs) {
      for (const path of Object.keys(spec.fields)) {
        if (!this.equality.has(path)) this.equality.set(path, new EqualityIndex(path));
      }
    }
    this.unique = specs.filter((spec) => spec.unique).map((spec) => new UniqueConstraint(spec));
  }

  add(key: string, doc: Document): void {
    for (const index of this.equality.values()) index.add(key, doc);
    for (const constraint of this.unique) constraint.add(key, doc);
  }

  remove(key: string, doc: Document): void {
    for (const index of this.equality.values()) index.remove(key, doc);
    for (const constraint of this.unique) constraint.remove(key, doc);
  }

  checkUnique(changes: readonly IndexedChange[], collection: string): void {
    for (const constraint of this.unique) constraint.check(changes, collection);
  }

  /**
   * Keys of the documents that can match `filter`, or null when no equality condition on `_id` or an
   * indexed field narrows it (then every document is a candidate). The smallest narrowing wins.
   */
  candidates(filter: Filter): ReadonlySet<string> | null {
    let best: { keys: ReadonlySet<string>; size: number } | null = null;
    const consider = (keys: ReadonlySet<string>, size: number): void => {
      if (!best || size < best.size) best = { keys, size };
    };
    for (const [field, condition] of Object.entries(filter)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const part of condition) {
          const narrowed = part !== null && typeof part === 'object' ? this.candidates(part as Filter) : null;
          if (narrowed) consider(narrowed, narrowed.size);
        }
        continue;
      }
      // An $or narrows only when every alternative does: the union of theirs.
      if (field === '$or' && Array.isArray(condition) && condition.length > 0) {
        const union = new Set<string>();
        const all = condition.every((part) => {
          const narrowed = part !== null && typeof part === 'object' ? this.candidates(part as Filter) : null;
          if (narrowed) for (const key of narrowed) union.add(key);
          return narrowed !== null;
        });
        if (all) consider(union, union.size);
        continue;
      }
      const values = equalityValues(condition);
      if (!values) continue;
      if (field === '_id') {
        const keys = new Set(values.map(documentKey));
        consider(keys, keys.size);
        continue;
      }
      const index = this.equality.get(field);
      if (!index) continue;
      if (values.length === 1) {
        const keys = index.lookup(values[0]);
        consider(keys, keys.size);
      } else {
        const keys = new Set<string>();
        for (const value of values) for (const key of index.lookup(value)) keys.add(key);
        consider(keys, keys.size);
      }
    }
    return (best as { keys: ReadonlySet<string> } | null)?.keys ?? null;
  }
}

/** The values an equality-like condition accepts, when all of them are indexable scalars. */
function equalityValues(condition: unknown): unknown[] | null {
  if (isIndexableScalar(condition)) return [condition];
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition) || condition instanceof RegExp) return null;
  const ops = condition as Record<string, unknown>;
  if ('$eq' in ops && isIndexableScalar(ops.$eq)) return [ops.$eq];
  if ('$in' in ops && Array.isArray(ops.$in) && ops.$in.every(isIndexableScalar)) return ops.$in;
  return null;
}
