/**
 * 错题本: every question a member answers wrong becomes a review card scheduled by FSRS (ts-fsrs). Practice is
 * daily and not counted in any round, so scheduling is in whole days (short-term learning steps off: a member
 * who practises once a day should not be asked to come back in 10 minutes) and without fuzz (exact, testable).
 * Cards have no month: they carry over until the member stops getting them wrong.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade, type ReviewLog } from 'ts-fsrs';

dayjs.extend(utc);

/** Built on first use: a scheduler made at import would keep ts-fsrs in every function bundle that imports the domain. */
let scheduler: ReturnType<typeof fsrs> | undefined;
function schedulerOf(): ReturnType<typeof fsrs> {
  scheduler ??= fsrs({ enable_fuzz: false, enable_short_term: false });
  return scheduler;
}

export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

/** 忘记 / 困难 / 良好 / 简单 */
export const REVIEW_RATING_LABELS: Record<ReviewRating, string> = {
  again: '忘记',
  hard: '困难',
  good: '良好',
  easy: '简单',
};

const GRADES: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export interface WrongBookCard {
  questionId: string;
  addedAt: Date;
  fsrs: Card;
}

/** A new card is due at once, so today's practice offers the question just missed. */
export function newWrongBookCard(questionId: string, now: Date): WrongBookCard {
  return { questionId, addedAt: now, fsrs: createEmptyCard(now) };
}

/**
 * A wrong answer in a round: a new card, or for a card already being learnt a lapse (rated again), because
 * getting it wrong in earnest says more than any practice rating. A card never reviewed stays as it is.
 */
export function recordWrongAnswer(existing: WrongBookCard | undefined, questionId: string, now: Date): WrongBookCard {
  if (existing === undefined) return newWrongBookCard(questionId, now);
  if (existing.fsrs.state === State.New) return existing;
  return reviewCard(existing, 'again', now).card;
}

export interface ReviewOutcome {
  card: WrongBookCard;
  due: Date;
  log: ReviewLog;
}

export function reviewCard(card: WrongBookCard, rating: ReviewRating, now: Date): ReviewOutcome {
  const next = schedulerOf().next(card.fsrs, now, GRADES[rating]);
  return { card: { ...card, fsrs: next.card }, due: next.card.due, log: next.log };
}

/** Days are Asia/Shanghai days (a fixed UTC+8): a card due at 20:00 tonight belongs to today's queue. */
export function endOfShanghaiDay(now: Date): Date {
  return dayjs(now)
    .utcOffset(8 * 60)
    .endOf('day')
    .toDate();
}

export interface DailyQueueOptions {
  /** Cards a member is asked to practise per day (每日练习上限). */
  maxPerDay: number;
  /** Cards already practised today; they count against the cap. */
  reviewedToday: number;
}

/**
 * Today's practice: cards due by the end of today, most overdue first (ties: most lapses, then question id),
 * up to what is left of the daily cap.
 */
export function selectDailyQueue(cards: readonly WrongBookCard[], now: Date, options: DailyQueueOptions): WrongBookCard[] {
  const room = Math.max(0, options.maxPerDay - options.reviewedToday);
  const dayEnd = endOfShanghaiDay(now).getTime();
  return cards
    .filter((card) => new Date(card.fsrs.due).getTime() <= dayEnd)
    .sort(
      (a, b) =>
        new Date(a.fsrs.due).getTime() - new Date(b.fsrs.due).getTime() ||
        b.fsrs.lapses - a.fsrs.lapses ||
        (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0),
    )
    .slice(0, room);
}
