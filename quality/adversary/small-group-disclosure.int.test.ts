import type { Envelope } from '@zbxx/contracts';
import { ROUND_SETTINGS } from '../support/free-text-fields';
import { startQualityCloud, type QualityCloud } from '../support/quality-cloud';
import { CALLER_OPENIDS, SUBJECT, qualityCounty } from '../support/quality-county';
import { attacker } from './support/attacker';

/**
 * Small-group disclosure: aggregates over one or two people.
 *
 * Attacker: a member of a sibling branch (same 党委), who may open the round's 排行榜.
 * Goal: read one person's score from a branch average: a branch where only one member has finished shows
 * that member's score as the "average".
 * Budget: one leaderboard request, 30 seconds.
 * Success for the attacker: a branch average shown for fewer than 3 participants.
 *
 * The same round has 3 questions: a member who answers all of them right must score the round's full marks,
 * 100, not 99.99 (points are shared out of 100 in whole hundredths that add up exactly).
 */

jest.setTimeout(90_000);

const county = qualityCounty();
let qc: QualityCloud;
let roundId: string;

const data = <T>(envelope: Envelope<unknown>, what: string): T => {
  if (!envelope.ok) throw new Error(`${what}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data as T;
};

interface StoredItem {
  questionId: string;
  order: string[];
  key: string[];
}

/** The member plays the round with every answer right (the test reads the keys from the database, the member cannot). */
async function playPerfectly(openid: string): Promise<{ score: number; maxScore: number }> {
  const attempt = data<{ attemptId: string; maxScore: number }>(await qc.call('quiz', 'start', { roundId }, openid), 'quiz.start');
  const stored = qc.cloud.engine.find('quizAttempts', { _id: attempt.attemptId }, {})[0] as unknown as { items: StoredItem[] };
  const answers = Object.fromEntries(
    stored.items.map((item) => [item.questionId, item.key.map((id) => String.fromCharCode(65 + item.order.indexOf(id))).sort()]),
  );
  const result = data<{ score: number; maxScore: number }>(
    await qc.call('quiz', 'submit', { attemptId: attempt.attemptId, answers }, openid, `perfect-${openid}`),
    'quiz.submit',
  );
  return { score: result.score, maxScore: result.maxScore };
}

beforeAll(async () => {
  qc = await startQualityCloud(county.collections as unknown as Record<string, object[]>);
  const saved = data<{ round: { roundId: string } }>(
    await qc.call(
      'quiz',
      'saveRound',
      {
        orgId: SUBJECT.committeeId,
        title: '三题小测（质量测试）',
        month: county.month,
        // A window around any instant this suite can run at: the function reads its own clock.
        opensAt: '2000-01-01T00:00:00Z',
        closesAt: '2099-12-31T00:00:00Z',
        quota: [{ category: '党章', count: 3 }],
        ...ROUND_SETTINGS,
      },
      CALLER_OPENIDS.ownAdmin,
    ),
    'quiz.saveRound',
  );
  roundId = saved.round.roundId;
}, 120_000);
afterAll(async () => {
  await qc?.close();
});

describe('a 3-question round', () => {
  it('has full marks of 100, and all answers right score exactly 100', async () => {
    const result = await playPerfectly(CALLER_OPENIDS.member);
    expect(result).toEqual({ score: 100, maxScore: 100 });
  });
});

describe('a branch where one member has finished', () => {
  it('shows no average on the leaderboard of a member of another branch', async () => {
    const spy = attacker(qc, CALLER_OPENIDS.memberOtherBranch, { requests: 1, seconds: 30 });
    const board = data<{ branches: { branchId: string; participants: number; averageScore: number | null }[] }>(
      await spy.call('quiz', 'leaderboard', { roundId }),
      'quiz.leaderboard',
    );
    const subject = board.branches.find((b) => b.branchId === SUBJECT.branchId)!;
    const disclosed = board.branches.filter((b) => b.participants > 0 && b.participants < 3 && b.averageScore !== null);
    expect({ subjectParticipants: subject.participants, disclosed }).toEqual({ subjectParticipants: 1, disclosed: [] });
  });
});
