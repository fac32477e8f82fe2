import type { QuizPracticeCard } from '@zbxx/contracts';
import { endOfShanghaiDay, recordWrongAnswer, reviewVisibility, toDisplayLabels } from '@zbxx/domain';
import { quizCardsRepo, type QuizAttemptDoc, type QuizCardDoc } from '@zbxx/server';

/**
 * Brings the 错题本 up to date with finished attempts: every question answered wrong (or partly, or not at all)
 * becomes a card, or a lapse for a card already learnt; each attempt counts once per card. Only attempts whose
 * review already shows the keys feed it, so practice can't reveal the key of a round still being played.
 */
export function syncCards(
  memberId: string,
  attempts: readonly QuizAttemptDoc[],
  cards: readonly QuizCardDoc[],
  now: Date,
): { all: QuizCardDoc[]; changed: QuizCardDoc[] } {
  const byId = new Map(cards.map((card) => [card._id, card]));
  const changed = new Map<string, QuizCardDoc>();
  const started = new Map<string, number>();
  for (const attempt of attempts) started.set(attempt.roundId, (started.get(attempt.roundId) ?? 0) + 1);
  const finished = attempts
    .filter((a) => a.finishedAt && a.outcomes)
    .sort((a, b) => (a.finishedAt as Date).getTime() - (b.finishedAt as Date).getTime());
  for (const attempt of finished) {
    const keysVisible = reviewVisibility(attempt.rules.review, {
      now,
      roundClosesAt: attempt.rules.roundClosesAt,
      attemptFinished: true,
      attemptsLeft: attempt.rules.attemptsAllowed - (started.get(attempt.roundId) ?? 0),
    }).correctAnswers;
    if (!keysVisible) continue;
    const items = new Map(attempt.items.map((item) => [item.questionId, item]));
    for (const outcome of attempt.outcomes ?? []) {
      if (outcome.outcome === 'correct') continue;
      const item = items.get(outcome.questionId);
      if (!item) continue;
      const id = quizCardsRepo.cardId(memberId, item.questionId);
      const existing = changed.get(id) ?? byId.get(id);
      if (existing?.attemptIds.includes(attempt._id)) continue;
      const at = attempt.finishedAt as Date;
      changed.set(id, {
        _id: id,
        memberId,
        questionId: item.questionId,
        question: {
          type: item.type,
          stem: item.stem,
          options: item.options,
          key: item.key,
          explanation: item.explanation,
          citation: item.citation,
        },
        card: recordWrongAnswer(existing?.card, item.questionId, at),
        attemptIds: [...(existing?.attemptIds ?? []), attempt._id],
        lastReviewedAt: existing?.lastReviewedAt ?? null,
        updatedAt: now,
      });
    }
  }
  for (const card of changed.values()) byId.set(card._id, card);
  return { all: [...byId.values()], changed: [...changed.values()] };
}

export function startOfShanghaiDay(now: Date): Date {
  return new Date(endOfShanghaiDay(now).getTime() + 1 - 24 * 3600_000);
}

export function reviewedTodayCount(cards: readonly QuizCardDoc[], now: Date): number {
  const start = startOfShanghaiDay(now).getTime();
  return cards.filter((card) => card.lastReviewedAt && new Date(card.lastReviewedAt).getTime() >= start).length;
}

export function toPracticeCard(doc: QuizCardDoc): QuizPracticeCard {
  const order = doc.question.options.map((option) => option.id);
  const shuffle = { questionId: doc.questionId, order };
  return {
    questionId: doc.questionId,
    type: doc.question.type,
    stem: doc.question.stem,
    options: doc.question.options.map((option, position) => ({
      id: toDisplayLabels(shuffle, [order[position] as string])[0] as string,
      text: option.text,
    })),
    correctAnswer: toDisplayLabels(shuffle, doc.question.key),
    explanation: doc.question.explanation,
    citation: `${doc.question.citation.regulation}${doc.question.citation.article}`,
    lapses: doc.card.fsrs.lapses,
  };
}
