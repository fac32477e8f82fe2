import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `studyProgress`: one document per member and material (`_id = <memberId>_<materialId>`), created when the
 * member first opens the material. It holds the server's view of the reading (see @zbxx/domain completion):
 * credited dwell, furthest point, where to resume, the server time of the last contact and the latest batch
 * ids applied (what makes a replayed report change nothing). `branchId` lets a secretary's month view be one
 * indexed query.
 */
export interface StudyProgressDoc {
  _id: string;
  memberId: string;
  materialId: string;
  branchId: string;
  /** The material's length when last opened: what a plausible reading is measured against. */
  textLength: number;
  imageCount: number;
  creditedSeconds: number;
  furthest: number;
  position: number;
  lastSeenAt: Date;
  completedAt: Date | null;
  batchIds: string[];
  updatedAt: Date;
}

export function progressId(memberId: string, materialId: string): string {
  return `${memberId}_${materialId}`;
}

const LIST_FIELDS = { batchIds: false } as const;

export async function findProgressOfMember(db: Db, memberId: string, materialIds: readonly string[]): Promise<StudyProgressDoc[]> {
  if (materialIds.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyProgress)
    .where({ memberId, materialId: _.in([...new Set(materialIds)]) })
    .field(LIST_FIELDS)
    .limit(1000)
    .get();
  return res.data as unknown as StudyProgressDoc[];
}

/** A branch's progress on some materials: a few dozen members times a few materials, one query. */
export async function findProgressInBranch(db: Db, branchId: string, materialIds: readonly string[]): Promise<StudyProgressDoc[]> {
  if (materialIds.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyProgress)
    .where({ branchId, materialId: _.in([...new Set(materialIds)]) })
    .field(LIST_FIELDS)
    .limit(1000)
    .get();
  return res.data as unknown as StudyProgressDoc[];
}

export async function getProgress(store: DocStore, id: string): Promise<StudyProgressDoc | null> {
  const res = await store.collection(COLLECTIONS.studyProgress).doc(id).get();
  return res.data as unknown as StudyProgressDoc | null;
}

export async function putProgress(store: DocStore, progress: StudyProgressDoc): Promise<void> {
  const { _id, ...data } = progress;
  await store.collection(COLLECTIONS.studyProgress).doc(_id).set({ data });
}

/**
 * The member opened the material again: only these fields, so a report committing meanwhile keeps its batch
 * ids. The length follows edits of the material.
 */
export async function touchProgress(
  store: DocStore,
  id: string,
  at: Date,
  length: { textLength: number; imageCount: number },
): Promise<void> {
  await store
    .collection(COLLECTIONS.studyProgress)
    .doc(id)
    .update({ data: { lastSeenAt: at, textLength: length.textLength, imageCount: length.imageCount } });
}
