import type { quizContract } from '@zbxx/contracts';
import { reviewCard, selectDailyQueue } from '@zbxx/domain';
import { AppError, quizAttemptsRepo, quizCardsRepo, requireBound, type FunctionHandler } from '@zbxx/server';
import { reviewedTodayCount, syncCards, toPracticeCard } from '../wrong-book';

/** Cards offered per day (每日练习上限): a few minutes, every day, beats a long session once a month. */
export const PRACTICE_PER_DAY = 10;

/**
 * 错题本: today's practice queue. 3 database requests (caller, attempts, cards), one more to add the cards of
 * newly finished attempts, and one write per learnt card that lapsed again.
 */
export const practiceQueue: FunctionHandler<typeof quizContract, 'practiceQueue'> = async (_input, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const [attempts, cards] = await Promise.all([
    quizAttemptsRepo.findAttemptsOfMember(db, member._id),
    quizCardsRepo.findMemberCards(db, member._id),
  ]);
  const { all, changed } = syncCards(member._id, attempts, cards, now);
  const known = new Set(cards.map((card) => card._id));
  await Promise.all([
    quizCardsRepo.insertCards(
      db,
      changed.filter((card) => !known.has(card._id)),
    ),
    quizCardsRepo.putCards(
      db,
      changed.filter((card) => known.has(card._id)),
    ),
  ]);
  const reviewedToday = reviewedTodayCount(all, now);
  const byQuestion = new Map(all.map((doc) => [doc.questionId, doc]));
  const queue = selectDailyQueue(
    all.map((doc) => doc.card),
    now,
    { maxPerDay: PRACTICE_PER_DAY, reviewedToday },
  );
  return {
    totalCards: all.length,
    reviewedToday,
    cards: queue.map((card) => toPracticeCard(byQuestion.get(card.questionId)!)),
  };
};

/** 忘记 / 困难 / 良好 / 简单: schedules the card with FSRS by the server's clock. 4 database requests. */
export const practiceRate: FunctionHandler<typeof quizContract, 'practiceRate'> = async ({ questionId, rating }, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const doc = await quizCardsRepo.getCard(db, quizCardsRepo.cardId(member._id, questionId));
  if (!doc) throw new AppError('NOT_FOUND', '错题本中没有这道题');
  const { card, due } = reviewCard(doc.card, rating, now);
  await quizCardsRepo.putCards(db, [{ ...doc, card, lastReviewedAt: now, updatedAt: now }]);
  const cards = await quizCardsRepo.findMemberCards(db, member._id);
  return { questionId, due: due.toISOString(), reviewedToday: reviewedTodayCount(cards, now) };
};
