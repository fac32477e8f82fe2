import { analyseItems, ITEM_FLAG_LABELS } from '@zbxx/domain';
import type { Devcloud, Engine } from '@zbxx/devcloud';
import type { Db } from '../db';
import { analyseRoundItems } from '../round-item-analysis';
import { startSdkDatabase, type SdkDatabase } from '@zbxx/testing';

/**
 * 试题分析 over more than one page of attempts, through the real wx-server-sdk and devcloud: every finished
 * attempt of the round is read once (none twice at a page boundary, none of another round or unfinished),
 * one request per 1000 attempts plus one for the questions, and the figures are those of the whole round.
 */
const ROUND = 'round-ia';
const QUESTIONS = Array.from({ length: 8 }, (_, i) => `q${i + 1}`);
const FINISHED = 2345;

/** A deterministic spread of papers: each attempt answers five of the eight questions, better members more often right. */
function attemptsOf(roundId: string, count: number, finished: boolean): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => {
    const drawn = QUESTIONS.filter((_, q) => (n + q) % 8 < 5);
    const ability = (n * 37) % 100;
    const outcomes = drawn.map((questionId, q) => ({
      questionId,
      outcome: (ability + q * 13) % 100 < ability ? 'wrong' : 'correct',
      earned: 0,
      points: 20,
    }));
    const score = outcomes.filter((o) => o.outcome === 'correct').length * 20;
    return {
      // Unpadded member numbers, so the id order (m10 < m9) is not the insertion order.
      _id: `${roundId}_m${n}_1`,
      roundId,
      memberId: `m${n}`,
      attemptNumber: 1,
      finishedAt: finished ? new Date('2025-03-13T12:00:00Z') : null,
      score: finished ? score : null,
      maxScore: 100,
      answers: Object.fromEntries(
        drawn.map((questionId, q) => [
          questionId,
          n % 11 === q ? [] : outcomes[q]!.outcome === 'correct' ? ['A'] : [n % 2 === 0 ? 'B' : 'C'],
        ]),
      ),
      outcomes: finished ? outcomes : null,
    };
  });
}

describe('analyseRoundItems through the SDK', () => {
  let devcloud: Devcloud<Engine>;
  let db: Db;
  let sdk: SdkDatabase;

  beforeAll(async () => {
    sdk = await startSdkDatabase({
      quizQuestions: QUESTIONS.map((id) => ({
        _id: id,
        type: 'single',
        stem: `题干${id}`,
        category: '党章',
        citation: { regulation: '《中国共产党章程》', article: '第一条' },
        key: ['A'],
      })),
      quizAttempts: [
        ...attemptsOf(ROUND, FINISHED, true),
        ...attemptsOf('round-other', 300, true),
        ...attemptsOf(ROUND, 40, false).map((a) => ({ ...a, _id: `${a._id as string}x`, attemptNumber: 2 })),
      ],
    });
    ({ devcloud, db } = sdk);
  });

  afterAll(() => sdk.close());

  const finishedInIdOrder = (limit?: number) =>
    devcloud.engine.find(
      'quizAttempts',
      { roundId: ROUND, finishedAt: { $ne: null } },
      { sort: { _id: 1 }, ...(limit === undefined ? {} : { limit }) },
    ) as unknown as {
      _id: string;
      score: number;
      maxScore: number;
      answers: Record<string, string[]>;
      outcomes: { questionId: string; outcome: string }[];
    }[];

  const expectedOf = (attempts: ReturnType<typeof finishedInIdOrder>) =>
    analyseItems(
      attempts.map((a) => ({
        attemptId: a._id,
        score: a.score,
        maxScore: a.maxScore,
        responses: a.outcomes.map((o) => ({
          questionId: o.questionId,
          choice: a.answers[o.questionId] ?? [],
          correct: o.outcome === 'correct',
        })),
      })),
      Object.fromEntries(QUESTIONS.map((id) => [id, ['A']])),
    );

  it('reads every finished attempt of the round once, in three pages and one question request', async () => {
    const before = devcloud.stats.snapshot().dbRequests.total;
    const analysis = await analyseRoundItems(db, ROUND);
    expect(devcloud.stats.snapshot().dbRequests.total - before).toBe(3 + 1);
    expect(analysis.attemptsAnalysed).toBe(FINISHED);

    const expected = expectedOf(finishedInIdOrder());
    expect(analysis.items.map((item) => item.questionId)).toEqual(QUESTIONS);
    expect(analysis.items.reduce((sum, item) => sum + item.examinees, 0)).toBe(FINISHED * 5);
    expect(analysis.items).toEqual(
      expected.map((item) =>
        expect.objectContaining({
          questionId: item.questionId,
          examinees: item.examinees,
          facility: Math.round(item.facility * 1000) / 1000,
          discrimination: item.discrimination === null ? null : Math.round(item.discrimination * 1000) / 1000,
          optionCounts: item.optionCounts,
          unanswered: item.unanswered,
          flags: item.flags.map((flag) => ITEM_FLAG_LABELS[flag]),
          stem: `题干${item.questionId}`,
          key: 'A',
        }),
      ),
    );
    expect(analysis.items.some((item) => item.discrimination !== null && item.discrimination > 0)).toBe(true);
  });

  it('stops at the cap, having read the first attempts in id order', async () => {
    const analysis = await analyseRoundItems(db, ROUND, 1500);
    expect(analysis.attemptsAnalysed).toBe(1500);
    expect(analysis.items.map((item) => item.examinees)).toEqual(expectedOf(finishedInIdOrder(1500)).map((item) => item.examinees));
  });
});
