import type { Envelope, GroupTotals, Rollup, Trend } from '@zbxx/contracts';
import { DEMO_OPENIDS } from '@zbxx/demo-data';
import { monthOf, monthsEndingWith } from '@zbxx/domain';
import type { OrgDoc } from '@zbxx/server';
import { expectedMonth, expectedTotals, type ExpectedMember } from './independent-month';
import { errorCode, ok, useStatsCloud } from './stats-cloud';
import { statsCounty } from './stats-county';

jest.setTimeout(120_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const today = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(today);
const [previous] = monthsEndingWith(month, 2) as [string, string];
const raw = statsCounty({ members: 240, branches: 12, committees: 3, seed: 20250701, today });
const orgById = new Map(raw.orgs.map((org) => [org._id, org]));
const retired = raw.orgs.find((org) => org.retiredAt)!;

const stats = useStatsCloud(raw, today);
const call = stats.call;
const approx = (t: GroupTotals) => ({ ...t, quizScoreSum: expect.closeTo(t.quizScoreSum, 6) });

/** The children of `node` that the roll-up must list, with their independently computed totals. */
function expectedChildren(node: OrgDoc, members: readonly ExpectedMember[]) {
  const depth = node.ancestors.length + 1;
  return raw.orgs
    .filter((org) => org.parentId === node._id)
    .map((child) => ({ child, totals: expectedTotals(members.filter((m) => m.orgPath[depth] === child._id)) }))
    .filter(({ child, totals }) => !child.retiredAt || totals.members > 0);
}

describe('rollup equals the independent computation', () => {
  const nodes = raw.orgs.filter((org) => org.type !== 'branch');

  it.each([
    ['this month', month],
    ['last month', previous],
  ])('for every node above the branches, %s', async (_label, which) => {
    const members = expectedMonth(raw, which, today);
    for (const node of nodes) {
      const inside = members.filter((m) => m.orgPath.includes(node._id));
      const rollup = ok(await call<Rollup>('rollup', { nodeId: node._id, month: which }, DEMO_OPENIDS.admin));
      expect(rollup.total.totals).toEqual(approx(expectedTotals(inside)));
      const expected = expectedChildren(node, members);
      expect(rollup.children.map((row) => row.org.id).sort()).toEqual(expected.map((e) => e.child._id).sort());
      for (const { child, totals } of expected) {
        const row = rollup.children.find((r) => r.org.id === child._id)!;
        expect(row.totals).toEqual(approx(totals));
        expect(row.org.retired).toBe(Boolean(child.retiredAt));
      }
    }
  });

  it('lists the retired branch last month (it had members) and not this month', async () => {
    const parent = orgById.get(retired.parentId!)!;
    const last = ok(await call<Rollup>('rollup', { nodeId: parent._id, month: previous }, DEMO_OPENIDS.admin));
    expect(last.children.find((row) => row.org.id === retired._id)).toMatchObject({ org: { retired: true } });
    const now = ok(await call<Rollup>('rollup', { nodeId: parent._id, month }, DEMO_OPENIDS.admin));
    expect(now.children.some((row) => row.org.id === retired._id)).toBe(false);
  });

  it('gives breadcrumbs, rates and the rates under the thresholds', async () => {
    const branch =
      raw.orgs.find((org) => org.type === 'branch' && org.ancestors.length === 3) ?? raw.orgs.find((org) => org.type === 'branch')!;
    const rollup = ok(await call<Rollup>('rollup', { nodeId: branch.parentId!, month }, DEMO_OPENIDS.admin));
    expect(rollup.path.map((ref) => ref.id)).toEqual([...orgById.get(branch.parentId!)!.ancestors, branch.parentId]);
    const t = rollup.total.totals;
    expect(rollup.total.rates.completion).toBeCloseTo(t.members === 0 ? 0 : t.complete / t.members, 9);
    for (const row of [rollup.total, ...rollup.children]) {
      for (const metric of ['study', 'quizParticipation', 'quizPass', 'partyDay', 'completion'] as const) {
        const rate = row.rates[metric];
        expect(row.below.includes(metric)).toBe(rate !== null && rate * 100 < rollup.thresholds[metric]);
      }
    }
  });
});

describe('trend', () => {
  it('gives one roll-up total per month, oldest first, equal to the independent computation', async () => {
    const trend = ok(await call<Trend>('trend', { nodeId: 'org-county', months: 6, endMonth: month }, DEMO_OPENIDS.admin));
    const months = monthsEndingWith(month, 6);
    expect(trend.points.map((p) => p.month)).toEqual(months);
    for (const point of trend.points) expect(point.totals).toEqual(approx(expectedTotals(expectedMonth(raw, point.month, today))));
    expect(trend.points.at(-1)!.totals.members).toBeGreaterThan(0);
  });

  it('covers 12 months for an admin’s own subtree', async () => {
    const trend = ok(await call<Trend>('trend', { months: 12 }, DEMO_OPENIDS.admin2));
    expect(trend.points).toHaveLength(12);
    const root = trend.node.id;
    const inside = expectedMonth(raw, month, today).filter((m) => m.orgPath.includes(root));
    expect(trend.points.at(-1)!.totals).toEqual(approx(expectedTotals(inside)));
  });
});

describe('thresholds', () => {
  it('defaults to 80 with 催学 on the 5th and 15th, then inherits what an ancestor saves, with an audit entry', async () => {
    const committee = raw.orgs.find((org) => org.type === 'committee')!;
    const child = raw.orgs.find((org) => org.parentId === committee._id)!;
    const before = ok(
      await call<{ thresholds: Record<string, number>; source: string; reminderDays: number[] }>(
        'thresholds',
        { nodeId: child._id },
        DEMO_OPENIDS.admin,
      ),
    );
    expect(before).toMatchObject({ source: 'default', reminderDays: [5, 15], thresholds: { study: 80, completion: 80 } });

    const thresholds = { study: 90, quizParticipation: 85, quizPass: 70, partyDay: 95, completion: 100 };
    const saved = await stats.cloud.call<Envelope<unknown>>(
      'stats',
      { action: 'saveThresholds', data: { nodeId: committee._id, thresholds, reminderDays: [20, 3, 3] }, requestId: 'req-save-1' },
      DEMO_OPENIDS.admin,
    );
    expect(ok(saved.result)).toMatchObject({ source: 'node', reminderDays: [3, 20], thresholds });
    const inherited = ok(
      await call<{ thresholds: Record<string, number>; source: string }>('thresholds', { nodeId: child._id }, DEMO_OPENIDS.admin),
    );
    expect(inherited).toMatchObject({ source: 'ancestor', thresholds });

    const audit = stats.cloud.engine.find('auditLog', { action: 'statsSettings.save' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      target: { collection: 'statsSettings', id: committee._id },
      details: { thresholds, before: { source: 'default' } },
    });

    const rollup = ok(await call<Rollup>('rollup', { nodeId: committee._id, month }, DEMO_OPENIDS.admin));
    expect(rollup.thresholds).toEqual(thresholds);
    expect(rollup.total.below).toContain('completion');
  });

  it('lets only admins of the subtree save', async () => {
    const outside = raw.orgs.find((org) => org.type === 'committee' && org._id !== 'org-c01')!;
    const data = {
      nodeId: outside._id,
      thresholds: { study: 1, quizParticipation: 1, quizPass: 1, partyDay: 1, completion: 1 },
      reminderDays: [1],
    };
    expect(errorCode(await call('saveThresholds', data, DEMO_OPENIDS.admin2))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('saveThresholds', data, DEMO_OPENIDS.secretary))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('rollup', { nodeId: outside._id }, DEMO_OPENIDS.admin2))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('trend', { nodeId: outside._id }, DEMO_OPENIDS.admin2))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('rollup', { nodeId: 'org-nowhere' }, DEMO_OPENIDS.admin))).toBe('NOT_FOUND');
  });
});
