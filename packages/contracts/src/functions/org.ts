import * as z from 'zod';
import { defineFunction } from '../define';
import { idSchema, orgRefSchema, orgTypeSchema, plainText } from '../common';

/** A node name as an admin types it (党委, 党总支, 党支部 names run long). */
export const orgNameSchema = plainText(40, { min: 1 }).regex(/^[^<>/／\\]+$/);

export const orgNodeSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: orgTypeSchema,
  parentId: idSchema.nullable(),
  /** Ancestor ids from the top down, excluding the node. */
  ancestors: z.array(idSchema),
  order: z.number().int(),
  /** A retired node keeps its history but takes no new members. */
  retired: z.boolean(),
  /** Branches: members currently in it; other nodes: members anywhere below. */
  memberCount: z.number().int().nonnegative(),
});
export type OrgNode = z.infer<typeof orgNodeSchema>;

export const grantedRoleSchema = z.enum(['secretary', 'admin']);
export type GrantedRoleName = z.infer<typeof grantedRoleSchema>;

export const roleGrantViewSchema = z.object({ role: grantedRoleSchema, org: orgRefSchema });

export const rosterEntrySchema = z.object({
  memberId: idSchema,
  name: z.string(),
  gender: z.enum(['male', 'female']),
  /** Always masked (138****1234). */
  phoneMasked: z.string(),
  /** The full number: only in answers to admins. */
  phone: z.string().optional(),
  branch: orgRefSchema,
  duty: z.string(),
  joinedPartyOn: z.string(),
  note: z.string(),
  roles: z.array(roleGrantViewSchema),
  /** Whether a WeChat user has claimed this entry. */
  bound: z.boolean(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

const pageInput = {
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
};

export const rosterPageSchema = z.object({
  items: z.array(rosterEntrySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RosterPage = z.infer<typeof rosterPageSchema>;

export const rosterFilterSchema = z
  .object({
    /** Subtree or branch to list; the caller's whole scope when absent. */
    orgId: idSchema.optional(),
    /** Part of a name, or phone digits: any run of 4+ for admins of the subtree, else the last four or the full number. */
    query: plainText(20).optional(),
    duty: plainText(20, { min: 1 }).optional(),
    bound: z.boolean().optional(),
    role: grantedRoleSchema.optional(),
    ...pageInput,
  })
  .strict();
export type RosterFilter = z.input<typeof rosterFilterSchema>;

/** The largest roster file accepted from cloud storage (a county's 20,000 rows take about 1 MB). */
export const ROSTER_FILE_MAX_BYTES = 4 * 1024 * 1024;
/** In h5 the file travels base64-encoded inside the event, which the gateway caps at 1 MB (~13,000 rows). */
export const ROSTER_INLINE_MAX_BYTES = 640 * 1024;
const BASE64_MAX_CHARS = Math.ceil(ROSTER_INLINE_MAX_BYTES / 3) * 4;

export const rosterFileSchema = z.union([
  z.object({ fileID: z.string().min(1).max(512).startsWith('cloud://') }).strict(),
  z
    .object({
      fileName: plainText(100, { min: 1 }),
      base64: z
        .string()
        .min(4)
        .max(BASE64_MAX_CHARS)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/),
    })
    .strict(),
]);
export type RosterFile = z.infer<typeof rosterFileSchema>;

export const importRowErrorSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importPreviewSchema = z.object({
  importId: idSchema,
  totalRows: z.number().int(),
  addCount: z.number().int(),
  updateCount: z.number().int(),
  unchangedCount: z.number().int(),
  errorCount: z.number().int(),
  /** The first rows of each kind (a preview, not the whole sheet). */
  toAdd: z.array(z.object({ row: z.number().int(), name: z.string(), phone: z.string(), branchName: z.string(), duty: z.string() })),
  toUpdate: z.array(
    z.object({
      row: z.number().int(),
      memberId: idSchema,
      name: z.string(),
      changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
  errors: z.array(importRowErrorSchema),
  /** Rows worth a second look that do not block the import (namesakes in one branch). */
  warnings: z.array(importRowErrorSchema),
  /** True when there are no errors and something to write. */
  canCommit: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** How many rows of each kind a preview lists. */
export const IMPORT_PREVIEW_LIMIT = 200;

export const pendingBindingSchema = z.object({
  openid: z.string(),
  name: z.string(),
  createdAt: z.string(),
  candidate: z.object({ memberId: idSchema, name: z.string(), phoneMasked: z.string() }).nullable(),
});
export type PendingBinding = z.infer<typeof pendingBindingSchema>;

const inviteCodeResult = z.object({ branch: orgRefSchema, inviteCode: z.string() });
const branchInput = z.object({ branchId: idSchema }).strict();
const roleInput = z.object({ memberId: idSchema, role: grantedRoleSchema, orgId: idSchema }).strict();
const rolesResult = z.object({ memberId: idSchema, roles: z.array(roleGrantViewSchema) });

export const orgContract = defineFunction('org', {
  /** The caller's administered subtrees (admin) or branches (secretary). */
  tree: {
    input: z
      .object({ includeRetired: z.boolean().default(false) })
      .strict()
      .default({ includeRetired: false }),
    output: z.object({ roots: z.array(idSchema), nodes: z.array(orgNodeSchema) }),
  },
  createNode: {
    input: z
      .object({
        parentId: idSchema,
        name: orgNameSchema,
        type: z.enum(['committee', 'general', 'branch']),
        order: z.number().int().min(0).max(9999).optional(),
      })
      .strict(),
    output: z.object({ node: orgNodeSchema }),
  },
  renameNode: { input: z.object({ id: idSchema, name: orgNameSchema }).strict(), output: z.object({ node: orgNodeSchema }) },
  moveNode: {
    input: z.object({ id: idSchema, parentId: idSchema, order: z.number().int().min(0).max(9999).optional() }).strict(),
    output: z.object({ node: orgNodeSchema, movedNodes: z.number().int(), movedMembers: z.number().int() }),
  },
  retireNode: { input: z.object({ id: idSchema }).strict(), output: z.object({ node: orgNodeSchema }) },

  rosterList: { input: rosterFilterSchema, output: rosterPageSchema },
  rosterTemplate: {
    input: z.object({}).strict().optional(),
    output: z.object({ fileID: z.string(), url: z.string(), fileName: z.string() }),
  },
  /** Where to upload a file for import (mini-program): a slot recorded as the caller's; imports read no other fileID. */
  importUpload: { input: z.object({}).strict().optional(), output: z.object({ cloudPath: z.string() }) },
  importPreview: { input: z.object({ file: rosterFileSchema }).strict(), output: importPreviewSchema },
  importCommit: {
    input: z.object({ importId: idSchema }).strict(),
    output: z.object({ importId: idSchema, added: z.number().int(), updated: z.number().int() }),
  },

  assignRole: { input: roleInput, output: rolesResult },
  revokeRole: { input: roleInput, output: rolesResult },
  /** 组织关系转接 */
  transferMember: {
    input: z.object({ memberId: idSchema, toBranchId: idSchema }).strict(),
    output: z.object({ memberId: idSchema, from: orgRefSchema, to: orgRefSchema, at: z.string() }),
  },

  inviteCode: { input: branchInput, output: inviteCodeResult },
  resetInviteCode: { input: branchInput, output: inviteCodeResult },
  pendingBindings: {
    input: branchInput,
    output: z.object({
      items: z.array(pendingBindingSchema),
      /** Unclaimed roster entries of the branch, for matching a request by hand. */
      unclaimed: z.array(z.object({ memberId: idSchema, name: z.string(), phoneMasked: z.string() })),
    }),
  },
  approveBinding: {
    input: z.object({ openid: z.string().min(1).max(128), memberId: idSchema }).strict(),
    output: z.object({ memberId: idSchema, name: z.string() }),
  },
  declineBinding: { input: z.object({ openid: z.string().min(1).max(128) }).strict(), output: z.object({ openid: z.string() }) },
  branchMembers: {
    input: z.object({ branchId: idSchema, query: plainText(20).optional(), bound: z.boolean().optional(), ...pageInput }).strict(),
    output: rosterPageSchema,
  },
});

export type OrgContract = typeof orgContract;
