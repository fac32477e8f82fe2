import type { PlannedUpdate } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db, DocData, DocStore } from '../db';
import type { MemberDoc } from './members';

/**
 * `rosterImports` + `rosterImportChunks`: a previewed roster import, staged so the commit writes exactly what
 * the admin saw. The plan is cut into chunks of at most ROSTER_CHUNK_ROWS rows (documents stay small, and
 * each chunk is written with a constant number of requests). Only error-free previews are staged.
 *
 * status: previewed → writing (leased to one commit at a time) → committed; a failed write is rolled back
 * and the import returns to previewed, so the admin can commit it again.
 */
export interface RosterImportDoc {
  _id: string;
  status: 'previewed' | 'writing' | 'committed';
  createdBy: { openid: string; memberId: string };
  fileName: string;
  addCount: number;
  updateCount: number;
  chunkCount: number;
  createdAt: Date;
  /** While writing: until when the current commit holds the import. */
  leaseUntil?: Date;
  committedAt?: Date;
}

export interface RosterImportChunkDoc {
  _id: string;
  importId: string;
  seq: number;
  /** New roster entries, ids assigned at preview (so a resumed commit writes the same ids). */
  adds: MemberDoc[];
  updates: (PlannedUpdate & { orgPath?: string[] })[];
}

export const ROSTER_CHUNK_ROWS = 500;
// Chunk documents hold up to 500 rows each: read a few at a time to keep each answer small.
const CHUNKS_PER_READ = 10;

export async function stageImport(db: Db, doc: RosterImportDoc, chunks: readonly Omit<RosterImportChunkDoc, '_id'>[]): Promise<void> {
  for (let i = 0; i < chunks.length; i += CHUNKS_PER_READ) {
    const batch = chunks.slice(i, i + CHUNKS_PER_READ).map((chunk) => ({ _id: `${chunk.importId}-${chunk.seq}`, ...chunk }));
    await db.collection(COLLECTIONS.rosterImportChunks).add({ data: batch });
  }
  const { _id, ...data } = doc;
  await db.collection(COLLECTIONS.rosterImports).doc(_id).set({ data });
}

export async function getImport(store: DocStore, importId: string): Promise<RosterImportDoc | null> {
  const res = await store.collection(COLLECTIONS.rosterImports).doc(importId).get();
  return res.data as unknown as RosterImportDoc | null;
}

/** `data` may hold update operators (`db.command.remove()` to drop the lease). */
export async function updateImport(store: DocStore, importId: string, data: DocData): Promise<void> {
  await store.collection(COLLECTIONS.rosterImports).doc(importId).update({ data });
}

export async function loadChunks(db: Db, importId: string, chunkCount: number): Promise<RosterImportChunkDoc[]> {
  const chunks: RosterImportChunkDoc[] = [];
  for (let seq = 0; seq < chunkCount; seq += CHUNKS_PER_READ) {
    const _ = db.command;
    const res = await db
      .collection(COLLECTIONS.rosterImportChunks)
      .where({ importId, seq: _.gte(seq) })
      .orderBy('seq', 'asc')
      .limit(CHUNKS_PER_READ)
      .get();
    chunks.push(...(res.data as unknown as RosterImportChunkDoc[]));
  }
  return chunks;
}
