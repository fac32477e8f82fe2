import type { OrgType } from '@zbxx/contracts';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `studyPlans`: 每月一学 month plans. A plan belongs to a month and an org (the root of the subtree it reaches);
 * a member is reached when the plan's `orgId` is on the member's `orgPath`, so "my plans" is one indexed
 * `orgId in orgPath` query. `orgPath` (the plan org's ancestors + itself) lets an admin list the plans of a
 * subtree with one query too.
 */
export interface StudyPlanDoc {
  _id: string;
  /** YYYY-MM */
  month: string;
  orgId: string;
  /** Denormalised for the member's list (who sent it). */
  orgName: string;
  orgType: OrgType;
  orgPath: string[];
  /** 一月一主题 */
  theme: string;
  /** YYYY-MM-DD */
  dueDate: string;
  requiredMaterialIds: string[];
  optionalMaterialIds: string[];
  /** required + optional, for "which plan reaches this material" queries. */
  materialIds: string[];
  status: 'draft' | 'published';
  publishedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A member reads at most a few plans a month; two years of them fit one query. */
const MAX_PLANS_PER_MEMBER = 100;

/** Published plans reaching a member (any org on their path), newest month first; one month when given. */
export async function findPublishedPlansForPath(db: Db, orgPath: readonly string[], month?: string): Promise<StudyPlanDoc[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyPlans)
    .where({ orgId: _.in([...orgPath]), status: 'published', ...(month ? { month } : {}) })
    .orderBy('month', 'desc')
    .limit(MAX_PLANS_PER_MEMBER)
    .get();
  return res.data as unknown as StudyPlanDoc[];
}

/** Whether a published plan reaching `orgPath` includes the material: the member's right to read it. */
export async function findPublishedPlanWithMaterial(db: Db, orgPath: readonly string[], materialId: string): Promise<StudyPlanDoc | null> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyPlans)
    .where({ materialIds: materialId, orgId: _.in([...orgPath]), status: 'published' })
    .limit(1)
    .get();
  return (res.data[0] as unknown as StudyPlanDoc | undefined) ?? null;
}

/**
 * Which of these materials a published plan reaching `orgPath` includes (one request): the materials a branch
 * may hand out, e.g. as a 主题党日's make-up reading. Drafts, other subtrees' plans and unknown ids are absent.
 */
export async function findReachableMaterialIds(db: Db, orgPath: readonly string[], materialIds: readonly string[]): Promise<Set<string>> {
  const wanted = new Set(materialIds);
  if (wanted.size === 0) return new Set();
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyPlans)
    .where({ materialIds: _.in([...wanted]), orgId: _.in([...orgPath]), status: 'published' })
    .field({ materialIds: true })
    .limit(MAX_PLANS_PER_MEMBER)
    .get();
  const plans = res.data as unknown as Pick<StudyPlanDoc, 'materialIds'>[];
  return new Set(plans.flatMap((plan) => plan.materialIds).filter((id) => wanted.has(id)));
}

/** Plans (drafts too) made for any org inside the given subtrees, newest month first. */
export async function listPlansInSubtrees(db: Db, rootIds: readonly string[], month?: string): Promise<StudyPlanDoc[]> {
  if (rootIds.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.studyPlans)
    .where({ orgPath: _.in([...rootIds]), ...(month ? { month } : {}) })
    .orderBy('month', 'desc')
    .limit(200)
    .get();
  return res.data as unknown as StudyPlanDoc[];
}

export async function getPlan(store: DocStore, planId: string): Promise<StudyPlanDoc | null> {
  const res = await store.collection(COLLECTIONS.studyPlans).doc(planId).get();
  return res.data as unknown as StudyPlanDoc | null;
}

export async function putPlan(store: DocStore, plan: StudyPlanDoc): Promise<void> {
  const { _id, ...data } = plan;
  await store.collection(COLLECTIONS.studyPlans).doc(_id).set({ data });
}
