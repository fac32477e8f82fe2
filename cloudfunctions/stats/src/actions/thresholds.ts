import type { statsContract } from '@zbxx/contracts';
import { auditLogRepo, COLLECTIONS, statsSettingsRepo, type FunctionHandler } from '@zbxx/server';
import { orgRef, resolveAdminNode } from '../admin-node';
import { effectiveSettings } from '../settings';

/** 组织部: the thresholds and 催学 days in force at a node (its own, the nearest ancestor's, or the default). */
export const thresholds: FunctionHandler<typeof statsContract, 'thresholds'> = async (input, { caller, db }) => {
  const { node, path } = await resolveAdminNode(db, caller, input?.nodeId);
  const settings = await effectiveSettings(db, path);
  return { node: orgRef(node), ...settings };
};

/** 组织部: sets a node's thresholds and 催学 days (its subtree inherits them), with an audit entry. */
export const saveThresholds: FunctionHandler<typeof statsContract, 'saveThresholds'> = async (input, { caller, db, now, requestId }) => {
  const { admin, node, path } = await resolveAdminNode(db, caller, input.nodeId);
  const reminderDays = [...new Set(input.reminderDays)].sort((a, b) => a - b);
  const before = await effectiveSettings(db, path);
  await db.runTransaction(async (tx) => {
    await statsSettingsRepo.putSettings(tx, {
      _id: node._id,
      thresholds: { ...input.thresholds },
      reminderDays,
      updatedAt: now,
      updatedBy: admin.member._id,
    });
    await auditLogRepo.appendAudit(tx, {
      at: now,
      action: 'statsSettings.save',
      actor: { openid: admin.openid, memberId: admin.member._id },
      target: { collection: COLLECTIONS.statsSettings, id: node._id },
      details: {
        before: { thresholds: before.thresholds, reminderDays: before.reminderDays, source: before.source },
        thresholds: input.thresholds,
        reminderDays,
      },
      requestId,
    });
  });
  return { node: orgRef(node), thresholds: { ...input.thresholds }, reminderDays, source: 'node' as const };
};
