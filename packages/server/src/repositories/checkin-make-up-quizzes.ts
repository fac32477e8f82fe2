import type { OptionId, PublicQuestion, QuestionType } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/** One question of a make-up paper: the key snapshotted at draw time and the option order the member saw. */
export interface MakeUpQuizItem {
  questionId: string;
  type: QuestionType;
  key: OptionId[];
  points: number;
  /** Canonical option ids in display order (label A = order[0]). */
  order: OptionId[];
}

export interface MakeUpQuizResultDoc {
  score: number;
  maxScore: number;
  passMark: number;
  correctCount: number;
  passed: boolean;
  submittedAt: Date;
}

/**
 * `checkinMakeUpQuizzes/<eventId>_<memberId>`: the member's 补学 quiz of one event. One paper at a time:
 * it stays the same until submitted (no redrawing for easier questions); a failed paper may be replaced by a
 * new draw, up to three papers; `passedAt` is set once and never cleared. Keys and scores stay here; only
 * `questions` (public) and pass/fail leave.
 */
export interface MakeUpQuizDoc {
  _id: string;
  eventId: string;
  memberId: string;
  paperId: string;
  /** Papers drawn for this member and event so far (at most MAKE_UP_PAPERS_PER_EVENT); absent on older documents (one). */
  papers?: number;
  items: MakeUpQuizItem[];
  questions: PublicQuestion[];
  /** The current paper's result; null while it is being answered. */
  result: MakeUpQuizResultDoc | null;
  passedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function makeUpQuizId(eventId: string, memberId: string): string {
  return `${eventId}_${memberId}`;
}

export async function getMakeUpQuiz(store: DocStore, eventId: string, memberId: string): Promise<MakeUpQuizDoc | null> {
  const res = await store.collection(COLLECTIONS.checkinMakeUpQuizzes).doc(makeUpQuizId(eventId, memberId)).get();
  return res.data as unknown as MakeUpQuizDoc | null;
}

export async function putMakeUpQuiz(store: DocStore, quiz: MakeUpQuizDoc): Promise<void> {
  const { _id, ...data } = quiz;
  await store.collection(COLLECTIONS.checkinMakeUpQuizzes).doc(_id).set({ data });
}

/**
 * Records the result of paper `paperId` if it has none yet, in one transaction (the SDK's `update` would merge
 * into the null `result` field, so the whole document is written): of two submits racing, exactly one records.
 * Returns the document as stored afterwards (null when the paper was replaced) and whether this call wrote it.
 */
export async function recordMakeUpQuizResult(
  db: Db,
  id: string,
  paperId: string,
  result: MakeUpQuizResultDoc,
): Promise<{ quiz: MakeUpQuizDoc | null; recorded: boolean }> {
  return db.runTransaction(async (tx) => {
    const res = await tx.collection(COLLECTIONS.checkinMakeUpQuizzes).doc(id).get();
    const current = res.data ? ({ ...res.data, _id: id } as unknown as MakeUpQuizDoc) : null;
    if (!current || current.paperId !== paperId) return { quiz: null, recorded: false };
    if (current.result) return { quiz: current, recorded: false };
    const next: MakeUpQuizDoc = {
      ...current,
      result,
      passedAt: current.passedAt ?? (result.passed ? result.submittedAt : null),
      updatedAt: result.submittedAt,
    };
    await putMakeUpQuiz(tx, next);
    return { quiz: next, recorded: true };
  });
}
