import type { orgContract, OrgNode } from '@zbxx/contracts';
import { canContain, checkMove, generateInviteCode, normalizeOrgName, orgPathOf, rebaseAncestors } from '@zbxx/domain';
import {
  AppError,
  auditLogRepo,
  membersRepo,
  orgsRepo,
  type BoundCaller,
  type FunctionContext,
  type FunctionHandler,
  type OrgDoc,
} from '@zbxx/server';
import { requireAdmin, requireOrgForAdmin } from '../access';
import { auditEntry } from '../audit';
import { toOrgNode } from '../views';

const TYPE_NAMES: Record<OrgDoc['type'], string> = { county: '组织部', committee: '党委/党工委', general: '党总支', branch: '党支部' };

function audit(ctx: FunctionContext, me: BoundCaller, action: string, org: OrgDoc, details: Record<string, unknown>) {
  return auditEntry(ctx, me, action, { collection: 'orgs', id: org._id }, details);
}

function assertNotOwnRoot(me: BoundCaller, org: OrgDoc, what: string): void {
  if (me.scope.adminOf.includes(org._id)) throw new AppError('AUTH.FORBIDDEN', `不能${what}您所管理的最上级组织`);
}

async function assertUniqueName(ctx: FunctionContext, parentId: string, name: string, exceptId: string | null): Promise<OrgDoc[]> {
  const siblings = await orgsRepo.findChildren(ctx.db, parentId);
  const key = normalizeOrgName(name);
  if (siblings.some((s) => s._id !== exceptId && s.retiredAt === undefined && normalizeOrgName(s.name) === key)) {
    throw new AppError('INPUT.INVALID', `同一上级组织下已有「${name}」`);
  }
  return siblings;
}

function nodeOf(org: OrgDoc, memberCount = 0): OrgNode {
  return toOrgNode(org, new Map([[org._id, memberCount]]));
}

/** 新建组织: a 党委, 党总支 or 党支部 under a node of the admin's subtree; a branch gets its invite code. */
export const createNode: FunctionHandler<typeof orgContract, 'createNode'> = async (input, ctx) => {
  const me = requireAdmin(ctx.caller);
  const parent = await requireOrgForAdmin(ctx.db, me, input.parentId);
  if (parent.retiredAt) throw new AppError('INPUT.INVALID', '上级组织已撤销');
  if (!canContain(parent.type, input.type)) {
    throw new AppError('INPUT.INVALID', `${TYPE_NAMES[parent.type]}下不能设立${TYPE_NAMES[input.type]}`);
  }
  const siblings = await assertUniqueName(ctx, parent._id, input.name, null);
  const org: OrgDoc = {
    _id: `org-${generateInviteCode(ctx.random, 10).toLowerCase()}`,
    name: input.name,
    type: input.type,
    parentId: parent._id,
    ancestors: orgPathOf({ id: parent._id, ancestors: parent.ancestors }),
    order: input.order ?? siblings.reduce((max, s) => Math.max(max, s.order + 1), 0),
    ...(input.type === 'branch' ? { inviteCode: generateInviteCode(ctx.random) } : {}),
    createdAt: ctx.now,
  };
  await ctx.db.runTransaction(async (tx) => {
    await orgsRepo.putOrg(tx, org);
    await auditLogRepo.appendAudit(tx, audit(ctx, me, 'org.create', org, { name: org.name, type: org.type, parentId: parent._id }));
  });
  return { node: nodeOf(org) };
};

/** 重命名 */
export const renameNode: FunctionHandler<typeof orgContract, 'renameNode'> = async (input, ctx) => {
  const me = requireAdmin(ctx.caller);
  const org = await requireOrgForAdmin(ctx.db, me, input.id);
  if (org.parentId) await assertUniqueName(ctx, org.parentId, input.name, org._id);
  await ctx.db.runTransaction(async (tx) => {
    await orgsRepo.updateOrg(tx, org._id, { name: input.name });
    await auditLogRepo.appendAudit(tx, audit(ctx, me, 'org.rename', org, { from: org.name, to: input.name }));
  });
  return { node: nodeOf({ ...org, name: input.name }, await membersRepo.countMembersInOrg(ctx.db, org._id)) };
};

const MOVE_REASONS = {
  'into-itself': '不能移动到它自己或它的下级组织之下',
  kind: '组织层级不符，不能移动到该组织之下',
} as const;

/**
 * 调整隶属关系: the node and its subtree move under another parent. The org documents (node + descendants)
 * change in one transaction; the members' org paths follow, one request per branch. If that second step is
 * interrupted, calling the same move again finishes it (a node already under the target re-syncs its members).
 */
export const moveNode: FunctionHandler<typeof orgContract, 'moveNode'> = async (input, ctx) => {
  const me = requireAdmin(ctx.caller);
  const { db } = ctx;
  const [org, parent] = await Promise.all([requireOrgForAdmin(db, me, input.id), requireOrgForAdmin(db, me, input.parentId)]);
  assertNotOwnRoot(me, org, '移动');
  if (parent.retiredAt) throw new AppError('INPUT.INVALID', '目标组织已撤销');
  const check = checkMove(
    { id: org._id, type: org.type, parentId: org.parentId, ancestors: org.ancestors },
    { id: parent._id, type: parent.type, ancestors: parent.ancestors },
  );
  if (!check.ok && check.reason !== 'same-parent') throw new AppError('INPUT.INVALID', MOVE_REASONS[check.reason]);
  const alreadyMoved = !check.ok;
  if (!alreadyMoved) await assertUniqueName(ctx, parent._id, org.name, org._id);

  const parentPath = orgPathOf({ id: parent._id, ancestors: parent.ancestors });
  const descendants = org.type === 'branch' ? [] : await orgsRepo.findDescendants(db, org._id);
  const moved: OrgDoc = { ...org, parentId: parent._id, ancestors: parentPath, order: input.order ?? org.order };
  const rebased = descendants.map((d) => ({ ...d, ancestors: rebaseAncestors(d.ancestors, org._id, parentPath) }));
  if (!alreadyMoved) {
    await db.runTransaction(async (tx) => {
      await orgsRepo.updateOrg(tx, org._id, { parentId: moved.parentId, ancestors: moved.ancestors, order: moved.order });
      for (const d of rebased) await orgsRepo.updateOrg(tx, d._id, { ancestors: d.ancestors });
      await auditLogRepo.appendAudit(
        tx,
        audit(ctx, me, 'org.move', org, { fromParentId: org.parentId, toParentId: parent._id, nodes: rebased.length + 1 }),
      );
    });
  }
  const branches = [moved, ...rebased].filter((o) => o.type === 'branch');
  const counts = await Promise.all(
    branches.map((b) => membersRepo.setOrgPathOfBranch(db, b._id, orgPathOf({ id: b._id, ancestors: b.ancestors }))),
  );
  return {
    node: nodeOf(moved, await membersRepo.countMembersInOrg(db, org._id)),
    movedNodes: rebased.length + 1,
    movedMembers: counts.reduce((a, b) => a + b, 0),
  };
};

/**
 * 撤销: the node stays (its history still counts where it happened) but takes no new members and no longer
 * shows in the tree; its invite code stops working. Only an empty node can be retired.
 */
export const retireNode: FunctionHandler<typeof orgContract, 'retireNode'> = async (input, ctx) => {
  const me = requireAdmin(ctx.caller);
  const { db } = ctx;
  const org = await requireOrgForAdmin(db, me, input.id);
  assertNotOwnRoot(me, org, '撤销');
  if (org.retiredAt) return { node: nodeOf(org) };
  const [members, children] = await Promise.all([membersRepo.countMembersInOrg(db, org._id), orgsRepo.findChildren(db, org._id)]);
  if (members > 0) throw new AppError('ORG.NOT_EMPTY', `该组织下还有${members}名党员，请先转出`);
  if (children.some((c) => c.retiredAt === undefined)) throw new AppError('ORG.NOT_EMPTY', '该组织下还有未撤销的下级组织');
  await db.runTransaction(async (tx) => {
    await orgsRepo.updateOrg(tx, org._id, { retiredAt: ctx.now, inviteCode: db.command.remove() });
    await auditLogRepo.appendAudit(tx, audit(ctx, me, 'org.retire', org, { name: org.name }));
  });
  const { inviteCode: _dropped, ...rest } = org;
  return { node: nodeOf({ ...rest, retiredAt: ctx.now }) };
};
