import type {
  Envelope,
  QuizAttemptResult,
  QuizBranchResults,
  QuizItemAnalysis,
  QuizLeaderboard,
  QuizPlayAttempt,
  QuizPracticeQueue,
  QuizReview,
  QuizRounds,
} from '@zbxx/contracts';
import { DEMO_OPENIDS, DEMO_ROUND_ID, generateCounty } from '@zbxx/demo-data';
import { monthOf, toDisplayLabels } from '@zbxx/domain';
import type { MemberDoc, QuizAttemptDoc, QuizRoundDoc } from '@zbxx/server';
import { errorCode, ok, useQuizCloud } from './quiz-cloud';

jest.setTimeout(30_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(NOW);
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: month, today: NOW });
const { members, quizQuestions, quizRounds } = county.collections;
const demoRound = quizRounds.find((round) => round._id === DEMO_ROUND_ID(month)) as QuizRoundDoc;

/** Members made bindable for these tests: openids `quiz-m<i>` on roster entries nobody else uses. */
const spare = members.filter((m) => !m.openid).slice(0, 12);
const testMembers: MemberDoc[] = spare.map((m, i) => ({ ...m, openid: `quiz-m${i}` }));
const openidOf = (i: number) => `quiz-m${i}`;

/** A round allowing one attempt, whose review shows everything after submission. */
const oneShot: QuizRoundDoc = {
  ...demoRound,
  _id: 'round-it-one-shot',
  title: '一次机会',
  attemptsAllowed: 1,
  review: { ownAnswers: 'afterSubmit', correctAnswers: 'afterSubmit', explanations: 'afterSubmit' },
};

const { cloud: testCloud, quiz } = useQuizCloud(
  () =>
    ({
      ...county.collections,
      members: members.map((m) => testMembers.find((t) => t._id === m._id) ?? m),
      quizRounds: [...quizRounds, oneShot],
    }) as unknown as Record<string, object[]>,
  NOW,
);
const cloud = {
  get engine() {
    return testCloud().engine;
  },
};
const attemptDoc = (id: string) => cloud.engine.find('quizAttempts', { _id: id })[0] as unknown as QuizAttemptDoc;
/** The labels that answer every question correctly, read from the stored paper (what only the server knows). */
function correctLabels(attemptId: string): Record<string, string[]> {
  const doc = attemptDoc(attemptId);
  return Object.fromEntries(
    doc.items.map((item) => [item.questionId, toDisplayLabels({ questionId: item.questionId, order: item.order }, item.key)]),
  );
}

/** Every response made before submission, for the key-leak scan. */
const beforeSubmission: unknown[] = [];

describe('rounds and start', () => {
  it('lists the month’s round as open for a member, in 3 database requests', async () => {
    const { result, dbRequests } = await quiz<QuizRounds>('rounds', undefined, openidOf(0));
    beforeSubmission.push(result);
    const round = ok(result).rounds.find((r) => r.roundId === demoRound._id);
    expect(round).toMatchObject({
      window: 'open',
      questionCount: 20,
      maxScore: 100,
      passMark: 60,
      attemptsUsed: 0,
      openAttemptId: null,
      grade: null,
    });
    expect(dbRequests).toBeLessThanOrEqual(3);
  });

  it('draws a paper of exactly the quota on the server, with options shuffled per attempt', async () => {
    const { result } = await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(0));
    beforeSubmission.push(result);
    const paper = ok(result);
    expect(paper.questions).toHaveLength(20);
    const doc = attemptDoc(paper.attemptId);
    const byCategory: Record<string, number> = {};
    for (const item of doc.items) byCategory[item.category] = (byCategory[item.category] ?? 0) + 1;
    expect(byCategory).toEqual(Object.fromEntries(demoRound.quota.map((q) => [q.category, q.count])));
    expect(typeof doc.seed).toBe('number');
    expect(new Date(paper.deadline).getTime() - new Date(paper.startedAt).getTime()).toBe(demoRound.timeLimitSeconds * 1000);
  });

  it('refuses an unknown round', async () => {
    expect(errorCode((await quiz('start', { roundId: 'round-nope' }, openidOf(1))).result)).toBe('NOT_FOUND');
  });
});

describe('autosave and resume', () => {
  it('resumes a killed attempt with every saved answer', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(2))).result);
    const [q1, q2] = paper.questions;
    const saved = await quiz<{ saved: number }>(
      'answer',
      { attemptId: paper.attemptId, answers: { [q1!.id]: ['B'], [q2!.id]: ['A'] } },
      openidOf(2),
    );
    beforeSubmission.push(saved.result);
    expect(ok(saved.result).saved).toBe(2);
    expect(saved.dbRequests).toBeLessThanOrEqual(3);

    const resumed = await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(2));
    beforeSubmission.push(resumed.result);
    const again = ok(resumed.result);
    expect(again.attemptId).toBe(paper.attemptId);
    expect(again.questions).toEqual(paper.questions);
    expect(again.answers).toEqual({ [q1!.id]: ['B'], [q2!.id]: ['A'] });
    expect(resumed.dbRequests).toBeLessThanOrEqual(3);
  });

  it('refuses labels that are not on the paper and changes nothing', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(2))).result);
    const before = attemptDoc(paper.attemptId).answers;
    const single = paper.questions.find((q) => q.type === 'single')!;
    expect(
      errorCode((await quiz('answer', { attemptId: paper.attemptId, answers: { [single.id]: ['A', 'B'] } }, openidOf(2))).result),
    ).toBe('INPUT.INVALID');
    expect(errorCode((await quiz('answer', { attemptId: paper.attemptId, answers: { [single.id]: ['J'] } }, openidOf(2))).result)).toBe(
      'INPUT.INVALID',
    );
    expect(errorCode((await quiz('answer', { attemptId: paper.attemptId, answers: { 'q-not-drawn': ['A'] } }, openidOf(2))).result)).toBe(
      'INPUT.INVALID',
    );
    expect(attemptDoc(paper.attemptId).answers).toEqual(before);
  });
});

describe('someone else’s attempt', () => {
  it('cannot be answered, submitted, reviewed or resumed by another member', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(3))).result);
    const q = paper.questions[0]!;
    for (const [action, data] of [
      ['answer', { attemptId: paper.attemptId, answers: { [q.id]: ['A'] } }],
      ['submit', { attemptId: paper.attemptId }],
      ['review', { attemptId: paper.attemptId }],
    ] as const) {
      expect(errorCode((await quiz(action, data, openidOf(4))).result)).toBe('NOT_FOUND');
    }
    const own = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(4))).result);
    expect(own.attemptId).not.toBe(paper.attemptId);
    expect(attemptDoc(paper.attemptId).finishedAt).toBeNull();
    expect(attemptDoc(paper.attemptId).answers).toEqual({});
  });
});

describe('submit', () => {
  it('scores on the server within 3 database requests, and a retry returns the same result', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(5))).result);
    const correct = correctLabels(paper.attemptId);
    const [wrongId] = Object.keys(correct).filter((id) => paper.questions.find((q) => q.id === id)?.type === 'trueFalse');
    const answers = { ...correct, [wrongId!]: correct[wrongId!]![0] === 'A' ? ['B'] : ['A'] };
    const first = await quiz<QuizAttemptResult>('submit', { attemptId: paper.attemptId, answers, pageHiddenCount: 2 }, openidOf(5));
    const result = ok(first.result);
    expect(result).toMatchObject({ score: 95, maxScore: 100, passed: true, correctCount: 19, questionCount: 20, closedByDeadline: false });
    expect(first.dbRequests).toBeLessThanOrEqual(3);

    const retry = await quiz<QuizAttemptResult>('submit', { attemptId: paper.attemptId, answers: correct }, openidOf(5));
    expect(ok(retry.result)).toEqual(result);
    expect(retry.dbRequests).toBeLessThanOrEqual(3);
    expect(attemptDoc(paper.attemptId).pageHiddenCount).toBe(2);
    expect(errorCode((await quiz('answer', { attemptId: paper.attemptId, answers: correct }, openidOf(5))).result)).toBe(
      'QUIZ.ATTEMPT_FINISHED',
    );
  });

  it('finishes an attempt once when two submits race', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(6))).result);
    const correct = correctLabels(paper.attemptId);
    const replies = await Promise.all([
      quiz<QuizAttemptResult>('submit', { attemptId: paper.attemptId, answers: correct }, openidOf(6)),
      quiz<QuizAttemptResult>('submit', { attemptId: paper.attemptId, answers: {} }, openidOf(6)),
    ]);
    const [a, b] = replies.map((reply) => ok(reply.result));
    expect(a).toEqual(b);
    expect(attemptDoc(paper.attemptId).score).toBe(a!.score);
  });

  it('closes an attempt past its deadline with what was saved, ignoring answers sent late', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(7))).result);
    const correct = correctLabels(paper.attemptId);
    const [firstId, ...rest] = Object.keys(correct);
    ok((await quiz('answer', { attemptId: paper.attemptId, answers: { [firstId!]: correct[firstId!] } }, openidOf(7))).result);
    const past = new Date(NOW.getTime() - 60_000);
    cloud.engine.update('quizAttempts', { _id: paper.attemptId }, { $set: { deadline: past } });

    expect(errorCode((await quiz('answer', { attemptId: paper.attemptId, answers: correct }, openidOf(7))).result)).toBe(
      'QUIZ.ATTEMPT_FINISHED',
    );
    const late = ok(
      (
        await quiz<QuizAttemptResult>(
          'submit',
          { attemptId: paper.attemptId, answers: Object.fromEntries(rest.map((id) => [id, correct[id]])) },
          openidOf(7),
        )
      ).result,
    );
    expect(late).toMatchObject({ score: 5, correctCount: 1, closedByDeadline: true, finishedAt: past.toISOString() });
  });
});

describe('attempt limits', () => {
  it('never opens more than one attempt when starts race', async () => {
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(8))),
    );
    const ids = new Set(replies.map((reply) => ok(reply.result).attemptId));
    expect(ids.size).toBe(1);
    expect(cloud.engine.count('quizAttempts', { roundId: demoRound._id, memberId: testMembers[8]!._id })).toBe(1);
  });

  it('refuses a start beyond the attempts allowed, even when starts race', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: oneShot._id }, openidOf(9))).result);
    ok((await quiz('submit', { attemptId: paper.attemptId }, openidOf(9))).result);
    const replies = await Promise.all(Array.from({ length: 5 }, () => quiz('start', { roundId: oneShot._id }, openidOf(9))));
    expect(replies.map((reply) => errorCode(reply.result))).toEqual(Array(5).fill('QUIZ.NO_ATTEMPTS_LEFT'));
    expect(cloud.engine.count('quizAttempts', { roundId: oneShot._id, memberId: testMembers[9]!._id })).toBe(1);
  });
});

describe('review', () => {
  it('hides keys while attempts remain, but shows the member’s own answers', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(10))).result);
    const q = paper.questions[0]!;
    ok((await quiz('submit', { attemptId: paper.attemptId, answers: { [q.id]: ['A'] } }, openidOf(10))).result);
    const { result, dbRequests } = await quiz<QuizReview>('review', { attemptId: paper.attemptId }, openidOf(10));
    const review = ok(result);
    expect(review.visibility).toEqual({ ownAnswers: true, correctAnswers: false, explanations: false });
    expect(review.items[0]).toMatchObject({ questionId: q.id, yourAnswer: ['A'] });
    expect(review.items.every((item) => item.correctAnswer === undefined && item.explanation === undefined)).toBe(true);
    expect(review.notice).toContain('次数用完');
    expect(dbRequests).toBeLessThanOrEqual(3);
  });

  it('shows keys and explanations citing the article once no attempts remain', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: oneShot._id }, openidOf(11))).result);
    const correct = correctLabels(paper.attemptId);
    ok((await quiz('submit', { attemptId: paper.attemptId, answers: correct }, openidOf(11))).result);
    const review = ok((await quiz<QuizReview>('review', { attemptId: paper.attemptId }, openidOf(11))).result);
    expect(review.visibility).toEqual({ ownAnswers: true, correctAnswers: true, explanations: true });
    for (const item of review.items) {
      expect(item.correctAnswer).toEqual(correct[item.questionId]);
      expect(item.outcome).toBe('correct');
      expect(item.citation).toMatch(/^《.+》/);
      expect(item.explanation).toBeTruthy();
    }
  });

  it('refuses to review an attempt still in progress', async () => {
    const paper = ok((await quiz<QuizPlayAttempt>('start', { roundId: demoRound._id }, openidOf(1))).result);
    beforeSubmission.push(paper);
    expect(errorCode((await quiz('review', { attemptId: paper.attemptId }, openidOf(1))).result)).toBe('AUTH.FORBIDDEN');
  });
});

describe('错题本', () => {
  it('turns every missed question of an attempt whose keys are shown into a card, practised 10 a day', async () => {
    // Member 9 handed in an empty paper in the one-attempt round: 20 cards, keys visible.
    const { result, dbRequests } = await quiz<QuizPracticeQueue>('practiceQueue', undefined, openidOf(9));
    const queue = ok(result);
    expect(queue).toMatchObject({ totalCards: 20, reviewedToday: 0 });
    expect(queue.cards).toHaveLength(10);
    const paper = attemptDoc(`${oneShot._id}_${testMembers[9]!._id}_1`);
    const first = queue.cards[0]!;
    const item = paper.items.find((i) => i.questionId === first.questionId)!;
    expect(first.correctAnswer).toEqual(toDisplayLabels({ questionId: item.questionId, order: item.options.map((o) => o.id) }, item.key));
    expect(first.citation).toBe(`${item.citation.regulation}${item.citation.article}`);
    expect(dbRequests).toBeLessThanOrEqual(4);

    const rated = ok(
      (await quiz<{ due: string; reviewedToday: number }>('practiceRate', { questionId: first.questionId, rating: 'good' }, openidOf(9)))
        .result,
    );
    expect(new Date(rated.due).getTime()).toBeGreaterThan(NOW.getTime() + 12 * 3600_000);
    expect(rated.reviewedToday).toBe(1);
    const again = ok((await quiz<QuizPracticeQueue>('practiceQueue', undefined, openidOf(9))).result);
    expect(again).toMatchObject({ totalCards: 20, reviewedToday: 1 });
    expect(again.cards).toHaveLength(9);
    expect(again.cards.map((c) => c.questionId)).not.toContain(first.questionId);
  });

  it('holds back questions of a round the member may still retake, so practice never reveals its keys', async () => {
    const queue = ok((await quiz<QuizPracticeQueue>('practiceQueue', undefined, openidOf(10))).result);
    expect(queue).toEqual({ totalCards: 0, reviewedToday: 0, cards: [] });
    expect(errorCode((await quiz('practiceRate', { questionId: 'q-demo-001', rating: 'easy' }, openidOf(10))).result)).toBe('NOT_FOUND');
  });
});

describe('leaderboard', () => {
  it('ranks every branch by participation with its average of best scores, and places the member in their branch', async () => {
    const me = testMembers[5]!;
    const { result, dbRequests } = await quiz<QuizLeaderboard>('leaderboard', { roundId: demoRound._id }, openidOf(5));
    const board = ok(result);
    const branchIds = county.collections.orgs.filter((org) => org.type === 'branch').map((org) => org._id);
    expect(board.branches.map((b) => b.branchId).sort()).toEqual([...branchIds].sort());

    // Expected figures straight from the stored attempts: best finished score per member, averaged per branch.
    const finished = cloud.engine.find('quizAttempts', {
      roundId: demoRound._id,
      finishedAt: { $ne: null },
    }) as unknown as QuizAttemptDoc[];
    const best = new Map<string, { branchId: string; score: number }>();
    for (const a of finished)
      best.set(a.memberId, { branchId: a.branchId, score: Math.max(best.get(a.memberId)?.score ?? -1, a.score ?? 0) });
    const mine = [...best.values()].filter((row) => row.branchId === me.branchId);
    const myBranch = board.branches.find((b) => b.branchId === me.branchId)!;
    expect(myBranch).toMatchObject({ isMine: true, participants: mine.length });
    expect(myBranch.averageScore).toBeCloseTo(mine.reduce((sum, row) => sum + row.score, 0) / mine.length, 2);
    expect(myBranch.participationRate).toBeCloseTo(mine.length / members.filter((m) => m.branchId === me.branchId).length, 3);
    const higher = mine.filter((row) => row.score > 95).length;
    expect(board.myRank).toEqual({ rank: higher + 1, of: mine.length, score: 95 });
    const rates = board.branches.map((b) => b.participationRate ?? -1);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(dbRequests).toBeLessThanOrEqual(6);
  });
});

describe('item analysis', () => {
  it('gives the admin facility and option counts per question, computed from the scored attempts', async () => {
    const board = ok((await quiz<QuizItemAnalysis>('itemAnalysis', { roundId: demoRound._id }, DEMO_OPENIDS.admin)).result);
    const finished = cloud.engine.find('quizAttempts', {
      roundId: demoRound._id,
      finishedAt: { $ne: null },
    }) as unknown as QuizAttemptDoc[];
    expect(board.attemptsAnalysed).toBe(finished.length);
    const item = board.items.find((i) => i.examinees === Math.max(...board.items.map((x) => x.examinees)))!;
    const examinees = finished.filter((a) => a.outcomes?.some((o) => o.questionId === item.questionId));
    const correct = examinees.filter((a) => a.outcomes?.find((o) => o.questionId === item.questionId)?.outcome === 'correct').length;
    expect(item.examinees).toBe(examinees.length);
    expect(item.facility).toBeCloseTo(correct / examinees.length, 3);
    const unanswered = examinees.filter((a) => (a.answers[item.questionId] ?? []).length === 0).length;
    expect(item.unanswered).toBe(unanswered);
    const question = quizQuestions.find((q) => q._id === item.questionId)!;
    expect(item.citation).toBe(`${question.citation.regulation}${question.citation.article}`);
    expect(item.discrimination).toBeNull(); // fewer than 10 examinees
  });

  it('is for admins only', async () => {
    expect(errorCode((await quiz('itemAnalysis', { roundId: demoRound._id }, openidOf(0))).result)).toBe('AUTH.FORBIDDEN');
  });
});

describe('the secretary’s view', () => {
  it('shows each member’s grade with fair-play flags, in 5 database requests, to whoever runs the branch', async () => {
    const flagged = testMembers[5]!;
    const { result, dbRequests } = await quiz<QuizBranchResults>(
      'branchResults',
      { branchId: flagged.branchId, roundId: demoRound._id },
      DEMO_OPENIDS.admin,
    );
    const data = ok(result);
    expect(data.round).toMatchObject({ roundId: demoRound._id, maxScore: 100, passMark: 60, window: 'open' });
    const row = data.members.find((m) => m.memberId === flagged._id);
    expect(row).toMatchObject({ attemptsUsed: 1, inProgress: false, grade: { score: 95, passed: true } });
    // Twenty answers handed in within a second, after leaving the page twice.
    expect(row!.flags).toEqual(
      expect.arrayContaining([expect.stringContaining('离开答题页 2 次'), expect.stringContaining('快于正常阅读')]),
    );
    expect(data.summary.participated).toBeGreaterThanOrEqual(1);
    expect(data.members.filter((m) => m.attemptsUsed === 0).every((m) => m.grade === null && m.flags.length === 0)).toBe(true);
    expect(dbRequests).toBeLessThanOrEqual(5);
  });

  it('is refused to a plain member', async () => {
    expect(errorCode((await quiz('branchResults', undefined, openidOf(0))).result)).toBe('AUTH.FORBIDDEN');
  });
});

describe('no key leaves the server before submission', () => {
  it('finds no key, explanation, citation or shuffle in any response made before submission', () => {
    expect(beforeSubmission.length).toBeGreaterThan(4);
    const text = JSON.stringify(beforeSubmission);
    for (const field of ['"key"', '"explanation"', '"citation"', '"order"', '"seed"', '"outcomes"', '"correctAnswer"']) {
      expect(text).not.toContain(field);
    }
    // Text any paper may show (stems, options) can't be told apart from an explanation that repeats it.
    const publicText = quizQuestions.flatMap((q) => [q.stem, ...q.options.map((o) => o.text)]);
    for (const question of quizQuestions) {
      if (!publicText.some((shown) => shown.includes(question.explanation))) expect(text).not.toContain(question.explanation);
      expect(text).not.toContain(
        question.citation.article === '' ? '\u0000' : `${question.citation.regulation}${question.citation.article}`,
      );
    }
    for (const reply of beforeSubmission as Envelope<QuizPlayAttempt>[]) {
      if (!reply || typeof reply !== 'object' || !('ok' in reply) || !reply.ok || !('questions' in reply.data)) continue;
      for (const question of reply.data.questions) {
        expect(Object.keys(question).sort()).toEqual(['id', 'options', 'points', 'stem', 'type']);
        expect(question.options.map((o) => o.id)).toEqual('ABCDEF'.slice(0, question.options.length).split(''));
      }
    }
  });
});
