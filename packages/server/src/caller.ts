import { deriveRoles, deriveScope, type Role, type Scope } from '@zbxx/domain';
import { AppError } from './app-error';
import type { Db } from './db';
import { getBinding, type PendingBindingDoc } from './repositories/bindings';
import { findMemberByOpenid, type MemberDoc } from './repositories/members';

/**
 * Who is calling, derived from the database on every call (never from the event, never cached across calls:
 * a revoked role must take effect at once).
 */
export type Caller = UnboundCaller | PendingCaller | BoundCaller;

export interface UnboundCaller {
  status: 'unbound';
  openid: string;
}

export interface PendingCaller {
  status: 'pending';
  openid: string;
  binding: PendingBindingDoc;
}

export interface BoundCaller {
  status: 'bound';
  openid: string;
  member: MemberDoc;
  roles: Role[];
  scope: Scope;
}

/**
 * Bound users (nearly every call) cost one indexed query on `members.openid`; only when that finds nothing is
 * the `bindings` document read, to tell a pending request from a stranger.
 */
export async function resolveCaller(db: Db, openid: string): Promise<Caller> {
  const member = await findMemberByOpenid(db, openid);
  if (member) {
    return { status: 'bound', openid, member, roles: deriveRoles(member.roles), scope: deriveScope(member.roles) };
  }
  const binding = await getBinding(db, openid);
  if (binding?.status === 'pending') return { status: 'pending', openid, binding };
  return { status: 'unbound', openid };
}

/** For actions that need a roster identity. */
export function requireBound(caller: Caller): BoundCaller {
  if (caller.status === 'bound') return caller;
  if (caller.status === 'pending') throw new AppError('BIND.PENDING');
  throw new AppError('AUTH.NOT_BOUND');
}
