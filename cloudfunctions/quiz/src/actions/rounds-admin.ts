import type { QuizAdminRound, QuizSaveRoundInput, quizContract } from '@zbxx/contracts';
import { checkQuota, describeQuotaProblem, roundFullScore, roundWindowState, type CategoryQuota, type Difficulty } from '@zbxx/domain';
import {
  AppError,
  auditLogRepo,
  createdDocId,
  orgsRepo,
  quizAttemptsRepo,
  quizQuestionsRepo,
  quizRoundsRepo,
  type BoundCaller,
  type FunctionHandler,
  type OrgDoc,
  type QuizRoundDoc,
} from '@zbxx/server';
import { bankOrgIdOf, requireAdmin } from '../admin-access';

/** The full score of every round; each question is worth the same share of it. */
const FULL_SCORE = 100;

/**
 * 答题活动 (admin): every round in the admin's subtree, newest month first, with its window and how many attempts
 * were started (a round with attempts is locked). Also the orgs a round may go to and the bank's categories,
 * so the form needs no other call.
 */
export const listRounds: FunctionHandler<typeof quizContract, 'listRounds'> = async (_input, { caller, db, now }) => {
  const admin = requireAdmin(caller);
  const [rounds, roots, categories] = await Promise.all([
    quizRoundsRepo.findRoundsInSubtrees(db, admin.scope.adminOf),
    orgsRepo.findOrgsByIds(db, admin.scope.adminOf),
    quizQuestionsRepo.countByCategory(db, [bankOrgIdOf(admin)]),
  ]);
  const children = (await Promise.all(roots.map((root) => orgsRepo.findChildren(db, root._id)))).flat();
  const counts = await quizAttemptsRepo.countAttemptsByRound(
    db,
    rounds.map((round) => round._id),
  );
  const orgs = [...roots, ...children.filter((org) => org.type !== 'branch' && !org.retiredAt)];
  return {
    rounds: rounds.map((round) => adminRound(round, counts.get(round._id) ?? 0, now)),
    orgs: orgs.map((org) => ({ id: org._id, name: org.name })),
    categories,
  };
};

/**
 * Creates or edits a round. The quota is checked against the bank the round will draw from (the banks on its
 * org path), so a round nobody could start is never published. Once anyone has started an attempt, only the
 * title and a later close may change: everything else was part of the rules those attempts were played by.
 * The round and its audit entry are written in one transaction; a new round's id comes from the request's id,
 * so a retried create answers the round it made.
 */
export const saveRound: FunctionHandler<typeof quizContract, 'saveRound'> = async (input, { caller, db, now, random, requestId }) => {
  const admin = requireAdmin(caller);
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (closesAt.getTime() <= opensAt.getTime()) throw new AppError('INPUT.INVALID', '结束时间必须晚于开始时间');
  const previous = input.roundId ? await quizRoundsRepo.getRound(db, input.roundId) : null;
  if (input.roundId && (!previous || !inSubtree(admin, previous.orgPath))) throw new AppError('NOT_FOUND', '未找到该答题活动');
  const org = await orgsRepo.getOrg(db, input.orgId);
  const orgPath = org ? [...org.ancestors, org._id] : [];
  if (!org || !inSubtree(admin, orgPath)) throw new AppError('AUTH.FORBIDDEN', '只能在本级及下级组织发布答题活动');
  const quota = input.quota.map(toQuota);
  const questionCount = quota.reduce((sum, entry) => sum + entry.count, 0);
  const pointsPerQuestion = Math.round((FULL_SCORE / questionCount) * 100) / 100;
  const maxScore = roundFullScore(questionCount, pointsPerQuestion);
  if (input.passMark > maxScore) throw new AppError('INPUT.INVALID', `及格分不能高于满分 ${maxScore}`);

  let attemptCount = 0;
  if (previous) {
    attemptCount = (await quizAttemptsRepo.countAttemptsByRound(db, [previous._id])).get(previous._id) ?? 0;
    if (attemptCount > 0) assertLockedEditAllowed(previous, input, org, closesAt);
  }
  if (!previous || attemptCount === 0) {
    const bank = await quizQuestionsRepo.findDrawable(
      db,
      orgPath,
      quota.map((entry) => entry.category),
    );
    const problems = checkQuota(bank.map(quizQuestionsRepo.toQuestion), quota);
    if (problems.length > 0) {
      throw new AppError('QUIZ.DRAW_IMPOSSIBLE', `题库无法满足抽题设置：${problems.map(describeQuotaProblem).join('；')}`);
    }
  }

  const round: QuizRoundDoc =
    previous && attemptCount > 0
      ? { ...previous, title: input.title, closesAt, updatedAt: now }
      : {
          _id: previous?._id ?? createdDocId('round', admin.member._id, requestId, random),
          title: input.title,
          month: input.month,
          orgId: org._id,
          orgName: org.name,
          orgPath,
          opensAt,
          closesAt,
          quota,
          pointsPerQuestion,
          timeLimitSeconds: input.timeLimitSeconds,
          attemptsAllowed: input.attemptsAllowed,
          grading: input.grading,
          passMark: input.passMark,
          multipleChoice: input.multipleChoice,
          review: input.review,
          status: 'published',
          createdBy: previous?.createdBy ?? admin.member._id,
          createdAt: previous?.createdAt ?? now,
          updatedAt: now,
        };
  const created = await db.runTransaction(async (tx) => {
    // 重试 of a create whose reply was lost (same requestId, so the same id): the round exists already, answer it
    // again, as the edit path would. Read in the transaction, so a 重试 sent while the first call is still running
    // makes one of the two commits conflict, and its rerun answers the other's round instead of writing it again.
    const existing = !previous && requestId ? await quizRoundsRepo.getRound(tx, round._id) : null;
    if (existing) {
      if (!inSubtree(admin, existing.orgPath)) throw new AppError('NOT_FOUND', '未找到该答题活动');
      return existing;
    }
    await quizRoundsRepo.putRound(tx, round);
    await auditLogRepo.appendAudit(tx, {
      at: now,
      action: previous ? 'quizRound.update' : 'quizRound.create',
      actor: { openid: admin.openid, memberId: admin.member._id },
      target: { collection: 'quizRounds', id: round._id },
      details: {
        title: round.title,
        orgId: round.orgId,
        month: round.month,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        questionCount,
      },
      requestId,
    });
    return null;
  });
  if (created)
    return { round: adminRound(created, (await quizAttemptsRepo.countAttemptsByRound(db, [created._id])).get(created._id) ?? 0, now) };
  return { round: adminRound(round, attemptCount, now) };
};

function inSubtree(admin: BoundCaller, orgPath: readonly string[]): boolean {
  return admin.scope.adminOf.some((rootId) => orgPath.includes(rootId));
}

function toQuota(entry: QuizSaveRoundInput['quota'][number]): CategoryQuota {
  if (!entry.difficulty) return { category: entry.category, count: entry.count };
  const difficulty: Partial<Record<Difficulty, number>> = {};
  for (const level of [1, 2, 3] as const) {
    const count = entry.difficulty[level];
    if (count !== undefined) difficulty[level] = count;
  }
  return { category: entry.category, count: entry.count, difficulty };
}

/** The settings an edit may not change once attempts exist, compared as the form sends them. */
function settingsOf(
  round: Pick<
    QuizRoundDoc,
    'orgId' | 'month' | 'quota' | 'timeLimitSeconds' | 'attemptsAllowed' | 'grading' | 'passMark' | 'multipleChoice' | 'review'
  > & { opensAt: number },
): string {
  return JSON.stringify([
    round.orgId,
    round.month,
    round.opensAt,
    round.quota.map((entry) => [
      entry.category,
      entry.count,
      entry.difficulty?.[1] ?? 0,
      entry.difficulty?.[2] ?? 0,
      entry.difficulty?.[3] ?? 0,
    ]),
    round.timeLimitSeconds,
    round.attemptsAllowed,
    round.grading,
    round.passMark,
    round.multipleChoice,
    [round.review.ownAnswers, round.review.correctAnswers, round.review.explanations],
  ]);
}

function assertLockedEditAllowed(previous: QuizRoundDoc, input: QuizSaveRoundInput, org: OrgDoc, closesAt: Date): void {
  const before = settingsOf({ ...previous, opensAt: previous.opensAt.getTime() });
  const after = settingsOf({ ...input, orgId: org._id, quota: input.quota.map(toQuota), opensAt: new Date(input.opensAt).getTime() });
  if (before !== after) throw new AppError('CONFLICT', '已有党员参加答题，只能修改标题或延后结束时间');
  if (closesAt.getTime() < previous.closesAt.getTime()) throw new AppError('CONFLICT', '已有党员参加答题，结束时间只能延后');
}

function adminRound(round: QuizRoundDoc, attemptCount: number, now: Date): QuizAdminRound {
  const questionCount = round.quota.reduce((sum, entry) => sum + entry.count, 0);
  return {
    roundId: round._id,
    orgId: round.orgId,
    orgName: round.orgName,
    title: round.title,
    month: round.month,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    window: roundWindowState({ opensAt: round.opensAt, closesAt: round.closesAt }, now),
    quota: round.quota.map((entry) => ({
      category: entry.category,
      count: entry.count,
      ...(entry.difficulty ? { difficulty: { ...entry.difficulty } } : {}),
    })),
    questionCount,
    maxScore: roundFullScore(questionCount, round.pointsPerQuestion),
    timeLimitSeconds: round.timeLimitSeconds,
    attemptsAllowed: round.attemptsAllowed,
    grading: round.grading,
    passMark: round.passMark,
    multipleChoice: round.multipleChoice,
    review: round.review,
    attemptCount,
  };
}
