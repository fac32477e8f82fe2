import { AppError, quizRoundsRepo, type Db, type MemberDoc, type QuizRoundDoc } from '@zbxx/server';

/** A published round that reaches the member's branch; anything else is NOT_FOUND (never says which). */
export async function loadMemberRound(db: Db, member: MemberDoc, roundId: string): Promise<QuizRoundDoc> {
  const round = await quizRoundsRepo.getRound(db, roundId);
  if (!round || round.status !== 'published' || !member.orgPath.includes(round.orgId)) {
    throw new AppError('NOT_FOUND', '未找到该答题活动');
  }
  return round;
}
