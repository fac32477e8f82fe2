import { orgContract, type RosterFile, type RosterFilter } from '@zbxx/contracts';
import { callAction } from './transport';

/** 组织与党员, typed by the contract. Reads retry by themselves; writes carry a requestId. */
export const orgService = {
  tree: (includeRetired = false) => callAction(orgContract, 'tree', { includeRetired }),
  createNode: (parentId: string, name: string, type: 'committee' | 'general' | 'branch') =>
    callAction(orgContract, 'createNode', { parentId, name, type }, { write: true }),
  renameNode: (id: string, name: string) => callAction(orgContract, 'renameNode', { id, name }, { write: true }),
  moveNode: (id: string, parentId: string) => callAction(orgContract, 'moveNode', { id, parentId }, { write: true }),
  retireNode: (id: string) => callAction(orgContract, 'retireNode', { id }, { write: true }),

  rosterList: (filter: RosterFilter) => callAction(orgContract, 'rosterList', filter),
  rosterTemplate: () => callAction(orgContract, 'rosterTemplate', {}),
  importUpload: () => callAction(orgContract, 'importUpload', {}, { write: true }),
  importPreview: (file: RosterFile) => callAction(orgContract, 'importPreview', { file }, { write: true }),
  importCommit: (importId: string) => callAction(orgContract, 'importCommit', { importId }, { write: true }),

  assignRole: (memberId: string, role: 'secretary' | 'admin', orgId: string) =>
    callAction(orgContract, 'assignRole', { memberId, role, orgId }, { write: true }),
  revokeRole: (memberId: string, role: 'secretary' | 'admin', orgId: string) =>
    callAction(orgContract, 'revokeRole', { memberId, role, orgId }, { write: true }),
  transferMember: (memberId: string, toBranchId: string) =>
    callAction(orgContract, 'transferMember', { memberId, toBranchId }, { write: true }),

  inviteCode: (branchId: string) => callAction(orgContract, 'inviteCode', { branchId }),
  resetInviteCode: (branchId: string) => callAction(orgContract, 'resetInviteCode', { branchId }, { write: true }),
  pendingBindings: (branchId: string) => callAction(orgContract, 'pendingBindings', { branchId }),
  approveBinding: (openid: string, memberId: string) => callAction(orgContract, 'approveBinding', { openid, memberId }, { write: true }),
  declineBinding: (openid: string) => callAction(orgContract, 'declineBinding', { openid }, { write: true }),
  branchMembers: (branchId: string, query?: string, page = 1) =>
    callAction(orgContract, 'branchMembers', { branchId, ...(query ? { query } : {}), page, pageSize: 50 }),
};
