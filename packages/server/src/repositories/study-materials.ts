import type { Block, OrgType } from '@zbxx/contracts';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `studyMaterials`: 每月一学 texts. The Markdown `body` is what authors edit; `blocks` is the same text parsed
 * once on save, which is what readers get. `orgPath` (owner org's ancestors + itself) scopes authoring to the
 * admins of that subtree.
 */
export interface StudyMaterialDoc {
  _id: string;
  title: string;
  body: string;
  blocks: Block[];
  /** e.g. 《中国共产党支部工作条例（试行）》 */
  source: string;
  estimatedMinutes: number;
  textLength: number;
  imageCount: number;
  /** Cloud fileIDs the body shows. */
  imageFileIds: string[];
  orgId: string;
  orgName: string;
  orgType: OrgType;
  orgPath: string[];
  /** +1 on every save: readers' offline copies compare it. */
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type StudyMaterialSummary = Omit<StudyMaterialDoc, 'body' | 'blocks'>;

const SUMMARY_FIELDS = { body: false, blocks: false } as const;

/** Materials without their text (titles, lengths …) for lists. */
export async function findMaterialSummaries(db: Db, ids: readonly string[]): Promise<StudyMaterialSummary[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyMaterials)
    .where({ _id: _.in(unique) })
    .field(SUMMARY_FIELDS)
    .limit(unique.length)
    .get();
  return res.data as unknown as StudyMaterialSummary[];
}

export async function listMaterialsInSubtrees(db: Db, rootIds: readonly string[]): Promise<StudyMaterialSummary[]> {
  if (rootIds.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyMaterials)
    .where({ orgPath: _.in([...rootIds]) })
    .field(SUMMARY_FIELDS)
    .orderBy('updatedAt', 'desc')
    .limit(500)
    .get();
  return res.data as unknown as StudyMaterialSummary[];
}

export async function getMaterial(store: DocStore, materialId: string): Promise<StudyMaterialDoc | null> {
  const res = await store.collection(COLLECTIONS.studyMaterials).doc(materialId).get();
  return res.data as unknown as StudyMaterialDoc | null;
}

export async function putMaterial(store: DocStore, material: StudyMaterialDoc): Promise<void> {
  const { _id, ...data } = material;
  await store.collection(COLLECTIONS.studyMaterials).doc(_id).set({ data });
}
