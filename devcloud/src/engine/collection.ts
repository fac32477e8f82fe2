import { documentKey } from './document-id';
import type { IndexSpec } from './index-manifest';
import { CollectionIndexes } from './indexes';
import { compileFilter } from './mongo-compat';
import type { Document, Filter } from './types';

/**
 * A collection's committed documents, parsed once and kept in memory (insertion order = MongoDB's natural
 * order), with its indexes. Only the engine mutates it, after SQLite has accepted the change.
 */
export class Collection {
  private readonly docs = new Map<string, Document>();
  readonly indexes: CollectionIndexes;

  constructor(
    readonly name: string,
    indexSpecs: readonly IndexSpec[],
  ) {
    this.indexes = new CollectionIndexes(indexSpecs);
  }

  get size(): number {
    return this.docs.size;
  }

  get(key: string): Document | undefined {
    return this.docs.get(key);
  }

  all(): IterableIterator<Document> {
    return this.docs.values();
  }

  /** Puts (or with null removes) the committed state of a document. */
  apply(key: string, doc: Document | null): void {
    const before = this.docs.get(key);
    if (before) this.indexes.remove(key, before);
    if (doc) {
      this.docs.set(key, doc);
      this.indexes.add(key, doc);
    } else {
      this.docs.delete(key);
    }
  }

  load(doc: Document): void {
    this.apply(documentKey(doc._id), doc);
  }

  /** Committed documents matching `filter` (at most `limit`); the indexes pick the candidates, mingo decides. */
  matching(filter: Filter, options: { limit?: number } = {}): Document[] {
    const keys = this.indexes.candidates(filter);
    const source: Iterable<Document | undefined> = keys ? mapKeys(keys, this.docs) : this.docs.values();
    const test = Object.keys(filter).length === 0 ? null : compileFilter(filter);
    const out: Document[] = [];
    for (const doc of source) {
      if (!doc || (test && !test(doc))) continue;
      out.push(doc);
      if (out.length === options.limit) break;
    }
    return out;
  }
}

function* mapKeys(keys: Iterable<string>, docs: ReadonlyMap<string, Document>): Generator<Document | undefined> {
  for (const key of keys) yield docs.get(key);
}
