import type { Role } from '@zbxx/contracts';

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  admin: '组织部管理员',
};

/** Roles in a fixed, most-senior-last order so every screen lists them alike. */
export function roleLabels(roles: readonly Role[]): string[] {
  const order: Role[] = ['member', 'secretary', 'admin'];
  return order.filter((role) => roles.includes(role)).map((role) => ROLE_LABELS[role]);
}
