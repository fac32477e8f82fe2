import type { DevIdentity } from '@zbxx/contracts';
import { primaryRole } from '@zbxx/domain';
import type { OrgDoc } from '@zbxx/server';
import { DEMO_OPENIDS, DEMO_UNBOUND_ENTRY, type DemoCollections } from './generate-county';

const ROLE_ORDER: Record<DevIdentity['role'], number> = { admin: 0, secretary: 1, member: 2, pending: 3, unbound: 4 };

/**
 * The dev identity picker's list (h5 only): every seeded binding, most privileged first, plus one WeChat user
 * who has not bound yet, with what to type to bind. Reads the collections, so it works for whatever the
 * database was seeded with.
 */
export function devIdentities(collections: Pick<DemoCollections, 'orgs' | 'members' | 'bindings'>): DevIdentity[] {
  const orgs = new Map<string, OrgDoc>(collections.orgs.map((org) => [org._id, org]));
  const members = new Map(collections.members.map((member) => [member._id, member]));
  const orgName = (id: string) => orgs.get(id)?.name ?? id;
  const identities: DevIdentity[] = [];

  for (const binding of collections.bindings) {
    if (binding.status === 'pending') {
      identities.push({
        openid: binding._id,
        name: binding.name,
        role: 'pending',
        orgName: binding.branchName,
        description: '已用邀请码申请加入，待支部书记审核',
      });
      continue;
    }
    const member = members.get(binding.memberId);
    if (!member) continue;
    const role = primaryRole(member.roles);
    const adminOf = member.roles.filter((grant) => grant.role === 'admin').map((grant) => grant.orgId);
    const scopeOrg = role === 'admin' ? (adminOf[0] ?? member.branchId) : member.branchId;
    const description =
      role === 'admin'
        ? `管理员（${orgName(scopeOrg)}全部组织）`
        : role === 'secretary'
          ? `${orgName(member.branchId)}书记`
          : `${orgName(member.branchId)}党员`;
    identities.push({ openid: binding._id, name: member.name, role, orgName: orgName(scopeOrg), description });
  }

  const unboundEntry = collections.members.find((m) => m.name === DEMO_UNBOUND_ENTRY.name && !m.openid);
  const inviteBranch = unboundEntry ? orgs.get(unboundEntry.branchId) : undefined;
  identities.push({
    openid: DEMO_OPENIDS.unbound,
    name: '新微信用户',
    role: 'unbound',
    orgName: '',
    description: unboundEntry
      ? `未绑定：可用「${unboundEntry.name}」+ 手机后4位「${unboundEntry.phoneLast4}」绑定` +
        (inviteBranch?.inviteCode ? `，或用邀请码 ${inviteBranch.inviteCode} 申请加入${inviteBranch.name}` : '')
      : '未绑定的微信用户',
  });

  return identities.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.openid.localeCompare(b.openid));
}
