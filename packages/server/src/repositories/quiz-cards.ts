import type { WrongBookCard } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db } from '../db';
import type { QuizAttemptItem } from './quiz-attempts';

/**
 * `quizCards`: the 错题本, one card per member and question (`_id = <memberId>_<questionId>`), scheduled by
 * FSRS. The card carries the question as the attempt saw it, so practice needs no bank read and an edited
 * question never changes what was got wrong. `attemptIds` are the attempts already counted as lapses.
 */
export interface QuizCardDoc {
  _id: string;
  memberId: string;
  questionId: string;
  question: Pick<QuizAttemptItem, 'type' | 'stem' | 'options' | 'key' | 'explanation' | 'citation'>;
  card: WrongBookCard;
  attemptIds: string[];
  lastReviewedAt: Date | null;
  updatedAt: Date;
}

export function cardId(memberId: string, questionId: string): string {
  return `${memberId}_${questionId}`;
}

export async function findMemberCards(db: Db, memberId: string): Promise<QuizCardDoc[]> {
  const res = await db.collection(COLLECTIONS.quizCards).where({ memberId }).limit(1000).get();
  return res.data as unknown as QuizCardDoc[];
}

export async function getCard(db: Db, id: string): Promise<QuizCardDoc | null> {
  const res = await db.collection(COLLECTIONS.quizCards).doc(id).get();
  return res.data as unknown as QuizCardDoc | null;
}

/** New cards in one request (the first visit after a round can add twenty). */
export async function insertCards(db: Db, cards: readonly QuizCardDoc[]): Promise<void> {
  if (cards.length > 0) await db.collection(COLLECTIONS.quizCards).add({ data: cards as unknown as Record<string, unknown>[] });
}

/** Changed cards, one write each (set replaces the whole card). */
export async function putCards(db: Db, cards: readonly QuizCardDoc[]): Promise<void> {
  await Promise.all(
    cards.map(({ _id, ...data }) =>
      db
        .collection(COLLECTIONS.quizCards)
        .doc(_id)
        .set({ data: data as unknown as Record<string, unknown> }),
    ),
  );
}
