import { default_w, State } from 'ts-fsrs';
import { endOfShanghaiDay, newWrongBookCard, recordWrongAnswer, reviewCard, selectDailyQueue, type WrongBookCard } from '../wrong-book';
import { at } from './question-mother';

const DAY = 24 * 60 * 60 * 1000;
const now = at('2026-03-10T12:00:00Z');
const w = (i: number): number => default_w[i] as number;

describe('wrong-book cards', () => {
  it('starts a card due at once when a question is answered wrong', () => {
    const card = newWrongBookCard('q1', now);
    expect(card.questionId).toBe('q1');
    expect(card.addedAt).toEqual(now);
    expect(card.fsrs.due).toEqual(now);
    expect(card.fsrs.state).toBe(State.New);
  });

  it('schedules the first review in whole days: initial stability w[rating − 1], intervals kept in order', () => {
    // Intervals round(S0): again 0.212 → 1 (minimum), hard 1.2931 → 1, good 2.3065 → 2, easy 8.2956 → 8;
    // FSRS then keeps again < hard < good < easy: hard = max(1, 1 + 1) = 2, good = max(2, 2 + 1) = 3, easy = 8.
    const card = newWrongBookCard('q1', now);
    const expected = [
      ['again', 1, w(0)],
      ['hard', 2, w(1)],
      ['good', 3, w(2)],
      ['easy', 8, w(3)],
    ] as const;
    for (const [rating, days, stability] of expected) {
      const outcome = reviewCard(card, rating, now);
      expect(outcome.due).toEqual(new Date(now.getTime() + days * DAY));
      expect(outcome.card.fsrs.stability).toBeCloseTo(stability, 6);
      expect(outcome.card.fsrs.state).toBe(State.Review);
      expect(outcome.card.questionId).toBe('q1');
    }
    expect(card.fsrs.state).toBe(State.New); // the input card is untouched
  });

  it('grows the interval on a second good review (FSRS-6 recall stability)', () => {
    // D0(good) = w4 − e^(w5·2) + 1 = 2.11810; after 3 days R = (1 + f·3/2.3065)^(−w20) = 0.88095 with
    // f = 0.9^(1/−w20) − 1; S' = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1)) = 13.82690 → 14 days.
    const first = reviewCard(newWrongBookCard('q1', now), 'good', now);
    const second = reviewCard(first.card, 'good', first.due);
    expect(second.card.fsrs.stability).toBeCloseTo(13.8269, 4);
    expect(second.due).toEqual(at('2026-03-27T12:00:00Z'));
  });

  it('turns a repeat wrong answer in a round into a lapse, and leaves an unreviewed card alone', () => {
    const fresh = newWrongBookCard('q1', now);
    expect(recordWrongAnswer(undefined, 'q1', now)).toEqual(fresh);
    expect(recordWrongAnswer(fresh, 'q1', at('2026-03-11T12:00:00Z'))).toBe(fresh);
    const learnt = reviewCard(fresh, 'easy', now).card;
    const lapsed = recordWrongAnswer(learnt, 'q1', at('2026-03-12T12:00:00Z'));
    expect(lapsed.fsrs.lapses).toBe(1);
    expect(lapsed.fsrs.due).toEqual(at('2026-03-13T12:00:00Z'));
  });
});

describe('daily practice queue', () => {
  const cardDue = (questionId: string, due: string, lapses = 0): WrongBookCard => {
    const base = newWrongBookCard(questionId, at('2026-01-05T00:00:00Z'));
    return { ...base, fsrs: { ...base.fsrs, due: at(due), lapses } };
  };
  // 10:00 on 10 March in Beijing; the Beijing day ends at 2026-03-10T15:59:59.999Z.
  const morning = at('2026-03-10T02:00:00Z');

  it('ends the day at Beijing midnight', () => {
    expect(endOfShanghaiDay(morning)).toEqual(at('2026-03-10T15:59:59.999Z'));
    expect(endOfShanghaiDay(at('2026-03-10T17:00:00Z'))).toEqual(at('2026-03-11T15:59:59.999Z'));
  });

  it('takes cards due by tonight, most overdue first, then most lapses, then id, up to the cap', () => {
    const cards = [
      cardDue('tonight', '2026-03-10T15:00:00Z'),
      cardDue('tomorrow', '2026-03-10T16:00:00Z'),
      cardDue('b-old', '2026-03-08T00:00:00Z', 1),
      cardDue('a-old', '2026-03-08T00:00:00Z', 1),
      cardDue('lapsed', '2026-03-08T00:00:00Z', 3),
      cardDue('january', '2026-01-20T00:00:00Z'),
    ];
    expect(selectDailyQueue(cards, morning, { maxPerDay: 10, reviewedToday: 0 }).map((c) => c.questionId)).toEqual([
      'january',
      'lapsed',
      'a-old',
      'b-old',
      'tonight',
    ]);
    expect(selectDailyQueue(cards, morning, { maxPerDay: 3, reviewedToday: 1 }).map((c) => c.questionId)).toEqual(['january', 'lapsed']);
    expect(selectDailyQueue(cards, morning, { maxPerDay: 3, reviewedToday: 5 })).toEqual([]);
  });

  it('carries cards over from earlier months', () => {
    const january = reviewCard(newWrongBookCard('q9', at('2026-01-20T02:00:00Z')), 'good', at('2026-01-20T02:00:00Z')).card;
    expect(january.fsrs.due).toEqual(at('2026-01-23T02:00:00Z'));
    expect(selectDailyQueue([january], at('2026-03-05T02:00:00Z'), { maxPerDay: 20, reviewedToday: 0 })).toEqual([january]);
  });
});
