import type { AuditEntry, BoundCaller, FunctionContext } from '@zbxx/server';

/** An audit entry for a change this caller makes now (written in the same transaction as the change). */
export function auditEntry(
  ctx: FunctionContext,
  me: BoundCaller,
  action: string,
  target: AuditEntry['target'],
  details: Record<string, unknown>,
): Omit<AuditEntry, '_id'> {
  return { at: ctx.now, action, actor: { openid: ctx.openid, memberId: me.member._id }, target, details, requestId: ctx.requestId };
}
