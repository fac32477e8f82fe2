import type { BranchMatrix, MemberDetail } from '@zbxx/contracts';
import { DEMO_OPENIDS, STATS_EDGE_CASE_IDS } from '@zbxx/demo-data';
import { monthOf, monthsEndingWith } from '@zbxx/domain';
import { expectedMonth, expectedTotals, type ExpectedMember } from './independent-month';
import { errorCode, ok, useStatsCloud } from './stats-cloud';
import { statsCounty } from './stats-county';

jest.setTimeout(120_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const today = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(today);
const [previous] = monthsEndingWith(month, 2) as [string, string];
const raw = statsCounty({ members: 240, branches: 12, committees: 3, seed: 20250701, today });
const memberById = new Map(raw.members.map((m) => [m._id, m]));
const branches = raw.orgs.filter((org) => org.type === 'branch');
const secretary = raw.members.find((m) => m.openid === DEMO_OPENIDS.secretary)!;
const mover = raw.transfers.find((t) => t.fromBranchId !== raw.orgs.find((o) => o.retiredAt)?._id)!;
const retired = raw.orgs.find((org) => org.retiredAt)!;

const stats = useStatsCloud(raw, today);
const call = stats.call;

/** What a matrix row must say for an independently computed member. */
function expectedRow(m: ExpectedMember) {
  return {
    memberId: m.memberId,
    study: m.study,
    quiz: expect.objectContaining({ status: m.quiz.status, score: m.quiz.score === null ? null : expect.closeTo(m.quiz.score, 9) }),
    partyDay: { status: m.partyDay },
    complete: m.complete,
  };
}

describe('branchMatrix equals the independent computation', () => {
  it.each([
    ['this month', month],
    ['last month', previous],
  ])('for every branch, %s', async (_label, which) => {
    const expected = expectedMonth(raw, which, today);
    for (const branch of branches) {
      const mine = expected.filter((m) => m.branchId === branch._id);
      const matrix = ok(await call<BranchMatrix>('branchMatrix', { branchId: branch._id, month: which }, DEMO_OPENIDS.admin));
      expect(matrix.totals).toEqual({ ...expectedTotals(mine), quizScoreSum: expect.closeTo(expectedTotals(mine).quizScoreSum, 6) });
      const rows = [...matrix.members].sort((a, b) => a.memberId.localeCompare(b.memberId));
      expect(rows).toEqual(
        [...mine].sort((a, b) => a.memberId.localeCompare(b.memberId)).map((m) => expect.objectContaining(expectedRow(m))),
      );
      expect(matrix.branch.retired).toBe(Boolean(branch.retiredAt));
    }
  });

  it('counts the member who transferred mid-month in the new branch this month and in the old one last month', async () => {
    const now = ok(await call<BranchMatrix>('branchMatrix', { branchId: mover.toBranchId, month }, DEMO_OPENIDS.admin));
    const row = now.members.find((r) => r.memberId === mover.memberId);
    // Attended the old branch's 主题党日 before the move, missed the new one's after it: present wins.
    expect(row?.partyDay.status).toBe('present');
    const before = ok(await call<BranchMatrix>('branchMatrix', { branchId: mover.fromBranchId, month }, DEMO_OPENIDS.admin));
    expect(before.members.some((r) => r.memberId === mover.memberId)).toBe(false);
    const last = ok(await call<BranchMatrix>('branchMatrix', { branchId: mover.fromBranchId, month: previous }, DEMO_OPENIDS.admin));
    expect(last.members.some((r) => r.memberId === mover.memberId)).toBe(true);
  });

  it('shows the excused member who made up as 补学 (complete for the 主题党日)', async () => {
    const record = raw.attendance.find((r) => r.eventId === STATS_EDGE_CASE_IDS.eventBefore(month) && r.state === 'madeUp')!;
    expect(record.history.map((h) => h.command)).toEqual(['requestLeave', 'approveLeave', 'completeMakeUp']);
    const matrix = ok(
      await call<BranchMatrix>('branchMatrix', { branchId: record.branchId, month, filter: 'partyDay' }, DEMO_OPENIDS.admin),
    );
    expect(matrix.members.some((r) => r.memberId === record.memberId)).toBe(false);
    const all = ok(await call<BranchMatrix>('branchMatrix', { branchId: record.branchId, month }, DEMO_OPENIDS.admin));
    expect(all.members.find((r) => r.memberId === record.memberId)?.partyDay.status).toBe('madeUp');
    expect(all.totals.partyDayMadeUp).toBeGreaterThanOrEqual(1);
  });

  it('keeps a retired branch’s last month and leaves it empty this month', async () => {
    const last = ok(await call<BranchMatrix>('branchMatrix', { branchId: retired._id, month: previous }, DEMO_OPENIDS.admin));
    expect(last.branch.retired).toBe(true);
    expect(last.totals.members).toBeGreaterThan(0);
    const now = ok(await call<BranchMatrix>('branchMatrix', { branchId: retired._id, month }, DEMO_OPENIDS.admin));
    expect(now.totals.members).toBe(0);
  });

  it('filters rows but not totals, lists the month’s tasks and the 催学 state', async () => {
    const all = ok(await call<BranchMatrix>('branchMatrix', { month }, DEMO_OPENIDS.secretary));
    expect(all.branch.id).toBe(secretary.branchId);
    const incomplete = ok(await call<BranchMatrix>('branchMatrix', { month, filter: 'incomplete' }, DEMO_OPENIDS.secretary));
    expect(incomplete.totals).toEqual(all.totals);
    expect(incomplete.members.map((r) => r.memberId)).toEqual(all.members.filter((r) => !r.complete).map((r) => r.memberId));
    const study = ok(await call<BranchMatrix>('branchMatrix', { month, filter: 'study' }, DEMO_OPENIDS.secretary));
    expect(study.members.every((r) => r.missing.includes('study'))).toBe(true);
    expect(all.tasks.materials.length).toBeGreaterThan(0);
    expect(all.tasks.rounds.map((r) => r.maxScore)).toEqual([100]);
    expect(all.members.every((r) => r.lastRemindedAt === null && r.canRemind === false)).toBe(true);
    const names = all.members.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
  });
});

describe('memberDetail', () => {
  it('gives a member their own month, matching their matrix row', async () => {
    const me = raw.members.find((m) => m.openid === DEMO_OPENIDS.member)!;
    const detail = ok(await call<MemberDetail>('memberDetail', { memberId: me._id, month }, DEMO_OPENIDS.member));
    const expected = expectedMonth(raw, month, today).find((m) => m.memberId === me._id)!;
    expect(detail.row).toMatchObject(expectedRow(expected));
    expect(detail.member.branch.id).toBe(me.branchId);
    expect(detail.study.map((s) => s.materialId)).toHaveLength(expected.study.required);
  });

  it('shows the transferred member both branches’ 主题党日 this month', async () => {
    const detail = ok(await call<MemberDetail>('memberDetail', { memberId: mover.memberId, month }, DEMO_OPENIDS.admin));
    expect(detail.partyDay.map((p) => p.state).sort()).toEqual(['absent', 'present']);
    expect(detail.member.branch.id).toBe(mover.toBranchId);
    const last = ok(await call<MemberDetail>('memberDetail', { memberId: mover.memberId, month: previous }, DEMO_OPENIDS.admin));
    expect(last.member.branch.id).toBe(mover.fromBranchId);
  });
});

describe('access', () => {
  const otherBranch = branches.find((b) => b._id !== secretary.branchId)!;
  const outsider = raw.members.find((m) => m.branchId === otherBranch._id)!;

  it('keeps a secretary to their own branch', async () => {
    expect(errorCode(await call('branchMatrix', { branchId: otherBranch._id }, DEMO_OPENIDS.secretary))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('memberDetail', { memberId: outsider._id }, DEMO_OPENIDS.secretary))).toBe('AUTH.FORBIDDEN');
    const colleague = raw.members.find((m) => m.branchId === secretary.branchId && m._id !== secretary._id)!;
    expect(ok(await call<MemberDetail>('memberDetail', { memberId: colleague._id }, DEMO_OPENIDS.secretary)).member.memberId).toBe(
      colleague._id,
    );
  });

  it('keeps an admin inside their subtree', async () => {
    const admin2 = raw.members.find((m) => m.openid === DEMO_OPENIDS.admin2)!;
    const root = admin2.roles.find((r) => r.role === 'admin')!.orgId;
    const outside = branches.find((b) => !b.ancestors.includes(root))!;
    expect(errorCode(await call('branchMatrix', { branchId: outside._id }, DEMO_OPENIDS.admin2))).toBe('AUTH.FORBIDDEN');
    const inside = branches.find((b) => b.ancestors.includes(root))!;
    expect(ok(await call<BranchMatrix>('branchMatrix', { branchId: inside._id }, DEMO_OPENIDS.admin2)).branch.id).toBe(inside._id);
    const stranger = raw.members.find((m) => !m.orgPath.includes(root))!;
    expect(errorCode(await call('memberDetail', { memberId: stranger._id }, DEMO_OPENIDS.admin2))).toBe('AUTH.FORBIDDEN');
  });

  it('keeps members out of secretary and admin views', async () => {
    const me = raw.members.find((m) => m.openid === DEMO_OPENIDS.member)!;
    expect(errorCode(await call('branchMatrix', {}, DEMO_OPENIDS.member))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('branchMatrix', { branchId: me.branchId }, DEMO_OPENIDS.member))).toBe('AUTH.FORBIDDEN');
    const colleague = raw.members.find((m) => m.branchId === me.branchId && m._id !== me._id)!;
    expect(errorCode(await call('memberDetail', { memberId: colleague._id }, DEMO_OPENIDS.member))).toBe('AUTH.FORBIDDEN');
    for (const action of ['rollup', 'trend', 'thresholds'])
      expect(errorCode(await call(action, {}, DEMO_OPENIDS.member))).toBe('AUTH.FORBIDDEN');
    expect(
      errorCode(
        await call(
          'saveThresholds',
          {
            nodeId: 'org-county',
            thresholds: { study: 1, quizParticipation: 1, quizPass: 1, partyDay: 1, completion: 1 },
            reminderDays: [1],
          },
          DEMO_OPENIDS.member,
        ),
      ),
    ).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('rollup', {}, DEMO_OPENIDS.secretary))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('branchMatrix', {}, DEMO_OPENIDS.unbound))).toBe('AUTH.NOT_BOUND');
    expect(memberById.size).toBe(raw.members.length);
  });
});
