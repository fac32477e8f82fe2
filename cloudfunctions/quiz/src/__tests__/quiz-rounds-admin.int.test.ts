import type { QuizAdminRound, QuizAdminRounds, QuizPlayAttempt, QuizRounds, QuizSaveRoundInput } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import type { MemberDoc } from '@zbxx/server';
import { errorCode, ok, useQuizCloud } from './quiz-cloud';

jest.setTimeout(30_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(NOW);
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 17, studyMonth: month, today: NOW });
const { members, orgs } = county.collections;
const root = orgs.find((org) => org.type === 'county')!;
const [committeeA, committeeB] = orgs.filter((org) => org.type === 'committee');

/** An admin of one 党委 only: its subtree is all they may publish to. */
const spare = members.find((m) => !m.openid)!;
const committeeAdmin: MemberDoc = { ...spare, openid: 'rounds-committee-admin', roles: [{ role: 'admin', orgId: committeeA!._id }] };

const { cloud, quiz } = useQuizCloud(
  () =>
    ({ ...county.collections, members: members.map((m) => (m._id === committeeAdmin._id ? committeeAdmin : m)) }) as unknown as Record<
      string,
      object[]
    >,
  NOW,
);

const HOUR = 3_600_000;
function settings(overrides: Partial<QuizSaveRoundInput> = {}): QuizSaveRoundInput {
  return {
    orgId: root._id,
    title: '管理测试：月度党规测试',
    month,
    opensAt: new Date(NOW.getTime() - HOUR).toISOString(),
    closesAt: new Date(NOW.getTime() + 72 * HOUR).toISOString(),
    quota: [
      { category: '党章', count: 3 },
      { category: '纪律处分条例', count: 2 },
    ],
    timeLimitSeconds: 900,
    attemptsAllowed: 2,
    grading: 'best',
    passMark: 60,
    multipleChoice: 'partial',
    review: { ownAnswers: 'afterSubmit', correctAnswers: 'afterRoundCloses', explanations: 'afterRoundCloses' },
    ...overrides,
  };
}

const save = (input: QuizSaveRoundInput, openid: string = DEMO_OPENIDS.admin) =>
  quiz<{ round: QuizAdminRound }>('saveRound', input, openid);
const auditOf = (roundId: string) => cloud().engine.find('auditLog', { 'target.id': roundId });

describe('admin rounds', () => {
  it('creates a round the member then sees in rounds, with an audit entry', async () => {
    const { round } = ok((await save(settings())).result);
    expect(round).toMatchObject({ window: 'open', questionCount: 5, maxScore: 100, attemptCount: 0, orgName: root.name });
    expect(auditOf(round.roundId)).toEqual([expect.objectContaining({ action: 'quizRound.create' })]);

    const memberView = ok((await quiz<QuizRounds>('rounds', undefined, DEMO_OPENIDS.member)).result);
    expect(memberView.rounds.find((r) => r.roundId === round.roundId)).toMatchObject({
      title: '管理测试：月度党规测试',
      questionCount: 5,
      attemptsAllowed: 2,
      timeLimitSeconds: 900,
    });

    const list = ok((await quiz<QuizAdminRounds>('listRounds', undefined, DEMO_OPENIDS.admin)).result);
    expect(list.rounds.find((r) => r.roundId === round.roundId)).toMatchObject({ window: 'open', attemptCount: 0 });
    expect(list.orgs.map((org) => org.id)).toEqual(expect.arrayContaining([root._id, committeeA!._id]));
    expect(list.categories.find((c) => c.category === '党章')?.count).toBeGreaterThan(3);
  });

  it('refuses a round outside the admin’s subtree, and lists only rounds inside it', async () => {
    expect(errorCode((await save(settings({ orgId: committeeB!._id }), committeeAdmin.openid!)).result)).toBe('AUTH.FORBIDDEN');
    expect(errorCode((await save(settings({ orgId: root._id }), committeeAdmin.openid!)).result)).toBe('AUTH.FORBIDDEN');
    const own = ok((await save(settings({ orgId: committeeA!._id, title: '党委自己的答题' }), committeeAdmin.openid!)).result).round;
    const countyRound = ok((await save(settings({ title: '县级答题' }))).result).round;
    const list = ok((await quiz<QuizAdminRounds>('listRounds', undefined, committeeAdmin.openid!)).result);
    const ids = list.rounds.map((r) => r.roundId);
    expect(ids).toContain(own.roundId);
    expect(ids).not.toContain(countyRound.roundId);
    // Nor may they edit the county's round.
    expect(
      errorCode((await save({ ...settings({ orgId: committeeA!._id }), roundId: countyRound.roundId }, committeeAdmin.openid!)).result),
    ).toBe('NOT_FOUND');
    expect(errorCode((await quiz('listRounds', undefined, DEMO_OPENIDS.member)).result)).toBe('AUTH.FORBIDDEN');
  });

  it('refuses a quota the bank cannot meet, naming every problem, and writes nothing', async () => {
    const before = cloud().engine.find('quizRounds', {}).length;
    const { result } = await save(
      settings({
        quota: [
          { category: '党章', count: 200 },
          { category: '不存在的分类', count: 1 },
          { category: '纪律处分条例', count: 3, difficulty: { 1: 1, 2: 1 } },
        ],
      }),
    );
    expect(errorCode(result)).toBe('QUIZ.DRAW_IMPOSSIBLE');
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('分类“党章”需要 200 题');
    expect(message).toContain('分类“不存在的分类”需要 1 题，题库只有 0 题');
    expect(message).toContain('合计 2，与总数 3 不一致');
    expect(cloud().engine.find('quizRounds', {})).toHaveLength(before);
  });

  it('once attempts exist, allows only the title and a later close', async () => {
    const input = settings({ title: '锁定测试' });
    const { round } = ok((await save(input)).result);
    // Before anyone plays, anything may change.
    const edited = ok((await save({ ...input, roundId: round.roundId, timeLimitSeconds: 1200 })).result).round;
    expect(edited.timeLimitSeconds).toBe(1200);
    ok((await quiz<QuizPlayAttempt>('start', { roundId: round.roundId }, DEMO_OPENIDS.member)).result);

    const base = { ...input, roundId: round.roundId, timeLimitSeconds: 1200 };
    const changedRules = await save({ ...base, passMark: 80 });
    expect(errorCode(changedRules.result)).toBe('CONFLICT');
    expect(changedRules.result.ok ? '' : changedRules.result.error.message).toContain('只能修改标题或延后结束时间');
    expect(errorCode((await save({ ...base, quota: [{ category: '党章', count: 5 }] })).result)).toBe('CONFLICT');
    expect(errorCode((await save({ ...base, closesAt: new Date(NOW.getTime() + 24 * HOUR).toISOString() })).result)).toBe('CONFLICT');

    const later = new Date(NOW.getTime() + 240 * HOUR).toISOString();
    const renamed = ok((await save({ ...base, title: '锁定测试（延期）', closesAt: later })).result).round;
    expect(renamed).toMatchObject({ title: '锁定测试（延期）', closesAt: later, attemptCount: 1, timeLimitSeconds: 1200, passMark: 60 });
    expect(auditOf(round.roundId).map((entry) => entry.action)).toEqual(['quizRound.create', 'quizRound.update', 'quizRound.update']);
  });
});
