import type {
  Citation,
  FairPlayFlag,
  GradingPolicy,
  MultipleChoiceScoring,
  OptionId,
  QuestionOption,
  QuestionScore,
  QuestionType,
  ReviewPolicy,
} from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db } from '../db';

/** One question of a drawn paper, snapshotted at draw time: the key it is scored against never changes. */
export interface QuizAttemptItem {
  questionId: string;
  type: QuestionType;
  stem: string;
  options: QuestionOption[];
  /** Canonical option ids in display order (this attempt's shuffle). */
  order: OptionId[];
  key: OptionId[];
  points: number;
  explanation: string;
  citation: Citation;
  category: string;
}

/**
 * `quizAttempts`: one document per attempt, `_id = <roundId>_<memberId>_<attemptNumber>`. The number is part
 * of the id, so two concurrent starts compete for the same id and only one insert succeeds: nobody exceeds
 * the attempts a round allows. The document carries the paper (snapshot + shuffle + the seed it came from),
 * the saved answers and the round's rules, so `answer` and `submit` need one read and one write.
 */
export interface QuizAttemptDoc {
  _id: string;
  roundId: string;
  roundTitle: string;
  memberId: string;
  branchId: string;
  attemptNumber: number;
  /** The draw's seed, from crypto.randomBytes: the paper can be replayed from the bank as it was. */
  seed: number;
  startedAt: Date;
  deadline: Date;
  rules: {
    passMark: number;
    multipleChoice: MultipleChoiceScoring;
    grading: GradingPolicy;
    review: ReviewPolicy;
    attemptsAllowed: number;
    roundClosesAt: Date;
  };
  items: QuizAttemptItem[];
  /** Canonical ids by question id. */
  answers: Record<string, OptionId[]>;
  /** First save of each question's answer, server time (fair-play flags). */
  firstAnsweredAt: Record<string, Date>;
  pageHiddenCount: number;
  finishedAt: Date | null;
  closedByDeadline: boolean;
  score: number | null;
  maxScore: number;
  correctCount: number | null;
  passed: boolean | null;
  outcomes: QuestionScore[] | null;
  /** Fair-play flags (诚信提示) computed when finished: shown to the secretary, never a verdict. */
  flags?: FairPlayFlag[];
  updatedAt: Date;
}

export function attemptId(roundId: string, memberId: string, attemptNumber: number): string {
  return `${roundId}_${memberId}_${attemptNumber}`;
}

/** Throws the platform's duplicate-key error when the attempt number is taken (a concurrent start won). */
export async function insertAttempt(db: Db, attempt: QuizAttemptDoc): Promise<void> {
  await db.collection(COLLECTIONS.quizAttempts).add({ data: attempt as unknown as Record<string, unknown> });
}

export async function getAttempt(db: Db, id: string): Promise<QuizAttemptDoc | null> {
  const res = await db.collection(COLLECTIONS.quizAttempts).doc(id).get();
  return res.data as unknown as QuizAttemptDoc | null;
}

const SUMMARY_FIELDS = { items: false, answers: false, firstAnsweredAt: false, outcomes: false } as const;

/** A member's attempts in some rounds, without papers (lists). */
export async function findMemberAttemptSummaries(db: Db, memberId: string, roundIds: readonly string[]): Promise<QuizAttemptDoc[]> {
  if (roundIds.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizAttempts)
    .where({ memberId, roundId: _.in([...roundIds]) })
    .field(SUMMARY_FIELDS)
    .limit(1000)
    .get();
  return res.data as unknown as QuizAttemptDoc[];
}

/** A member's attempts in one round, papers included (start resumes the open one without another read). */
export async function findMemberAttempts(db: Db, memberId: string, roundId: string): Promise<QuizAttemptDoc[]> {
  const res = await db.collection(COLLECTIONS.quizAttempts).where({ memberId, roundId }).limit(100).get();
  return res.data as unknown as QuizAttemptDoc[];
}

/** Saves answers while the attempt is unfinished; false when it was finished meanwhile. */
export async function saveAnswers(
  db: Db,
  id: string,
  changes: { answers: Record<string, OptionId[]>; firstAnsweredAt: Record<string, Date> },
  now: Date,
): Promise<boolean> {
  const data: Record<string, unknown> = { updatedAt: now };
  for (const [questionId, ids] of Object.entries(changes.answers)) data[`answers.${questionId}`] = ids;
  for (const [questionId, at] of Object.entries(changes.firstAnsweredAt)) data[`firstAnsweredAt.${questionId}`] = at;
  const res = await db.collection(COLLECTIONS.quizAttempts).where({ _id: id, finishedAt: null }).update({ data });
  return res.stats.updated === 1;
}

export type FinishedFields = Pick<
  QuizAttemptDoc,
  | 'answers'
  | 'firstAnsweredAt'
  | 'pageHiddenCount'
  | 'finishedAt'
  | 'closedByDeadline'
  | 'score'
  | 'correctCount'
  | 'passed'
  | 'outcomes'
  | 'flags'
  | 'updatedAt'
>;

/**
 * Finishes the attempt only if nobody finished it first (a retried or concurrent submit): the conditional
 * update is the idempotency check, no transaction needed. True when this call finished it.
 */
export async function finishAttempt(db: Db, id: string, fields: FinishedFields): Promise<boolean> {
  const res = await db
    .collection(COLLECTIONS.quizAttempts)
    .where({ _id: id, finishedAt: null })
    .update({ data: fields as unknown as Record<string, unknown> });
  return res.stats.updated === 1;
}

/** Every attempt of a branch in a round, without papers (the secretary's results, one indexed query). */
export async function findRoundAttemptsInBranch(db: Db, roundId: string, branchId: string): Promise<QuizAttemptDoc[]> {
  const res = await db.collection(COLLECTIONS.quizAttempts).where({ roundId, branchId }).field(SUMMARY_FIELDS).limit(1000).get();
  return res.data as unknown as QuizAttemptDoc[];
}

/** Every attempt of a member, papers included (the 错题本 is built from the finished ones). */
export async function findAttemptsOfMember(db: Db, memberId: string): Promise<QuizAttemptDoc[]> {
  const res = await db.collection(COLLECTIONS.quizAttempts).where({ memberId }).limit(1000).get();
  return res.data as unknown as QuizAttemptDoc[];
}

/**
 * Per branch of a round: how many members finished an attempt and the sum of their graded scores (best or
 * last), in one pipeline whose output has one row per branch whatever the round's size.
 */
export async function branchTotals(
  db: Db,
  roundId: string,
  grading: GradingPolicy,
): Promise<{ branchId: string; participants: number; scoreSum: number }[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizAttempts)
    .aggregate()
    .match({ roundId, finishedAt: _.neq(null) })
    .sort({ finishedAt: 1 })
    .group({ _id: { branchId: '$branchId', memberId: '$memberId' }, best: { $max: '$score' }, last: { $last: '$score' } })
    .group({ _id: '$_id.branchId', participants: { $sum: 1 }, scoreSum: { $sum: grading === 'best' ? '$best' : '$last' } })
    .limit(10_000)
    .end();
  return res.list.map((row) => ({ branchId: String(row._id), participants: Number(row.participants), scoreSum: Number(row.scoreSum) }));
}

/** Each member's graded score in one branch (the member's rank among them). */
export async function memberScoresInBranch(
  db: Db,
  roundId: string,
  branchId: string,
  grading: GradingPolicy,
): Promise<{ memberId: string; score: number }[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizAttempts)
    .aggregate()
    .match({ roundId, branchId, finishedAt: _.neq(null) })
    .sort({ finishedAt: 1 })
    .group({ _id: '$memberId', best: { $max: '$score' }, last: { $last: '$score' } })
    .limit(1000)
    .end();
  return res.list.map((row) => ({ memberId: String(row._id), score: Number(grading === 'best' ? row.best : row.last) }));
}

const ANALYSIS_FIELDS = { score: true, maxScore: true, answers: true, outcomes: true } as const;
const ANALYSIS_PAGE = 1000;

export type AttemptForAnalysis = Pick<QuizAttemptDoc, '_id' | 'score' | 'maxScore' | 'answers' | 'outcomes'>;

/**
 * Finished attempts of a round, only what item analysis reads, handed to `visit` one at a time and read a page at
 * a time, so no more than one page is held (an admin report, not a hot path). Pages follow `_id` from the last
 * one seen rather than skipping: a skip makes the database walk past every earlier page again.
 */
export async function eachFinishedForAnalysis(
  db: Db,
  roundId: string,
  maxAttempts: number,
  visit: (attempt: AttemptForAnalysis) => void,
): Promise<void> {
  const _ = db.command;
  let lastId: string | null = null;
  let page: AttemptForAnalysis[] = [];
  for (let read = 0; read < maxAttempts; read += page.length) {
    // Let the previous page go before the next one arrives (measured: the heap peak holds one page, not two).
    page = [];
    page = (
      await db
        .collection(COLLECTIONS.quizAttempts)
        .where({ roundId, finishedAt: _.neq(null), ...(lastId === null ? {} : { _id: _.gt(lastId) }) })
        .orderBy('_id', 'asc')
        .limit(Math.min(ANALYSIS_PAGE, maxAttempts - read))
        .field(ANALYSIS_FIELDS)
        .get()
    ).data as unknown as AttemptForAnalysis[];
    for (const attempt of page) visit(attempt);
    if (page.length < ANALYSIS_PAGE) return;
    lastId = (page[page.length - 1] as AttemptForAnalysis)._id;
  }
}

/** Attempts started per round (an admin's round list: a round with attempts is locked), one pipeline. */
export async function countAttemptsByRound(db: Db, roundIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (roundIds.length === 0) return counts;
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizAttempts)
    .aggregate()
    .match({ roundId: _.in([...roundIds]) })
    .group({ _id: '$roundId', count: { $sum: 1 } })
    .limit(1000)
    .end();
  for (const row of res.list) counts.set(String(row._id), Number(row.count));
  return counts;
}
