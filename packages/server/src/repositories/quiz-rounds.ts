import type { CategoryQuota, GradingPolicy, MultipleChoiceScoring, ReviewPolicy } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `quizRounds`: a quiz round (答题/竞赛) published to an org subtree, usually one per month plan. A member is
 * reached when `orgId` is on the member's `orgPath` (one indexed `orgId in orgPath` query), like study plans.
 */
export interface QuizRoundDoc {
  _id: string;
  title: string;
  /** YYYY-MM */
  month: string;
  orgId: string;
  orgName: string;
  /** The round org's ancestors + itself: the banks it may draw from, and admin listings of a subtree. */
  orgPath: string[];
  opensAt: Date;
  /** Exclusive. */
  closesAt: Date;
  quota: CategoryQuota[];
  /** Every question is worth the same, so the full score and the pass mark are known before any draw. */
  pointsPerQuestion: number;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  grading: GradingPolicy;
  passMark: number;
  multipleChoice: MultipleChoiceScoring;
  review: ReviewPolicy;
  status: 'draft' | 'published';
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const MAX_ROUNDS_PER_MEMBER = 100;

export async function findPublishedRoundsForPath(db: Db, orgPath: readonly string[]): Promise<QuizRoundDoc[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizRounds)
    .where({ orgId: _.in([...orgPath]), status: 'published' })
    .orderBy('opensAt', 'desc')
    .limit(MAX_ROUNDS_PER_MEMBER)
    .get();
  return res.data as unknown as QuizRoundDoc[];
}

export async function getRound(store: DocStore, id: string): Promise<QuizRoundDoc | null> {
  const res = await store.collection(COLLECTIONS.quizRounds).doc(id).get();
  return res.data as unknown as QuizRoundDoc | null;
}

const MAX_ROUNDS_PER_ADMIN = 200;

/** Rounds published anywhere in these subtrees (an admin's listing), newest first; one indexed request. */
export async function findRoundsInSubtrees(db: Db, rootIds: readonly string[]): Promise<QuizRoundDoc[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizRounds)
    .where({ orgPath: _.in([...rootIds]) })
    .orderBy('month', 'desc')
    .limit(MAX_ROUNDS_PER_ADMIN)
    .get();
  return res.data as unknown as QuizRoundDoc[];
}

/** Creates or replaces a round (inside the transaction that writes its audit entry). */
export async function putRound(store: DocStore, round: QuizRoundDoc): Promise<void> {
  const { _id, ...data } = round;
  await store.collection(COLLECTIONS.quizRounds).doc(_id).set({ data });
}

/**
 * Rounds, drafts included, that have not closed by `now` and may draw from a bank on `bankOrgIds` (a round
 * draws from the banks on its own path): the live draw pools a practice or make-up paper must keep out of.
 * One request.
 */
export async function findUnclosedRoundsDrawingFrom(db: Db, bankOrgIds: readonly string[], now: Date): Promise<QuizRoundDoc[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizRounds)
    .where({ orgPath: _.in([...bankOrgIds]), closesAt: _.gt(now) })
    .field({ quota: true, orgPath: true, closesAt: true })
    .limit(MAX_ROUNDS_PER_ADMIN)
    .get();
  return res.data as unknown as QuizRoundDoc[];
}
