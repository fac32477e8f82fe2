import type { BindResult, LoginResult } from '@zbxx/contracts';
import { DEMO_OPENIDS, DEMO_UNBOUND_ENTRY, generateCounty } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import type { Envelope } from '@zbxx/contracts';
import type { AuditEntry, BindingDoc, MemberDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, today: NOW });
const { orgs, members } = county.collections;
const ALL_COLLECTIONS = ['orgs', 'members', 'bindings', 'bindAttempts', 'auditLog'];

const demoSecretary = members.find((m) => m.openid === DEMO_OPENIDS.secretary)!;
const demoBranch = orgs.find((org) => org._id === demoSecretary.branchId)!;
/** Unbound roster entries whose name + last 4 digits identify them alone, to claim in the tests below. */
const claimable = members.filter(
  (m) => !m.openid && m.name !== DEMO_UNBOUND_ENTRY.name && members.filter((o) => o.nameKey === m.nameKey).length === 1,
);
/** Kept apart from the ones handed out below: a roster entry of the demo branch for the invite tests. */
const inviteCandidate = [...claimable].reverse().find((m) => m.branchId === demoBranch._id);
claimable.splice(claimable.indexOf(inviteCandidate!), 1);
let nextClaimable = 0;
const takeClaimable = (): MemberDoc => claimable[nextClaimable++]!;
const wrongDigits = (m: MemberDoc) => String((Number(m.phoneLast4) + 1) % 10000).padStart(4, '0');

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ functions: ['account'], now: NOW, seed: county.collections as unknown as Record<string, object[]> });
}, 60_000);

afterAll(async () => {
  await cloud?.close();
});

const account = <T>(event: unknown, openid: string) => cloud.call<Envelope<T>>('account', event, openid);
const login = (openid: string) => account<LoginResult>({ action: 'login' }, openid);
const bindPhone = (openid: string, name: string, phoneLast4: string) =>
  account<BindResult>({ action: 'bind', data: { method: 'phone', name, phoneLast4 } }, openid);
const bindInvite = (openid: string, name: string, inviteCode: string) =>
  account<BindResult>({ action: 'bind', data: { method: 'invite', name, inviteCode } }, openid);
const errorCode = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.code);
/** Starts `n` function workers, so the calls of a race below really run side by side. */
const warmWorkers = (n: number) => Promise.all(Array.from({ length: n }, () => login('wx-warm-up')));

describe('account.login', () => {
  it('tells a bound member who they are, within the home screen’s budget of 4 database requests', async () => {
    const { result, dbRequests } = await login(DEMO_OPENIDS.member);
    const member = members.find((m) => m.openid === DEMO_OPENIDS.member)!;
    expect(result).toMatchObject({
      ok: true,
      data: {
        status: 'bound',
        me: {
          memberId: member._id,
          name: '李秀英',
          phoneMasked: `${member.phone.slice(0, 3)}****${member.phone.slice(-4)}`,
          roles: ['member'],
          branch: { id: demoBranch._id, name: '城关镇东关社区党支部', type: 'branch' },
          orgPath: [
            { id: 'org-county', name: '清河县委组织部', type: 'county' },
            { id: 'org-c01', name: '城关镇党委', type: 'committee' },
            { id: demoBranch._id, name: '城关镇东关社区党支部', type: 'branch' },
          ],
          scope: { secretaryOf: [], adminOf: [] },
        },
      },
    });
    const me = result.ok && result.data.status === 'bound' ? result.data.me : null;
    expect(me?.month).toBe(monthOf(NOW));
    expect(JSON.stringify(result)).not.toContain(member.phone);
    expect(dbRequests).toBeLessThanOrEqual(4);
    expect(dbRequests).toBe(2);
  });

  it('derives roles and scope from the roster for admins and secretaries', async () => {
    const admin = await login(DEMO_OPENIDS.admin);
    expect(admin.result).toMatchObject({
      ok: true,
      data: { me: { roles: ['member', 'admin'], scope: { adminOf: [{ id: 'org-county', name: '清河县委组织部' }], secretaryOf: [] } } },
    });
    const secretary = await login(DEMO_OPENIDS.secretary);
    expect(secretary.result).toMatchObject({
      ok: true,
      data: { me: { name: '王建华', roles: ['member', 'secretary'], scope: { secretaryOf: [{ id: demoBranch._id }], adminOf: [] } } },
    });
  });

  it('answers unbound for a WeChat user not on the roster, pending for an invite request', async () => {
    const stranger = await login('wx-stranger');
    expect(stranger.result).toEqual({ ok: true, data: { status: 'unbound' } });
    expect(stranger.dbRequests).toBeLessThanOrEqual(4);
    const pending = await login(DEMO_OPENIDS.pending);
    expect(pending.result).toEqual({ ok: true, data: { status: 'pending', branchName: demoBranch.name } });
  });

  it('ignores identity claims in the event: only the platform’s OPENID counts', async () => {
    const { result } = await account<LoginResult>({ action: 'login', data: {} }, 'wx-impostor');
    expect(result).toEqual({ ok: true, data: { status: 'unbound' } });
    const forged = await account({ action: 'login', data: { openid: DEMO_OPENIDS.admin } }, 'wx-impostor');
    expect(errorCode(forged.result)).toBe('INPUT.INVALID');
  });
});

describe('account input checking', () => {
  it('refuses an unknown action and malformed data with INPUT.* and writes nothing', async () => {
    const before = cloud.snapshot(ALL_COLLECTIONS);
    const unknown = await account({ action: 'deleteEverything' }, DEMO_OPENIDS.admin);
    expect(unknown.result).toEqual({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION', message: '不支持的操作：deleteEverything' } });
    expect(unknown.dbRequests).toBe(0);

    const badDigits = await account({ action: 'bind', data: { method: 'phone', name: '孙桂兰', phoneLast4: '24a8' } }, 'wx-bad-input');
    expect(badDigits.result).toEqual({ ok: false, error: { code: 'INPUT.INVALID', message: '「手机号后4位」格式不正确' } });
    expect(badDigits.dbRequests).toBe(0);

    for (const event of [
      { action: 'bind' },
      { action: 'bind', data: { method: 'sms', name: '孙桂兰' } },
      { action: 'bind', data: { method: 'phone', name: '', phoneLast4: '2468' } },
      { action: 'bind', data: { method: 'phone', name: '孙桂兰', phoneLast4: '2468', memberId: 'm-000001' } },
      { action: 42 },
      'login',
    ]) {
      const reply = await account(event, 'wx-bad-input');
      expect(errorCode(reply.result)).toBe('INPUT.INVALID');
      expect(reply.dbRequests).toBe(0);
    }
    expect(cloud.snapshot(ALL_COLLECTIONS)).toEqual(before);
  });
});

describe('account.bind by name + last 4 digits', () => {
  it('binds the one matching unbound roster entry, atomically with its binding and an audit entry', async () => {
    const openid = 'wx-sun';
    const { result } = await bindPhone(openid, ` ${DEMO_UNBOUND_ENTRY.name} `, DEMO_UNBOUND_ENTRY.phoneLast4);
    expect(result).toMatchObject({
      ok: true,
      data: { status: 'bound', me: { name: '孙桂兰', branch: { id: demoBranch._id }, roles: ['member'] } },
    });

    const [member] = cloud.engine.find('members', { name: DEMO_UNBOUND_ENTRY.name }) as unknown as MemberDoc[];
    expect(member?.openid).toBe(openid);
    expect(cloud.engine.find('bindings', { _id: openid })).toEqual([
      expect.objectContaining({ status: 'bound', memberId: member?._id, method: 'phone' }),
    ]);
    const audit = cloud.engine.find('auditLog', { 'actor.openid': openid }) as unknown as AuditEntry[];
    expect(audit).toEqual([expect.objectContaining({ action: 'member.bind', target: { collection: 'members', id: member?._id } })]);

    const again = await login(openid);
    expect(again.result).toMatchObject({ ok: true, data: { status: 'bound', me: { name: '孙桂兰' } } });
  });

  it('refuses a second bind by a bound user, and a roster entry bound to someone else', async () => {
    const target = takeClaimable();
    expect(errorCode((await bindPhone(DEMO_OPENIDS.member, target.name, target.phoneLast4)).result)).toBe('BIND.ALREADY_BOUND');
    const taken = await bindPhone('wx-latecomer', DEMO_UNBOUND_ENTRY.name, DEMO_UNBOUND_ENTRY.phoneLast4);
    expect(taken.result).toEqual({ ok: false, error: { code: 'BIND.NO_MATCH', message: '未找到匹配的党员信息，请核对后重试' } });
  });

  it('gives the same answer for a wrong guess at a real name and for a name not on the roster', async () => {
    const target = takeClaimable();
    const wrong = await bindPhone('wx-guess-a', target.name, wrongDigits(target));
    const nobody = await bindPhone('wx-guess-b', '查无此人', '1234');
    expect(wrong.result).toEqual(nobody.result);
    expect(errorCode(wrong.result)).toBe('BIND.NO_MATCH');
  });

  it('refuses a WeChat user after 5 wrong guesses, even a right one', async () => {
    const target = takeClaimable();
    const openid = 'wx-guesser';
    for (let i = 0; i < 5; i += 1) {
      expect(errorCode((await bindPhone(openid, `不存在${i}`, '0000')).result)).toBe('BIND.NO_MATCH');
    }
    const locked = await bindPhone(openid, target.name, target.phoneLast4);
    expect(locked.result).toMatchObject({
      ok: false,
      error: { code: 'AUTH.RATE_LIMITED', message: expect.stringMatching(/^尝试次数过多，请\d+分钟后再试$/) },
    });
    expect(cloud.engine.find('members', { _id: target._id })[0]).not.toHaveProperty('openid');
  });

  it('refuses guesses at one person’s digits from many WeChat accounts after 5 in total', async () => {
    const target = takeClaimable();
    for (let i = 0; i < 5; i += 1) {
      expect(errorCode((await bindPhone(`wx-swarm-${i}`, target.name, wrongDigits(target))).result)).toBe('BIND.NO_MATCH');
    }
    const sixth = await bindPhone('wx-swarm-5', target.name, target.phoneLast4);
    expect(errorCode(sixth.result)).toBe('AUTH.RATE_LIMITED');
    // The lock is on the name whether or not it is on the roster, so it reveals nothing.
    for (let i = 0; i < 5; i += 1) await bindPhone(`wx-swarm-x${i}`, '查无此人甲', '1111');
    expect(errorCode((await bindPhone('wx-swarm-x5', '查无此人甲', '1111')).result)).toBe('AUTH.RATE_LIMITED');
  });

  it('counts parallel guesses one by one', async () => {
    await warmWorkers(8);
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => bindPhone('wx-burst', `并发${i}`, '9999')));
    const codes = replies.map((reply) => errorCode(reply.result));
    expect(codes.filter((code) => code === 'BIND.NO_MATCH').length).toBeLessThanOrEqual(5);
    expect(codes.every((code) => code === 'BIND.NO_MATCH' || code === 'AUTH.RATE_LIMITED')).toBe(true);
    const [attempts] = cloud.engine.find('bindAttempts', { _id: 'openid-wx-burst' }) as unknown as { failures: number[] }[];
    expect(attempts?.failures.length).toBeLessThanOrEqual(5);
  });

  it('lets exactly one of several concurrent claims of the same entry win', async () => {
    await warmWorkers(4);
    const target = takeClaimable();
    const racers = ['wx-race-a', 'wx-race-b', 'wx-race-c', 'wx-race-d'];
    const replies = await Promise.all(racers.map((openid) => bindPhone(openid, target.name, target.phoneLast4)));
    expect(replies.filter((reply) => reply.result.ok)).toHaveLength(1);
    expect(replies.filter((reply) => errorCode(reply.result) === 'BIND.NO_MATCH')).toHaveLength(racers.length - 1);
    const bound = cloud.engine.find('members', { _id: target._id })[0] as unknown as MemberDoc;
    expect(racers).toContain(bound.openid);
    const bindings = cloud.engine.find('bindings', { memberId: target._id }) as unknown as BindingDoc[];
    expect(bindings.map((binding) => binding._id)).toEqual([bound.openid]);
  });

  it('does not let one WeChat user claim two entries at once', async () => {
    await warmWorkers(2);
    const [first, second] = [takeClaimable(), takeClaimable()];
    const replies = await Promise.all([
      bindPhone('wx-greedy', first.name, first.phoneLast4),
      bindPhone('wx-greedy', second.name, second.phoneLast4),
    ]);
    expect(replies.filter((reply) => reply.result.ok)).toHaveLength(1);
    expect(cloud.engine.find('members', { openid: 'wx-greedy' })).toHaveLength(1);
  });
});

describe('account.bind by invite code', () => {
  it('files a pending request for the branch secretary and reports it on login', async () => {
    const openid = 'wx-newcomer';
    const { result } = await bindInvite(openid, '周小明', demoBranch.inviteCode!.toLowerCase());
    expect(result).toEqual({ ok: true, data: { status: 'pending', branchName: demoBranch.name } });
    expect(cloud.engine.find('bindings', { _id: openid })).toEqual([
      expect.objectContaining({ status: 'pending', branchId: demoBranch._id, name: '周小明', candidateMemberId: null }),
    ]);
    expect(cloud.engine.find('auditLog', { 'actor.openid': openid })).toEqual([expect.objectContaining({ action: 'binding.request' })]);
    expect((await login(openid)).result).toEqual({ ok: true, data: { status: 'pending', branchName: demoBranch.name } });
  });

  it('remembers the same-named roster entry for the secretary', async () => {
    expect(inviteCandidate?.branchId).toBe(demoBranch._id);
    await bindInvite('wx-known', inviteCandidate!.name, demoBranch.inviteCode!);
    expect(cloud.engine.find('bindings', { _id: 'wx-known' })[0]).toMatchObject({ candidateMemberId: inviteCandidate!._id });
  });

  it('refuses an unknown code', async () => {
    const { result } = await bindInvite('wx-wrong-code', '周小明', 'ZZZZZZZZ');
    expect(result).toEqual({ ok: false, error: { code: 'BIND.NO_MATCH', message: '邀请码无效，请向支部书记核对' } });
    expect(cloud.engine.find('bindings', { _id: 'wx-wrong-code' })).toEqual([]);
  });

  it('lets a pending user bind by phone digits instead', async () => {
    const target = takeClaimable();
    await bindInvite('wx-changes-mind', target.name, demoBranch.inviteCode!);
    const { result } = await bindPhone('wx-changes-mind', target.name, target.phoneLast4);
    expect(result).toMatchObject({ ok: true, data: { status: 'bound', me: { memberId: target._id } } });
    expect(cloud.engine.find('bindings', { _id: 'wx-changes-mind' })[0]).toMatchObject({ status: 'bound', memberId: target._id });
  });
});
