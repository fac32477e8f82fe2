import { reviewVisibility, type ReviewContext, type ReviewPolicy } from '../review-policy';

const closesAt = new Date('2026-03-21T00:00:00+08:00');
const during = new Date('2026-03-15T10:00:00+08:00');
const afterClose = new Date('2026-03-21T00:00:00+08:00');
const context = (overrides: Partial<ReviewContext>): ReviewContext => ({
  now: during,
  roundClosesAt: closesAt,
  attemptFinished: true,
  attemptsLeft: 0,
  ...overrides,
});
const immediately: ReviewPolicy = { ownAnswers: 'afterSubmit', correctAnswers: 'afterSubmit', explanations: 'afterSubmit' };

describe('reviewVisibility', () => {
  it('shows nothing while the attempt is in progress, whatever the policy', () => {
    expect(reviewVisibility(immediately, context({ attemptFinished: false, now: afterClose }))).toEqual({
      score: false,
      ownAnswers: false,
      correctAnswers: false,
      explanations: false,
    });
  });

  it('shows everything immediately when allowed and no attempt is left', () => {
    expect(reviewVisibility(immediately, context({}))).toEqual({
      score: true,
      ownAnswers: true,
      correctAnswers: true,
      explanations: true,
    });
  });

  it('holds back the key while another attempt could use it, until the round closes', () => {
    expect(reviewVisibility(immediately, context({ attemptsLeft: 1 }))).toEqual({
      score: true,
      ownAnswers: true,
      correctAnswers: false,
      explanations: false,
    });
    expect(reviewVisibility(immediately, context({ attemptsLeft: 1, now: afterClose })).correctAnswers).toBe(true);
  });

  it('waits for the round to close when told to', () => {
    const later: ReviewPolicy = { ownAnswers: 'afterSubmit', correctAnswers: 'afterRoundCloses', explanations: 'afterRoundCloses' };
    expect(reviewVisibility(later, context({}))).toEqual({ score: true, ownAnswers: true, correctAnswers: false, explanations: false });
    expect(reviewVisibility(later, context({ now: afterClose }))).toEqual({
      score: true,
      ownAnswers: true,
      correctAnswers: true,
      explanations: true,
    });
  });

  it('never shows what is set to never, and no explanation without the key', () => {
    const noKey: ReviewPolicy = { ownAnswers: 'never', correctAnswers: 'never', explanations: 'afterSubmit' };
    expect(reviewVisibility(noKey, context({ now: afterClose }))).toEqual({
      score: true,
      ownAnswers: false,
      correctAnswers: false,
      explanations: false,
    });
    const keyOnly: ReviewPolicy = { ownAnswers: 'afterRoundCloses', correctAnswers: 'afterSubmit', explanations: 'never' };
    expect(reviewVisibility(keyOnly, context({}))).toEqual({ score: true, ownAnswers: false, correctAnswers: true, explanations: false });
  });
});
