import { isMobilePhone, isInviteCode, primaryRole } from '@zbxx/domain';
import { DEMO_OPENIDS, DEMO_UNBOUND_ENTRY, generateCounty } from '../generate-county';
import { ordinal } from '../org-names';

// The demo's today, stated: the county generated is the same whenever the test runs.
const today = new Date('2026-12-08T10:00:00+08:00');
const county = generateCounty({ today });
const { orgs, members, bindings } = county.collections;
const orgById = new Map(orgs.map((org) => [org._id, org]));
const memberByOpenid = (openid: string) => members.find((member) => member.openid === openid);

describe('generateCounty (demo county)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCounty({ today })).toEqual(county);
    expect(generateCounty({ seed: 7, today }).collections.members.map((m) => m.name)).not.toEqual(members.map((m) => m.name));
  });

  it('has the requested shape: one 组织部, 3 committees, 12 branches, 240 members', () => {
    expect(orgs.filter((org) => org.type === 'county').map((org) => org.name)).toEqual(['清河县委组织部']);
    expect(orgs.filter((org) => org.type === 'committee').map((org) => org.name)).toEqual([
      '城关镇党委',
      '县直机关工委',
      '经济开发区党工委',
    ]);
    expect(orgs.filter((org) => org.type === 'branch')).toHaveLength(12);
    expect(orgs.some((org) => org.type === 'general')).toBe(true);
    expect(members).toHaveLength(240);
  });

  it('stores each node’s ancestors from the county down', () => {
    for (const org of orgs) {
      const parent = org.parentId === null ? undefined : orgById.get(org.parentId);
      expect(org.ancestors).toEqual(parent ? [...parent.ancestors, parent._id] : []);
    }
    for (const member of members) {
      const branch = orgById.get(member.branchId)!;
      expect(branch.type).toBe('branch');
      expect(member.orgPath).toEqual([...branch.ancestors, branch._id]);
    }
  });

  it('gives ids, names, phones and invite codes that are unique and well-formed', () => {
    const unique = <T>(values: T[]) => new Set(values).size === values.length;
    expect(unique(orgs.map((org) => org._id))).toBe(true);
    expect(unique(orgs.map((org) => org.name))).toBe(true);
    expect(unique(members.map((member) => member._id))).toBe(true);
    expect(unique(members.map((member) => member.phone))).toBe(true);
    const codes = orgs.flatMap((org) => (org.inviteCode ? [org.inviteCode] : []));
    expect(codes).toHaveLength(12);
    expect(unique(codes)).toBe(true);
    expect(codes.every(isInviteCode)).toBe(true);
    for (const member of members) {
      expect(isMobilePhone(member.phone)).toBe(true);
      expect(member.phoneLast4).toBe(member.phone.slice(-4));
      expect(member.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(member.joinedPartyOn).toMatch(/^(19|20)\d{2}-\d{2}-\d{2}$/);
    }
  });

  it('gives every branch exactly one secretary', () => {
    for (const branch of orgs.filter((org) => org.type === 'branch')) {
      const secretaries = members.filter((m) => m.roles.some((g) => g.role === 'secretary' && g.orgId === branch._id));
      expect(secretaries).toHaveLength(1);
      expect(secretaries[0]!.branchId).toBe(branch._id);
      expect(secretaries[0]!.duty).toBe('党支部书记');
    }
  });

  it('binds the fixed demo identities with their roles', () => {
    const admin = memberByOpenid(DEMO_OPENIDS.admin)!;
    expect(admin.roles).toEqual([{ role: 'admin', orgId: 'org-county' }]);
    const admin2 = memberByOpenid(DEMO_OPENIDS.admin2)!;
    expect(admin2.roles).toEqual([{ role: 'admin', orgId: 'org-c01' }]);

    const secretary = memberByOpenid(DEMO_OPENIDS.secretary)!;
    expect(secretary.roles).toEqual([{ role: 'secretary', orgId: secretary.branchId }]);
    expect(memberByOpenid(DEMO_OPENIDS.member)!.branchId).toBe(secretary.branchId);
    expect(primaryRole(memberByOpenid(DEMO_OPENIDS.member)!.roles)).toBe('member');
    expect(primaryRole(memberByOpenid(DEMO_OPENIDS.secretary2)!.roles)).toBe('secretary');
    expect(primaryRole(memberByOpenid(DEMO_OPENIDS.member2)!.roles)).toBe('member');

    for (const binding of bindings.filter((b) => b.status === 'bound')) {
      expect(members.find((m) => m._id === binding.memberId)?.openid).toBe(binding._id);
    }
    expect(bindings.filter((b) => b.status === 'bound')).toHaveLength(members.filter((m) => m.openid).length);
  });

  it('leaves most of the roster unbound, including the documented entry', () => {
    expect(members.filter((m) => m.openid).length).toBeLessThan(10);
    const entry = members.filter((m) => m.name === DEMO_UNBOUND_ENTRY.name);
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({
      phoneLast4: DEMO_UNBOUND_ENTRY.phoneLast4,
      branchId: memberByOpenid(DEMO_OPENIDS.secretary)!.branchId,
    });
    expect(entry[0]!.openid).toBeUndefined();
  });

  it('records a pending invite request for demo-secretary’s branch', () => {
    const pending = bindings.find((b) => b._id === DEMO_OPENIDS.pending);
    expect(pending).toMatchObject({ status: 'pending', branchId: memberByOpenid(DEMO_OPENIDS.secretary)!.branchId });
  });

  it('scales to a county: 20,000 members in 600 branches, names still unique', () => {
    const big = generateCounty({ members: 20000, branches: 600, seed: 1, today }).collections;
    expect(big.members).toHaveLength(20000);
    expect(big.orgs.filter((org) => org.type === 'branch')).toHaveLength(600);
    expect(new Set(big.orgs.map((org) => org.name)).size).toBe(big.orgs.length);
    expect(new Set(big.members.map((m) => m.phone)).size).toBe(20000);
  });

  it('refuses sizes that cannot seat the demo identities', () => {
    expect(() => generateCounty({ branches: 4 })).toThrow(/two branches per committee/);
    expect(() => generateCounty({ members: 20 })).toThrow(/at least/);
  });

  it('numbers extra branches the way rosters write them', () => {
    expect([1, 2, 10, 12, 20, 35].map(ordinal)).toEqual(['第一', '第二', '第十', '第十二', '第二十', '第三十五']);
  });
});
