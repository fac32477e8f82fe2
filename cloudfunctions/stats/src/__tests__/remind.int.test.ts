import { STUDY_REMINDER_TEMPLATE_ID, type BranchMatrix, type Envelope, type RemindResult, type ShareCard } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { monthOf, shanghaiDay } from '@zbxx/domain';
import type { MemberDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

jest.setTimeout(60_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: monthOf(NOW), today: NOW });
const members = county.collections.members as MemberDoc[];
const secretary = members.find((m) => m.openid === DEMO_OPENIDS.secretary)!;
const branchId = secretary.branchId;
// Every other member of the demo branch binds WeChat, so the branch has several members a reminder can reach.
for (const m of members) if (m.branchId === branchId && !m.openid && m.name !== '孙桂兰') m.openid = `wx-${m._id}`;
const openidOf = (memberId: string) => members.find((m) => m._id === memberId)?.openid ?? null;

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ now: NOW, functions: ['stats'], seed: county.collections as unknown as Record<string, object[]> });
}, 120_000);
afterAll(async () => {
  await cloud?.close();
});

let requestSeq = 0;
const newRequestId = () => `req-${(requestSeq += 1)}`;
const call = async <T>(action: string, data: unknown, openid: string) =>
  (await cloud.call<Envelope<T>>('stats', { action, data }, openid)).result;
const ok = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const errorCode = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.code);
const sentTo = (openid: string) => cloud.devcloud.outbox.list({ touser: openid, templateId: STUDY_REMINDER_TEMPLATE_ID });
const credits = async (openid: string) => ok(await call<{ credits: number }>('subscription', {}, openid)).credits;
const consent = (openid: string, requestId = newRequestId()) =>
  call<{ credits: number }>('subscribe', { results: { [STUDY_REMINDER_TEMPLATE_ID]: 'accept' }, requestId }, openid);
const remind = (data: Record<string, unknown>, openid: string = DEMO_OPENIDS.secretary) =>
  call<RemindResult>('remind', { requestId: newRequestId(), ...data }, openid);
const outcomeOf = (result: RemindResult, memberId: string) => result.results.find((r) => r.memberId === memberId)?.outcome;

/** The demo branch's bound members who still miss a task this month, by the secretary's own matrix. */
async function incompleteBound(): Promise<BranchMatrix['members']> {
  const matrix = ok(await call<BranchMatrix>('branchMatrix', { filter: 'incomplete' }, DEMO_OPENIDS.secretary));
  return matrix.members.filter((row) => openidOf(row.memberId));
}

describe('催学 consents', () => {
  it('counts each accepted consent once, a retried request once, and nothing for a refusal', async () => {
    const member = DEMO_OPENIDS.member;
    expect(await credits(member)).toBe(0);
    const requestId = newRequestId();
    expect(ok(await consent(member, requestId)).credits).toBe(1);
    expect(ok(await consent(member, requestId)).credits).toBe(1);
    const refused = await call<{ credits: number }>(
      'subscribe',
      { results: { [STUDY_REMINDER_TEMPLATE_ID]: 'reject' }, requestId: newRequestId() },
      member,
    );
    expect(ok(refused).credits).toBe(1);
    const otherTemplate = await call<{ credits: number }>(
      'subscribe',
      { results: { 'tmpl-other': 'accept' }, requestId: newRequestId() },
      member,
    );
    expect(ok(otherTemplate).credits).toBe(1);
    expect(await credits(member)).toBe(1);
  });

  it('needs a requestId and a bound member', async () => {
    expect(errorCode(await call('subscribe', { results: { [STUDY_REMINDER_TEMPLATE_ID]: 'accept' } }, DEMO_OPENIDS.member))).toBe(
      'INPUT.INVALID',
    );
    expect(errorCode(await consent(DEMO_OPENIDS.unbound))).toBe('AUTH.NOT_BOUND');
  });
});

describe('催学 by the secretary', () => {
  it('never sends without a consent, nor to a member who never bound WeChat', async () => {
    const rows = await incompleteBound();
    const without = rows.filter((row) => !row.canRemind);
    expect(without.length).toBeGreaterThan(0);
    const result = ok(await remind({ memberIds: without.map((r) => r.memberId) }));
    for (const row of without) {
      expect(outcomeOf(result, row.memberId)).toBe('noConsent');
      expect(sentTo(openidOf(row.memberId)!)).toHaveLength(0);
    }
    // Everyone missing something: only the one member who consented above (demo-member) is sent to.
    const unbound = members.find((m) => m.branchId === branchId && !m.openid)!;
    const all = ok(await remind({}));
    const unboundOutcome = outcomeOf(all, unbound._id);
    expect(unboundOutcome === 'notBound' || unboundOutcome === undefined).toBe(true);
    const consenting = members.find((m) => m.openid === DEMO_OPENIDS.member)!;
    expect(all.results.filter((r) => r.outcome === 'sent').map((r) => r.memberId)).toEqual([consenting._id]);
    for (const row of without) expect(outcomeOf(all, row.memberId)).toBe('noConsent');
    expect(all.counts.sent! + all.counts.noConsent! + all.counts.notBound!).toBe(all.results.length);
    expect(cloud.snapshot(['studyReminders']).studyReminders).toHaveLength(1);
    for (const row of without) expect(sentTo(openidOf(row.memberId)!)).toHaveLength(0);
  });

  it('sends once a day with a consent, uses it up, and a retried request sends nothing new', async () => {
    const target = (await incompleteBound()).find((row) => row.lastRemindedAt === null);
    const openid = openidOf(target!.memberId)!;
    ok(await consent(openid));
    ok(await consent(openid));
    expect(await credits(openid)).toBe(2);

    const requestId = newRequestId();
    const first = ok(await remind({ memberIds: [target!.memberId], requestId }));
    expect(first.results).toEqual([{ memberId: target!.memberId, name: target!.name, outcome: 'sent' }]);
    const messages = sentTo(openid);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ page: 'pages/study/index', functionName: 'stats' });
    const data = messages[0]!.data as Record<string, { value: string }>;
    for (const { value } of Object.values(data)) expect([...value].length).toBeLessThanOrEqual(20);
    expect(data.thing2!.value).toContain(
      target!.missing.includes('study') ? '每月一学' : target!.missing.includes('quiz') ? '法规答题' : '主题党日',
    );
    expect(await credits(openid)).toBe(1);

    // The same request again (a retry): the same answer, nothing sent, no consent taken.
    expect(ok(await remind({ memberIds: [target!.memberId], requestId }))).toEqual(first);
    // Another request the same day: already reminded.
    expect(outcomeOf(ok(await remind({ memberIds: [target!.memberId] })), target!.memberId)).toBe('alreadyToday');
    expect(sentTo(openid)).toHaveLength(1);
    expect(await credits(openid)).toBe(1);

    const records = cloud.snapshot(['studyReminders']).studyReminders as {
      memberId: string;
      day: string;
      by: string;
      requestId: string;
      missing: string[];
    }[];
    expect(records.filter((r) => r.memberId === target!.memberId)).toEqual([
      expect.objectContaining({
        memberId: target!.memberId,
        day: shanghaiDay(cloud.clock.date()),
        by: 'secretary',
        requestId,
        missing: target!.missing,
      }),
    ]);

    const log = ok(await call<{ entries: { memberId: string; name: string; by: string }[] }>('remindLog', {}, DEMO_OPENIDS.secretary));
    expect(log.entries[0]).toMatchObject({ memberId: target!.memberId, name: target!.name, by: 'secretary' });
    const matrix = ok(await call<BranchMatrix>('branchMatrix', {}, DEMO_OPENIDS.secretary));
    expect(matrix.members.find((m) => m.memberId === target!.memberId)?.lastRemindedAt).not.toBeNull();
  });

  it('sends once when two reminders for the same member race', async () => {
    const rows = await incompleteBound();
    const target = rows.find((row) => sentTo(openidOf(row.memberId)!).length === 0)!;
    const openid = openidOf(target.memberId)!;
    ok(await consent(openid));
    ok(await consent(openid));

    const [a, b] = await Promise.all([remind({ memberIds: [target.memberId] }), remind({ memberIds: [target.memberId] })]);
    const outcomes = [outcomeOf(ok(a), target.memberId), outcomeOf(ok(b), target.memberId)].sort();
    expect(outcomes).toEqual(['alreadyToday', 'sent']);
    expect(sentTo(openid)).toHaveLength(1);
    expect(await credits(openid)).toBe(1);
  });

  it('refuses the secretary of another branch, and sends nothing', async () => {
    const before = cloud.devcloud.outbox.list().length;
    expect(errorCode(await remind({ branchId }, DEMO_OPENIDS.secretary2))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('remindLog', { branchId }, DEMO_OPENIDS.secretary2))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await call('shareCard', { branchId }, DEMO_OPENIDS.secretary2))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await remind({ branchId }, DEMO_OPENIDS.member))).toBe('AUTH.FORBIDDEN');
    expect(cloud.devcloud.outbox.list().length).toBe(before);
  });

  it('lets an admin whose subtree holds the branch remind it, by the same once-a-day rule', async () => {
    const result = ok(await remind({ branchId }, DEMO_OPENIDS.admin2));
    expect(result.counts.sent).toBe(0);
    for (const r of result.results) expect(['alreadyToday', 'noConsent', 'notBound']).toContain(r.outcome);
    expect(result.counts.alreadyToday).toBe(3);
  });
});

describe('the share card', () => {
  it("shows this branch's figures and names nobody outside the branch", async () => {
    const card = ok(await call<ShareCard>('shareCard', {}, DEMO_OPENIDS.secretary));
    const matrix = ok(await call<BranchMatrix>('branchMatrix', {}, DEMO_OPENIDS.secretary));
    expect(card.rates).toEqual(matrix.rates);
    expect(card.title).toContain(matrix.branch.name);
    expect(card.lines[0]).toContain(`${matrix.totals.members}名党员`);

    const text = [card.title, ...card.lines].join('\n');
    const inside = new Set(matrix.members.map((m) => m.name));
    const outsiders = members.filter((m) => m.branchId !== branchId && !inside.has(m.name)).map((m) => m.name);
    for (const name of outsiders) expect(text).not.toContain(name);
    const incomplete = matrix.members.filter((m) => !m.complete);
    for (const row of incomplete.slice(0, 10)) expect(text).toContain(row.name);
    if (incomplete.length > 10) expect(text).toContain(`等${incomplete.length}人`);
    for (const row of matrix.members.filter((m) => m.complete)) expect(card.lines.at(-2) ?? '').not.toContain(row.name);
  });
});
