import { isPathInSubtree } from './org-scope';

/**
 * Roles beyond plain membership are granted on an org: a secretary (支部书记) on a branch, an admin on a subtree
 * root (the county 组织部 or a 党委). Every bound member is a member; grants add to that.
 */
export type GrantedRole = 'secretary' | 'admin';
export type Role = 'member' | GrantedRole;

export interface RoleGrant {
  role: GrantedRole;
  orgId: string;
}

export interface Scope {
  /** Branch ids the member is secretary of. */
  secretaryOf: string[];
  /** Subtree roots the member administers. */
  adminOf: string[];
}

const ROLE_ORDER: readonly Role[] = ['member', 'secretary', 'admin'];

/** The member's roles, least to most privileged, without duplicates. */
export function deriveRoles(grants: readonly RoleGrant[]): Role[] {
  const held = new Set<Role>(['member', ...grants.map((grant) => grant.role)]);
  return ROLE_ORDER.filter((role) => held.has(role));
}

export function deriveScope(grants: readonly RoleGrant[]): Scope {
  const unique = (role: GrantedRole) => [...new Set(grants.filter((g) => g.role === role).map((g) => g.orgId))];
  return { secretaryOf: unique('secretary'), adminOf: unique('admin') };
}

/** The highest role, for labels such as the dev identity picker. */
export function primaryRole(grants: readonly RoleGrant[]): Role {
  return deriveRoles(grants).at(-1) ?? 'member';
}

/**
 * Whether a scope reaches an org path (root … branch): admins reach their subtree, secretaries their branch.
 * Members reach only themselves, which callers check by id.
 */
export function scopeCoversPath(scope: Scope, orgPath: readonly string[]): boolean {
  const branchId = orgPath.at(-1);
  if (branchId !== undefined && scope.secretaryOf.includes(branchId)) return true;
  return scope.adminOf.some((rootId) => isPathInSubtree(orgPath, rootId));
}
