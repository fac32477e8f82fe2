import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decodeStoredEjson, encodeEjson } from '../protocol/ejson';
import type { Document } from './types';

/** One durable change: `doc` null removes the document. */
export interface StoredWrite {
  collection: string;
  key: string;
  doc: Document | null;
}

/**
 * SQLite is the durable copy; the engine serves every read from memory. Documents are stored as canonical
 * EJSON (dates and 64-bit numbers round-trip) in insertion order (rowid), which is the order MongoDB
 * returns unsorted results in. Each call is one short SQLite transaction: nothing holds the write lock
 * between requests.
 */
export class SqliteStore {
  private readonly db: Database.Database;
  private readonly statements: {
    insertCollection: Database.Statement<[string, number]>;
    upsertDocument: Database.Statement<[string, string, string]>;
    deleteDocument: Database.Statement<[string, string]>;
    listCollections: Database.Statement<[], { name: string }>;
    listDocuments: Database.Statement<[string], { body: string }>;
  };
  private readonly writeBatch: (writes: readonly StoredWrite[]) => void;

  constructor(dataDir: string) {
    if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir === ':memory:' ? ':memory:' : join(dataDir, 'devcloud.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL survives an application crash; only an OS crash can lose the last commits (fine locally).
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        collection TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (collection, key)
      );
    `);
    this.statements = {
      insertCollection: this.db.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)'),
      upsertDocument: this.db.prepare(
        'INSERT INTO documents (collection, key, body) VALUES (?, ?, ?) ON CONFLICT (collection, key) DO UPDATE SET body = excluded.body',
      ),
      deleteDocument: this.db.prepare('DELETE FROM documents WHERE collection = ? AND key = ?'),
      listCollections: this.db.prepare('SELECT name FROM collections ORDER BY rowid'),
      listDocuments: this.db.prepare('SELECT body FROM documents WHERE collection = ? ORDER BY rowid'),
    };
    this.writeBatch = this.db.transaction((writes: readonly StoredWrite[]) => {
      for (const { collection, key, doc } of writes) {
        if (doc) this.statements.upsertDocument.run(collection, key, encodeEjson(doc));
        else this.statements.deleteDocument.run(collection, key);
      }
    });
  }

  createCollection(name: string): void {
    this.statements.insertCollection.run(name, Date.now());
  }

  collectionNames(): string[] {
    return this.statements.listCollections.all().map((row) => row.name);
  }

  *documents(collection: string): Generator<Document> {
    for (const row of this.statements.listDocuments.iterate(collection)) yield decodeStoredEjson(row.body) as Document;
  }

  /** Atomic: all writes land or none do. */
  write(writes: readonly StoredWrite[]): void {
    if (writes.length > 0) this.writeBatch(writes);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
