import type { studyContract } from '@zbxx/contracts';
import { studyMaterialsRepo, type FunctionHandler } from '@zbxx/server';
import { adminMaterialOf } from '../admin-views';
import { requireAdmin } from '../scope';

/** 组织部: materials owned in the admin's subtrees, most recently edited first. */
export const listMaterials: FunctionHandler<typeof studyContract, 'listMaterials'> = async (_input, { caller, db }) => {
  const admin = requireAdmin(caller);
  const materials = await studyMaterialsRepo.listMaterialsInSubtrees(db, admin.scope.adminOf);
  return { materials: materials.map(adminMaterialOf) };
};
