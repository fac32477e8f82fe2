import { auditLogRepo, type BoundCaller, type DbTransaction } from '@zbxx/server';

/** 组织部 changes to plans and materials go into the append-only audit log, in the same transaction. */
export function auditStudyChange(
  tx: DbTransaction,
  change: {
    admin: BoundCaller;
    action: string;
    collection: 'studyPlans' | 'studyMaterials';
    id: string;
    details: Record<string, unknown>;
    at: Date;
    requestId: string | null;
  },
): Promise<void> {
  return auditLogRepo.appendAudit(tx, {
    at: change.at,
    action: change.action,
    actor: { openid: change.admin.openid, memberId: change.admin.member._id },
    target: { collection: change.collection, id: change.id },
    details: change.details,
    requestId: change.requestId,
  });
}
