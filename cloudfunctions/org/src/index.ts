import { orgContract } from '@zbxx/contracts';
import { createFunction } from '@zbxx/server';
import { approveBinding, declineBinding, inviteCode, pendingBindings, resetInviteCode } from './actions/branch-secretary';
import { importCommit } from './actions/import-commit';
import { importPreview } from './actions/import-preview';
import { createNode, moveNode, renameNode, retireNode } from './actions/node-admin';
import { assignRole, revokeRole } from './actions/roles';
import { branchMembers, rosterList } from './actions/roster-list';
import { importUpload, rosterTemplate } from './actions/roster-template';
import { transferMember } from './actions/transfer-member';
import { tree } from './actions/tree';

/** 组织与党员: the org tree, the roster and its Excel import, roles, transfers, invite codes and join approvals. */
export const main = createFunction(orgContract, {
  tree,
  createNode,
  renameNode,
  moveNode,
  retireNode,
  rosterList,
  rosterTemplate,
  importUpload,
  importPreview,
  importCommit,
  assignRole,
  revokeRole,
  transferMember,
  inviteCode,
  resetInviteCode,
  pendingBindings,
  approveBinding,
  declineBinding,
  branchMembers,
});
