import type { DevIdentity } from '../services/dev-identities';

export interface IdentityGroup {
  role: DevIdentity['role'];
  label: string;
  identities: DevIdentity[];
}

const GROUPS: ReadonlyArray<Pick<IdentityGroup, 'role' | 'label'>> = [
  { role: 'admin', label: '组织部管理员' },
  { role: 'secretary', label: '支部书记' },
  { role: 'member', label: '党员' },
  { role: 'pending', label: '待审核用户' },
  { role: 'unbound', label: '未绑定用户' },
];

/** Picker sections in a fixed order; empty sections are left out. */
export function groupIdentities(identities: readonly DevIdentity[]): IdentityGroup[] {
  return GROUPS.map((group) => ({ ...group, identities: identities.filter((i) => i.role === group.role) })).filter(
    (group) => group.identities.length > 0,
  );
}
