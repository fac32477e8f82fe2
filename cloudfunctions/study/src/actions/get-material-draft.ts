import type { studyContract } from '@zbxx/contracts';
import { AppError, studyMaterialsRepo, type FunctionHandler } from '@zbxx/server';
import { adminMaterialOf } from '../admin-views';
import { adminCoversPath, requireAdmin } from '../scope';

/** 组织部: a material's Markdown, to edit it. */
export const getMaterialDraft: FunctionHandler<typeof studyContract, 'getMaterialDraft'> = async ({ materialId }, { caller, db }) => {
  const admin = requireAdmin(caller);
  const material = await studyMaterialsRepo.getMaterial(db, materialId);
  if (!material || !adminCoversPath(admin, material.orgPath)) throw new AppError('NOT_FOUND', '没有找到这份学习材料');
  return { material: { ...adminMaterialOf(material), body: material.body } };
};
