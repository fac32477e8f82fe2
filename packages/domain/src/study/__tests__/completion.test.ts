import {
  applyReadingBatches,
  isReadingComplete,
  markOpened,
  MIN_PLAUSIBLE_SECONDS,
  newReadingState,
  plausibleReadingSeconds,
  readingView,
  REMEMBERED_BATCHES,
  suggestedReadingMinutes,
  type ReadingBatch,
} from '../completion';

const T0 = Date.UTC(2025, 5, 1, 2, 0, 0);
const seconds = (s: number) => T0 + s * 1000;
/** 1,500 characters: 100 s of skimming at the least. */
const ARTICLE = { textLength: 1500, imageCount: 0 };

let seq = 0;
const batch = (overrides: Partial<ReadingBatch> = {}): ReadingBatch => ({
  batchId: `batch-${(seq += 1).toString().padStart(4, '0')}`,
  dwellSeconds: 20,
  furthest: 0.2,
  position: 0.2,
  ...overrides,
});

describe('plausibleReadingSeconds', () => {
  it('grows with the text and the images, from a floor', () => {
    expect(plausibleReadingSeconds(ARTICLE)).toBe(100);
    expect(plausibleReadingSeconds({ textLength: 1500, imageCount: 2 })).toBe(106);
    expect(plausibleReadingSeconds({ textLength: 10, imageCount: 0 })).toBe(MIN_PLAUSIBLE_SECONDS);
  });

  it('suggests a careful reading time in whole minutes', () => {
    expect(suggestedReadingMinutes(ARTICLE)).toBe(5);
    expect(suggestedReadingMinutes({ textLength: 20, imageCount: 0 })).toBe(1);
  });
});

describe('applyReadingBatches', () => {
  it('completes a material read to the end with plausible dwell, at the server time of the deciding batch', () => {
    let state = newReadingState(T0);
    const steps = [0.25, 0.5, 0.75, 1];
    steps.forEach((furthest, i) => {
      state = applyReadingBatches(state, [batch({ dwellSeconds: 30, furthest, position: furthest })], ARTICLE, seconds(30 * (i + 1))).state;
    });
    expect(state.creditedSeconds).toBe(120);
    expect(state.furthest).toBe(1);
    expect(state.completedAt).toBe(seconds(120));
    expect(readingView(state)).toEqual({ status: 'completed', percent: 100 });
  });

  it('does not complete a jump to the end a few seconds after opening, whatever dwell the phone claims', () => {
    const opened = newReadingState(T0);
    const { state } = applyReadingBatches(opened, [batch({ dwellSeconds: 900, furthest: 1, position: 1 })], ARTICLE, seconds(4));
    expect(state.creditedSeconds).toBe(4);
    expect(state.completedAt).toBeNull();
    expect(readingView(state)).toEqual({ status: 'reading', percent: 99 });
  });

  it('does not complete plausible dwell that never reached the end', () => {
    const { state } = applyReadingBatches(newReadingState(T0), [batch({ dwellSeconds: 600, furthest: 0.9 })], ARTICLE, seconds(600));
    expect(state.creditedSeconds).toBe(600);
    expect(state.completedAt).toBeNull();
    expect(readingView(state)).toEqual({ status: 'reading', percent: 90 });
  });

  it('changes nothing for a replayed batch or a duplicate within one call', () => {
    const first = batch({ dwellSeconds: 50, furthest: 0.5, position: 0.5 });
    const once = applyReadingBatches(newReadingState(T0), [first, first], ARTICLE, seconds(60));
    expect(once.applied).toEqual([first.batchId]);
    expect(once.replayed).toEqual([first.batchId]);
    expect(once.state.creditedSeconds).toBe(50);

    const again = applyReadingBatches(once.state, [first], ARTICLE, seconds(600));
    expect(again.state).toBe(once.state);
    expect(again.applied).toEqual([]);
    expect(again.replayed).toEqual([first.batchId]);
  });

  it('credits an offline backlog in full when the server saw that much time pass, and no more', () => {
    const backlog = [
      batch({ dwellSeconds: 40, furthest: 0.4 }),
      batch({ dwellSeconds: 40, furthest: 0.8 }),
      batch({ dwellSeconds: 40, furthest: 1, position: 0.6 }),
    ];
    const late = applyReadingBatches(newReadingState(T0), backlog, ARTICLE, seconds(3600)).state;
    expect(late.creditedSeconds).toBe(120);
    expect(late.position).toBe(0.6);
    expect(late.completedAt).toBe(seconds(3600));

    const tooSoon = applyReadingBatches(newReadingState(T0), backlog, ARTICLE, seconds(45)).state;
    expect(tooSoon.creditedSeconds).toBe(45);
    expect(tooSoon.completedAt).toBeNull();
  });

  it('counts from the latest contact: reopening restarts the server clock', () => {
    let state = applyReadingBatches(newReadingState(T0), [batch({ dwellSeconds: 10 })], ARTICLE, seconds(10)).state;
    state = markOpened(state, seconds(5000));
    state = applyReadingBatches(state, [batch({ dwellSeconds: 300, furthest: 1 })], ARTICLE, seconds(5003)).state;
    expect(state.creditedSeconds).toBe(13);
    expect(state.completedAt).toBeNull();
  });

  it('keeps completion once earned and the furthest point never moves back', () => {
    let state = applyReadingBatches(newReadingState(T0), [batch({ dwellSeconds: 200, furthest: 1 })], ARTICLE, seconds(200)).state;
    const completedAt = state.completedAt;
    state = applyReadingBatches(state, [batch({ dwellSeconds: 5, furthest: 0.1, position: 0.1 })], ARTICLE, seconds(300)).state;
    expect(state.completedAt).toBe(completedAt);
    expect(state.furthest).toBe(1);
    expect(state.position).toBe(0.1);
  });

  it('remembers a bounded number of batch ids', () => {
    const many = Array.from({ length: REMEMBERED_BATCHES + 10 }, () => batch({ dwellSeconds: 0 }));
    const { state } = applyReadingBatches(newReadingState(T0), many, ARTICLE, seconds(1));
    expect(state.batchIds).toHaveLength(REMEMBERED_BATCHES);
    expect(state.batchIds.at(-1)).toBe(many.at(-1)!.batchId);
  });
});

describe('isReadingComplete / readingView', () => {
  it('needs both the end and the time', () => {
    expect(isReadingComplete({ furthest: 0.97, creditedSeconds: 100 }, ARTICLE)).toBe(true);
    expect(isReadingComplete({ furthest: 0.96, creditedSeconds: 1000 }, ARTICLE)).toBe(false);
    expect(isReadingComplete({ furthest: 1, creditedSeconds: 99 }, ARTICLE)).toBe(false);
  });

  it('says 未读 for nothing done', () => {
    expect(readingView(null)).toEqual({ status: 'unread', percent: 0 });
    expect(readingView(newReadingState(T0))).toEqual({ status: 'unread', percent: 0 });
  });
});

describe('reading time is one resource per member', () => {
  const SHORT = { textLength: 150, imageCount: 0 };
  const end = (dwellSeconds: number): ReadingBatch => batch({ dwellSeconds, furthest: 1, position: 1 });

  it('credits one idle stretch with two materials open to the first reported only', () => {
    // Both opened at T0, nothing reported until T0 + 11 s.
    const a = applyReadingBatches(newReadingState(T0), [end(11)], SHORT, seconds(11), null);
    expect(a.credited).toBe(11);
    expect(a.state.completedAt).toBe(seconds(11));
    const b = applyReadingBatches(newReadingState(T0), [end(11)], SHORT, seconds(11), a.handedOutUntil);
    expect(b.credited).toBe(0);
    expect(b.state.completedAt).toBeNull();
  });

  it('shares a backlog sent in one call between materials, never more than the time that passed', () => {
    const a = applyReadingBatches(newReadingState(T0), [end(6)], SHORT, seconds(20), T0);
    expect(a).toMatchObject({ credited: 6, handedOutUntil: seconds(6) });
    const b = applyReadingBatches(newReadingState(T0), [end(30)], SHORT, seconds(20), a.handedOutUntil);
    expect(b).toMatchObject({ credited: 14, handedOutUntil: seconds(20) });
  });

  it('leaves reading one material at a time as it was', () => {
    const first = applyReadingBatches(newReadingState(T0), [batch({ dwellSeconds: 10 })], ARTICLE, seconds(10), T0);
    const second = applyReadingBatches(first.state, [batch({ dwellSeconds: 10 })], ARTICLE, seconds(20), first.handedOutUntil);
    expect(second.state.creditedSeconds).toBe(20);
  });
});
