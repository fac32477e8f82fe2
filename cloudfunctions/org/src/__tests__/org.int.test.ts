import type { Envelope, ImportPreview, OrgNode, PendingBinding, RosterPage } from '@zbxx/contracts';
import { DEMO_OPENIDS, DEMO_UNBOUND_ENTRY, generateCounty } from '@zbxx/demo-data';
import type { AuditEntry, MemberDoc, OrgDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');

const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, today: NOW });
const { orgs, members } = county.collections;
const byOpenid = (openid: string) => members.find((m) => m.openid === openid)!;
const secretary = byOpenid(DEMO_OPENIDS.secretary);
const demoBranch = secretary.branchId; // org-b0002, in 城关镇党委 (org-c01)
const otherBranch = byOpenid(DEMO_OPENIDS.secretary2).branchId; // org-b0004, in 县直机关工委 (org-c02)
const memberOf = (branchId: string, skip: string[] = []) =>
  members.find((m) => m.branchId === branchId && !m.openid && m.roles.length === 0 && !skip.includes(m._id))!;

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({
    now: NOW,
    functions: ['org', 'account'],
    seed: county.collections as unknown as Record<string, object[]>,
  });
}, 60_000);

afterAll(async () => {
  await cloud?.close();
});

const org = <T>(action: string, data: unknown, openid: string) => cloud.call<Envelope<T>>('org', { action, data }, openid);
const code = (reply: Envelope<unknown>) => (reply.ok ? 'OK' : reply.error.code);
const data = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const memberDoc = (id: string) => cloud.engine.find('members', { _id: id })[0] as unknown as MemberDoc;

describe('scope: who may do what', () => {
  const mutating = (target: MemberDoc) =>
    [
      ['createNode', { parentId: 'org-c01', name: '新党支部', type: 'branch' }],
      ['renameNode', { id: demoBranch, name: '改名党支部' }],
      ['transferMember', { memberId: target._id, toBranchId: otherBranch }],
      ['assignRole', { memberId: target._id, role: 'secretary', orgId: target.branchId }],
      ['rosterTemplate', {}],
      ['importPreview', { file: { fileName: 'a.xlsx', base64: 'AAAA' } }],
    ] as const;

  it('refuses a plain member everything but their own record (which account.login gives)', async () => {
    const target = memberOf(demoBranch);
    const before = cloud.snapshot(['orgs', 'members', 'auditLog']);
    for (const [action, input] of [
      ['tree', {}],
      ['rosterList', {}],
      ['branchMembers', { branchId: demoBranch }],
      ['inviteCode', { branchId: demoBranch }],
      ['pendingBindings', { branchId: demoBranch }],
      ...mutating(target),
    ] as const) {
      expect([action, code((await org(action, input, DEMO_OPENIDS.member)).result)]).toEqual([action, 'AUTH.FORBIDDEN']);
    }
    expect(code((await org('tree', {}, 'wx-stranger')).result)).toBe('AUTH.NOT_BOUND');
    expect(code((await org('tree', {}, DEMO_OPENIDS.pending)).result)).toBe('BIND.PENDING');
    expect(cloud.snapshot(['orgs', 'members', 'auditLog'])).toEqual(before);
  });

  it('gives a secretary their own branch, with masked phones, and nothing else', async () => {
    const own = await org<RosterPage>('branchMembers', { branchId: demoBranch }, DEMO_OPENIDS.secretary);
    const page = data(own.result);
    expect(page.total).toBe(members.filter((m) => m.branchId === demoBranch).length);
    expect(
      page.items.every((item) => item.branch.id === demoBranch && item.phone === undefined && /^\d{3}\*{4}\d{4}$/.test(item.phoneMasked)),
    ).toBe(true);
    expect(JSON.stringify(page)).not.toContain(secretary.phone);
    expect(own.dbRequests).toBeLessThanOrEqual(5);

    expect(data((await org<RosterPage>('rosterList', {}, DEMO_OPENIDS.secretary)).result).total).toBe(page.total);
    const tree = data((await org<{ nodes: OrgNode[] }>('tree', {}, DEMO_OPENIDS.secretary)).result);
    expect(tree.nodes.map((n) => n.id)).toEqual([demoBranch]);

    for (const [action, input] of [
      ['branchMembers', { branchId: otherBranch }],
      ['rosterList', { orgId: 'org-county' }],
      ['rosterList', { orgId: otherBranch }],
      ['inviteCode', { branchId: otherBranch }],
      ['pendingBindings', { branchId: otherBranch }],
    ] as const) {
      expect([action, code((await org(action, input, DEMO_OPENIDS.secretary)).result)]).toEqual([action, 'NOT_FOUND']);
    }
    for (const [action, input] of mutating(memberOf(demoBranch))) {
      expect([action, code((await org(action, input, DEMO_OPENIDS.secretary)).result)]).toEqual([action, 'AUTH.FORBIDDEN']);
    }
  });

  it('gives an admin their subtree with full phones, and refuses the rest as not found', async () => {
    const tree = data((await org<{ roots: string[]; nodes: OrgNode[] }>('tree', {}, DEMO_OPENIDS.admin2)).result);
    expect(tree.roots).toEqual(['org-c01']);
    expect(tree.nodes.map((n) => n.id).sort()).toEqual(
      orgs
        .filter((o) => o._id === 'org-c01' || o.ancestors.includes('org-c01'))
        .map((o) => o._id)
        .sort(),
    );
    expect(tree.nodes.find((n) => n.id === 'org-c01')?.memberCount).toBe(members.filter((m) => m.orgPath.includes('org-c01')).length);

    const roster = data((await org<RosterPage>('rosterList', { pageSize: 100 }, DEMO_OPENIDS.admin2)).result);
    expect(roster.total).toBe(members.filter((m) => m.orgPath.includes('org-c01')).length);
    expect(roster.items.find((item) => item.memberId === secretary._id)?.phone).toBe(secretary.phone);

    const outside = memberOf(otherBranch);
    for (const [action, input] of [
      ['rosterList', { orgId: 'org-c02' }],
      ['branchMembers', { branchId: otherBranch }],
      ['createNode', { parentId: 'org-c02', name: '新党支部', type: 'branch' }],
      ['renameNode', { id: otherBranch, name: '改名党支部' }],
      ['transferMember', { memberId: outside._id, toBranchId: demoBranch }],
      ['transferMember', { memberId: memberOf(demoBranch)._id, toBranchId: otherBranch }],
      ['assignRole', { memberId: outside._id, role: 'secretary', orgId: otherBranch }],
      ['retireNode', { id: otherBranch }],
    ] as const) {
      expect([action, code((await org(action, input, DEMO_OPENIDS.admin2)).result)]).toEqual([action, 'NOT_FOUND']);
    }
  });

  it('lets only the admin who previewed an import commit it', async () => {
    const template = data((await org<{ url: string }>('rosterTemplate', {}, DEMO_OPENIDS.admin)).result);
    const slot = data((await org<{ cloudPath: string }>('importUpload', {}, DEMO_OPENIDS.admin)).result);
    const fileID = await cloud.upload(slot.cloudPath, Buffer.from(await (await fetch(template.url)).arrayBuffer()));
    const preview = data((await org<ImportPreview>('importPreview', { file: { fileID } }, DEMO_OPENIDS.admin)).result);
    expect(code((await org('importCommit', { importId: preview.importId }, DEMO_OPENIDS.admin2)).result)).toBe('NOT_FOUND');
  });

  it('rejects malformed input before touching the database', async () => {
    for (const [action, input] of [
      ['createNode', { parentId: 'org-c01', name: '', type: 'branch' }],
      ['createNode', { parentId: 'org-c01', name: '甲/乙', type: 'branch' }],
      ['createNode', { parentId: 'org-c01', name: '新党委', type: 'county' }],
      ['rosterList', { pageSize: 1000 }],
      ['transferMember', { memberId: 'm-1' }],
      ['importPreview', { file: { fileID: 'http://evil/x.xlsx' } }],
      ['importPreview', { file: { fileName: 'a.xlsx', base64: '不是base64' } }],
    ] as const) {
      const reply = await org(action, input, DEMO_OPENIDS.admin);
      expect([action, code(reply.result), reply.dbRequests]).toEqual([action, 'INPUT.INVALID', 0]);
    }
  });
});

describe('org tree administration', () => {
  it('creates, renames, moves and retires nodes, each with an audit entry', async () => {
    const admin = DEMO_OPENIDS.admin;
    const general = data(
      (await org<{ node: OrgNode }>('createNode', { parentId: 'org-c01', name: '城关镇卫生院党总支', type: 'general' }, admin)).result,
    ).node;
    expect(general).toMatchObject({
      type: 'general',
      parentId: 'org-c01',
      ancestors: ['org-county', 'org-c01'],
      retired: false,
      memberCount: 0,
    });
    const branch = data(
      (await org<{ node: OrgNode }>('createNode', { parentId: general.id, name: '卫生院第一党支部', type: 'branch' }, admin)).result,
    ).node;
    expect(branch.ancestors).toEqual(['org-county', 'org-c01', general.id]);
    expect((cloud.engine.find('orgs', { _id: branch.id })[0] as unknown as OrgDoc).inviteCode).toMatch(/^[A-Z2-9]{8}$/);

    expect(code((await org('createNode', { parentId: general.id, name: '卫生院第一党支部', type: 'branch' }, admin)).result)).toBe(
      'INPUT.INVALID',
    );
    expect(code((await org('createNode', { parentId: branch.id, name: '下级', type: 'branch' }, admin)).result)).toBe('INPUT.INVALID');
    const renamed = await org<{ node: OrgNode }>('renameNode', { id: branch.id, name: '卫生院党支部' }, admin);
    expect(data(renamed.result).node.name).toBe('卫生院党支部');

    // A member transferred in, then the whole 党总支 moves to another 党委: the member's org path follows.
    const mover = memberOf('org-b0001');
    data((await org('transferMember', { memberId: mover._id, toBranchId: branch.id }, admin)).result);
    expect(code((await org('moveNode', { id: general.id, parentId: branch.id }, admin)).result)).toBe('INPUT.INVALID');
    const moved = await org<{ node: OrgNode; movedNodes: number; movedMembers: number }>(
      'moveNode',
      { id: general.id, parentId: 'org-c03' },
      admin,
    );
    expect(data(moved.result)).toMatchObject({
      movedNodes: 2,
      movedMembers: 1,
      node: { parentId: 'org-c03', ancestors: ['org-county', 'org-c03'], memberCount: 1 },
    });
    expect(cloud.engine.find('orgs', { _id: branch.id })[0]).toMatchObject({ ancestors: ['org-county', 'org-c03', general.id] });
    expect(memberDoc(mover._id).orgPath).toEqual(['org-county', 'org-c03', general.id, branch.id]);
    // The committee admin of 城关镇 no longer sees it.
    expect(code((await org('rosterList', { orgId: branch.id }, DEMO_OPENIDS.admin2)).result)).toBe('NOT_FOUND');

    expect((await org('retireNode', { id: branch.id }, admin)).result).toMatchObject({
      ok: false,
      error: { code: 'ORG.NOT_EMPTY', message: '该组织下还有1名党员，请先转出' },
    });
    data((await org('transferMember', { memberId: mover._id, toBranchId: 'org-b0001' }, admin)).result);
    expect(code((await org('retireNode', { id: general.id }, admin)).result)).toBe('ORG.NOT_EMPTY');
    expect(data((await org<{ node: OrgNode }>('retireNode', { id: branch.id }, admin)).result).node.retired).toBe(true);
    expect(cloud.engine.find('orgs', { _id: branch.id })[0]).not.toHaveProperty('inviteCode');
    const tree = data((await org<{ nodes: OrgNode[] }>('tree', {}, admin)).result);
    expect(tree.nodes.some((n) => n.id === branch.id)).toBe(false);
    expect(
      data((await org<{ nodes: OrgNode[] }>('tree', { includeRetired: true }, admin)).result).nodes.some((n) => n.id === branch.id),
    ).toBe(true);
    expect(code((await org('transferMember', { memberId: mover._id, toBranchId: branch.id }, admin)).result)).toBe('INPUT.INVALID');
    expect(code((await org('retireNode', { id: 'org-county' }, admin)).result)).toBe('AUTH.FORBIDDEN');

    const actions = (cloud.engine.find('auditLog', { 'actor.openid': admin }) as unknown as AuditEntry[]).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['org.create', 'org.rename', 'org.move', 'org.retire', 'member.transfer']));
  });
});

describe('roster listing', () => {
  it('searches by name or phone digits and filters, a page at a time', async () => {
    const target = memberOf(demoBranch);
    const byName = data((await org<RosterPage>('rosterList', { query: target.name.slice(1) }, DEMO_OPENIDS.admin)).result);
    expect(byName.items.map((i) => i.memberId)).toContain(target._id);
    const byPhone = data((await org<RosterPage>('rosterList', { query: target.phone.slice(3, 9) }, DEMO_OPENIDS.admin)).result);
    expect(byPhone.items.map((i) => i.memberId)).toEqual([target._id]);
    const secretaries = data((await org<RosterPage>('rosterList', { role: 'secretary', pageSize: 100 }, DEMO_OPENIDS.admin)).result);
    expect(secretaries.total).toBe(members.filter((m) => m.roles.some((g) => g.role === 'secretary')).length);
    const bound = data((await org<RosterPage>('rosterList', { bound: true, pageSize: 100 }, DEMO_OPENIDS.admin)).result);
    expect(bound.items.every((i) => i.bound)).toBe(true);
    const page2 = await org<RosterPage>('rosterList', { page: 2, pageSize: 10 }, DEMO_OPENIDS.admin);
    expect(data(page2.result)).toMatchObject({ page: 2, pageSize: 10, total: expect.any(Number) });
    expect(data(page2.result).items).toHaveLength(10);
    expect(page2.dbRequests).toBeLessThanOrEqual(5);
  });
});

describe('roles', () => {
  it('makes a member secretary of their branch and takes it back; the role applies on the next call', async () => {
    const member = byOpenid(DEMO_OPENIDS.member);
    expect(code((await org('branchMembers', { branchId: demoBranch }, DEMO_OPENIDS.member)).result)).toBe('AUTH.FORBIDDEN');
    const assigned = await org('assignRole', { memberId: member._id, role: 'secretary', orgId: demoBranch }, DEMO_OPENIDS.admin2);
    expect(assigned.result).toMatchObject({ ok: true, data: { roles: [{ role: 'secretary', org: { id: demoBranch } }] } });
    expect(code((await org('branchMembers', { branchId: demoBranch }, DEMO_OPENIDS.member)).result)).toBe('OK');
    data((await org('revokeRole', { memberId: member._id, role: 'secretary', orgId: demoBranch }, DEMO_OPENIDS.admin2)).result);
    expect(code((await org('branchMembers', { branchId: demoBranch }, DEMO_OPENIDS.member)).result)).toBe('AUTH.FORBIDDEN');
    expect(cloud.engine.find('auditLog', { action: { $in: ['role.assign', 'role.revoke'] }, 'target.id': member._id })).toHaveLength(2);
  });

  it('refuses a secretary from another branch, an admin of a branch, and revoking one’s own admin role', async () => {
    const member = byOpenid(DEMO_OPENIDS.member);
    expect(
      code((await org('assignRole', { memberId: member._id, role: 'secretary', orgId: 'org-b0001' }, DEMO_OPENIDS.admin)).result),
    ).toBe('INPUT.INVALID');
    expect(code((await org('assignRole', { memberId: member._id, role: 'admin', orgId: demoBranch }, DEMO_OPENIDS.admin)).result)).toBe(
      'INPUT.INVALID',
    );
    const admin = byOpenid(DEMO_OPENIDS.admin);
    expect(code((await org('revokeRole', { memberId: admin._id, role: 'admin', orgId: 'org-county' }, DEMO_OPENIDS.admin)).result)).toBe(
      'AUTH.FORBIDDEN',
    );
  });
});

describe('transfers (组织关系转接)', () => {
  it('moves a member, records where they were, and ends a secretary role in the old branch', async () => {
    const moving = byOpenid(DEMO_OPENIDS.secretary2);
    const reply = await org<{ from: { id: string }; to: { id: string }; at: string }>(
      'transferMember',
      { memberId: moving._id, toBranchId: 'org-b0003' },
      DEMO_OPENIDS.admin,
    );
    expect(data(reply.result)).toMatchObject({ from: { id: otherBranch }, to: { id: 'org-b0003' } });
    expect(memberDoc(moving._id)).toMatchObject({ branchId: 'org-b0003', orgPath: ['org-county', 'org-c02', 'org-b0003'], roles: [] });
    expect(cloud.engine.find('transfers', { memberId: moving._id })).toEqual([
      expect.objectContaining({
        fromBranchId: otherBranch,
        fromOrgPath: ['org-county', 'org-c02', otherBranch],
        toBranchId: 'org-b0003',
        reason: 'transfer',
        at: new Date(data(reply.result).at),
      }),
    ]);
    // No longer secretary of the old branch: the role is read from the database on every call.
    expect(code((await org('branchMembers', { branchId: otherBranch }, DEMO_OPENIDS.secretary2)).result)).toBe('AUTH.FORBIDDEN');
    expect(code((await org('transferMember', { memberId: moving._id, toBranchId: 'org-b0003' }, DEMO_OPENIDS.admin)).result)).toBe(
      'INPUT.INVALID',
    );
    expect(code((await org('transferMember', { memberId: moving._id, toBranchId: 'org-c01' }, DEMO_OPENIDS.admin)).result)).toBe(
      'INPUT.INVALID',
    );
  });
});

describe('invite codes and join requests (secretary)', () => {
  const account = (data: unknown, openid: string) => cloud.call<Envelope<unknown>>('account', { action: 'bind', data }, openid);

  it('shows and resets the branch invite code; the old one stops working', async () => {
    const shown = data((await org<{ inviteCode: string }>('inviteCode', { branchId: demoBranch }, DEMO_OPENIDS.secretary)).result);
    const reset = data((await org<{ inviteCode: string }>('resetInviteCode', { branchId: demoBranch }, DEMO_OPENIDS.secretary)).result);
    expect(reset.inviteCode).not.toBe(shown.inviteCode);
    expect(code((await account({ method: 'invite', name: '钱新', inviteCode: shown.inviteCode }, 'wx-old-code')).result)).toBe(
      'BIND.NO_MATCH',
    );
    expect(code((await account({ method: 'invite', name: '钱新', inviteCode: reset.inviteCode }, 'wx-new-code')).result)).toBe('OK');
    expect(cloud.engine.find('auditLog', { action: 'org.inviteCode.reset', 'target.id': demoBranch })).toHaveLength(1);
  });

  it('lists pending requests with the unclaimed entries, approves one onto a roster entry and declines another', async () => {
    const unclaimed = members.find((m) => m.name === DEMO_UNBOUND_ENTRY.name)!;
    const listed = await org<{ items: PendingBinding[]; unclaimed: { memberId: string }[] }>(
      'pendingBindings',
      { branchId: demoBranch },
      DEMO_OPENIDS.secretary,
    );
    const { items, unclaimed: open } = data(listed.result);
    expect(items.map((i) => [i.openid, i.name])).toEqual([
      [DEMO_OPENIDS.pending, '赵小川'],
      ['wx-new-code', '钱新'],
    ]);
    expect(open.map((m) => m.memberId)).toContain(unclaimed._id);
    expect(listed.dbRequests).toBeLessThanOrEqual(4);

    expect(
      code((await org('approveBinding', { openid: DEMO_OPENIDS.pending, memberId: unclaimed._id }, DEMO_OPENIDS.secretary2)).result),
    ).toBe('AUTH.FORBIDDEN');
    expect(
      code(
        (await org('approveBinding', { openid: DEMO_OPENIDS.pending, memberId: memberOf('org-b0001')._id }, DEMO_OPENIDS.secretary)).result,
      ),
    ).toBe('NOT_FOUND');
    expect(
      code((await org('approveBinding', { openid: DEMO_OPENIDS.pending, memberId: secretary._id }, DEMO_OPENIDS.secretary)).result),
    ).toBe('BIND.ALREADY_BOUND');

    const approved = await org('approveBinding', { openid: DEMO_OPENIDS.pending, memberId: unclaimed._id }, DEMO_OPENIDS.secretary);
    expect(approved.result).toEqual({ ok: true, data: { memberId: unclaimed._id, name: unclaimed.name } });
    expect(memberDoc(unclaimed._id).openid).toBe(DEMO_OPENIDS.pending);
    expect(cloud.engine.find('bindings', { _id: DEMO_OPENIDS.pending })[0]).toMatchObject({
      status: 'bound',
      memberId: unclaimed._id,
      method: 'invite',
    });
    const login = await cloud.call<Envelope<{ status: string }>>('account', { action: 'login' }, DEMO_OPENIDS.pending);
    expect(login.result).toMatchObject({ ok: true, data: { status: 'bound' } });
    expect(
      code((await org('approveBinding', { openid: DEMO_OPENIDS.pending, memberId: unclaimed._id }, DEMO_OPENIDS.secretary)).result),
    ).toBe('NOT_FOUND');

    data((await org('declineBinding', { openid: 'wx-new-code' }, DEMO_OPENIDS.secretary)).result);
    expect(cloud.engine.find('bindings', { _id: 'wx-new-code' })).toEqual([]);
    const after = await cloud.call<Envelope<{ status: string }>>('account', { action: 'login' }, 'wx-new-code');
    expect(after.result).toEqual({ ok: true, data: { status: 'unbound' } });
    expect(cloud.engine.find('auditLog', { action: { $in: ['binding.approve', 'binding.decline'] } })).toHaveLength(2);
  });
});
