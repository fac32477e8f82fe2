import type { orgContract } from '@zbxx/contracts';
import { createImportSlot, temporaryUrl, uploadFile, type FunctionHandler } from '@zbxx/server';
import { writeRosterTemplate } from '@zbxx/server/src/xlsx/roster-workbook';
import { requireAdmin } from '../access';
import { branchPathNames, loadAdminOrgs } from '../admin-tree';

const FILE_NAME = '党员花名册模板.xlsx';

/** 下载模板: the .xlsx to fill in, listing the branches this admin may import into; a temporary link to it. */
export const rosterTemplate: FunctionHandler<typeof orgContract, 'rosterTemplate'> = async (_input, { caller, db }) => {
  const me = requireAdmin(caller);
  const orgs = (await loadAdminOrgs(db, me)).filter((org) => org.retiredAt === undefined);
  const paths = [...branchPathNames(orgs, me.scope.adminOf).values()].sort((a, b) => a.localeCompare(b, 'zh'));
  const fileID = await uploadFile(`roster/templates/${me.member._id}.xlsx`, await writeRosterTemplate(paths));
  return { fileID, url: await temporaryUrl(fileID), fileName: FILE_NAME };
};

/** 上传文件: a cloud-storage path for one roster or question-bank file, recorded as this admin's (the import reads only that). */
export const importUpload: FunctionHandler<typeof orgContract, 'importUpload'> = async (_input, { caller, db, openid, now, random }) => {
  requireAdmin(caller);
  return { cloudPath: await createImportSlot(db, openid, now, random) };
};
