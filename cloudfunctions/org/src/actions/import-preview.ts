import { IMPORT_PREVIEW_LIMIT, type ImportPreview, type orgContract, type RosterFile } from '@zbxx/contracts';
import {
  columnHeader,
  createBranchResolver,
  generateInviteCode,
  isBranchSecretaryDuty,
  orgPathOf,
  parsePhone,
  phoneLast4,
  planRosterImport,
  type ExistingMember,
  type RosterImportPlan,
} from '@zbxx/domain';
import {
  membersRepo,
  readImportFile,
  refusedTextErrors,
  rosterImportsRepo,
  type BoundCaller,
  type FunctionContext,
  type FunctionHandler,
  type MemberDoc,
  type OrgDoc,
} from '@zbxx/server';
import { readRosterSheet } from '@zbxx/server/src/xlsx/roster-workbook';
import { adminCoversPath, requireAdmin } from '../access';
import { branchPathNames, loadAdminOrgs } from '../admin-tree';

const { ROSTER_CHUNK_ROWS } = rosterImportsRepo;

const FIELD_NAMES: Record<string, string> = { gender: '性别', branchId: '所在支部', duty: '职务', joinedPartyOn: '入党日期', note: '备注' };
const GENDER_NAMES: Record<string, string> = { male: '男', female: '女' };

/**
 * 导入预览: reads the sheet, checks every row against the admin's part of the tree and the existing roster,
 * and answers what a commit would do. An error-free plan is staged under `importId` for `importCommit`;
 * nothing touches the roster here.
 */
export const importPreview: FunctionHandler<typeof orgContract, 'importPreview'> = async ({ file }, ctx) => {
  const me = requireAdmin(ctx.caller);
  const { db } = ctx;
  const [rows, orgs] = await Promise.all([readImportFile(db, ctx.openid, file).then(readRosterSheet), loadAdminOrgs(db, me)]);
  const resolveBranch = createBranchResolver(
    orgs.map((org) => ({ id: org._id, name: org.name, type: org.type, ancestors: org.ancestors, retired: org.retiredAt !== undefined })),
  );
  const phones = rows.map((row) => parsePhone(row.cells.phone ?? null)).filter((phone): phone is string => phone !== null);
  const existing = await membersRepo.findMembersByPhones(db, phones);
  const existingByPhone = new Map<string, ExistingMember>(
    existing.map((m) => [
      m.phone,
      {
        id: m._id,
        nameKey: m.nameKey,
        phone: m.phone,
        branchId: m.branchId,
        gender: m.gender,
        duty: m.duty,
        joinedPartyOn: m.joinedPartyOn,
        note: m.note,
        inScope: adminCoversPath(me, m.orgPath),
      },
    ]),
  );
  const plan = planRosterImport({ rows, resolveBranch, existingByPhone });
  plan.errors.push(...refusedTextErrors(rows, columnHeader, new Set(['note'])));

  const importId = `imp-${generateInviteCode(ctx.random, 12).toLowerCase()}`;
  const canCommit = plan.errors.length === 0 && plan.toAdd.length + plan.toUpdate.length > 0;
  const orgById = new Map(orgs.map((org) => [org._id, org]));
  if (canCommit) await stage(ctx, me, importId, fileNameOf(file), plan, orgById);
  return previewOf(importId, plan, canCommit, branchPathNames(orgs, me.scope.adminOf));
};

function fileNameOf(file: RosterFile): string {
  return 'fileName' in file ? file.fileName : (file.fileID.split('/').at(-1) ?? file.fileID);
}

async function stage(
  ctx: FunctionContext,
  me: BoundCaller,
  importId: string,
  fileName: string,
  plan: RosterImportPlan,
  orgById: Map<string, OrgDoc>,
) {
  const pathOf = (branchId: string) => {
    const branch = orgById.get(branchId)!;
    return orgPathOf({ id: branch._id, ancestors: branch.ancestors });
  };
  const memberIdPrefix = `m-${importId.slice('imp-'.length)}`;
  const chunkCount = Math.max(Math.ceil(plan.toAdd.length / ROSTER_CHUNK_ROWS), Math.ceil(plan.toUpdate.length / ROSTER_CHUNK_ROWS));
  const chunks = Array.from({ length: chunkCount }, (_, seq) => ({
    importId,
    seq,
    adds: plan.toAdd.slice(seq * ROSTER_CHUNK_ROWS, (seq + 1) * ROSTER_CHUNK_ROWS).map(({ row, record }): MemberDoc => ({
      _id: `${memberIdPrefix}-${row}`,
      ...record,
      phoneLast4: phoneLast4(record.phone),
      orgPath: pathOf(record.branchId),
      roles: isBranchSecretaryDuty(record.duty) ? [{ role: 'secretary', orgId: record.branchId }] : [],
      importId,
      importChunk: seq,
      createdAt: ctx.now,
    })),
    updates: plan.toUpdate
      .slice(seq * ROSTER_CHUNK_ROWS, (seq + 1) * ROSTER_CHUNK_ROWS)
      .map((update) => (update.changes.branchId ? { ...update, orgPath: pathOf(update.changes.branchId) } : update)),
  }));
  await rosterImportsRepo.stageImport(
    ctx.db,
    {
      _id: importId,
      status: 'previewed',
      createdBy: { openid: ctx.openid, memberId: me.member._id },
      fileName,
      addCount: plan.toAdd.length,
      updateCount: plan.toUpdate.length,
      chunkCount,
      createdAt: ctx.now,
    },
    chunks,
  );
}

function previewOf(importId: string, plan: RosterImportPlan, canCommit: boolean, branchPaths: Map<string, string>): ImportPreview {
  const show = (field: string, value: string | undefined) =>
    field === 'branchId'
      ? (branchPaths.get(value ?? '') ?? value ?? '')
      : field === 'gender'
        ? (GENDER_NAMES[value ?? ''] ?? '')
        : (value ?? '');
  return {
    importId,
    totalRows: plan.totalRows,
    addCount: plan.toAdd.length,
    updateCount: plan.toUpdate.length,
    unchangedCount: plan.unchanged.length,
    errorCount: plan.errors.length,
    toAdd: plan.toAdd.slice(0, IMPORT_PREVIEW_LIMIT).map(({ row, record }) => ({
      row,
      name: record.name,
      phone: record.phone,
      branchName: branchPaths.get(record.branchId) ?? '',
      duty: record.duty,
    })),
    toUpdate: plan.toUpdate.slice(0, IMPORT_PREVIEW_LIMIT).map((update) => ({
      row: update.row,
      memberId: update.memberId,
      name: update.name,
      changes: Object.entries(update.changes).map(([field, to]) => ({
        field: FIELD_NAMES[field] ?? field,
        from: show(field, (update.before as Record<string, string>)[field]),
        to: show(field, to),
      })),
    })),
    errors: plan.errors.slice(0, IMPORT_PREVIEW_LIMIT * 2),
    warnings: plan.warnings.slice(0, IMPORT_PREVIEW_LIMIT),
    canCommit,
  };
}
