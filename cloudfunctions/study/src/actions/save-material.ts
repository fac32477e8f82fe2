import type { studyContract } from '@zbxx/contracts';
import { orgPathOf, readingLength } from '@zbxx/domain';
import { AppError, createdDocId, studyMaterialsRepo, type FunctionHandler, type StudyMaterialDoc } from '@zbxx/server';
// marked comes with it: kept out of @zbxx/server's index so functions that never parse Markdown do not load it.
import { imageFileIds, markdownToBlocks } from '@zbxx/server/src/markdown-blocks';
import { adminMaterialOf } from '../admin-views';
import { auditStudyChange } from '../audit';
import { adminCoversPath, loadAdministeredOrg, requireAdmin } from '../scope';

/**
 * 组织部 saves a material (new or edited): the Markdown is parsed here, once, into what readers get. A new
 * material's id comes from the request's id, so a retried create answers the material it made.
 */
export const saveMaterial: FunctionHandler<typeof studyContract, 'saveMaterial'> = async (
  input,
  { caller, db, now, random, requestId },
) => {
  const admin = requireAdmin(caller);
  const org = await loadAdministeredOrg(db, admin, input.orgId);
  const blocks = markdownToBlocks(input.body);
  if (blocks.length === 0) throw new AppError('INPUT.INVALID', '「正文」不能为空');
  const length = readingLength(input.body);

  const material = await db.runTransaction(async (tx) => {
    const existing = input.materialId ? await studyMaterialsRepo.getMaterial(tx, input.materialId) : null;
    if (input.materialId && (!existing || !adminCoversPath(admin, existing.orgPath)))
      throw new AppError('NOT_FOUND', '没有找到这份学习材料');
    const id = existing?._id ?? createdDocId('mat', admin.member._id, requestId, random);
    // 重试 of a create whose reply was lost (same requestId): the material exists already, answer it again.
    const created = !existing && requestId ? await studyMaterialsRepo.getMaterial(tx, id) : null;
    if (created) {
      // Only while the author still covers it, as the edit path: it may have been moved or their scope narrowed since.
      if (!adminCoversPath(admin, created.orgPath)) throw new AppError('NOT_FOUND', '没有找到这份学习材料');
      return created;
    }
    const next: StudyMaterialDoc = {
      _id: id,
      title: input.title,
      body: input.body,
      blocks,
      source: input.source,
      estimatedMinutes: input.estimatedMinutes,
      textLength: length.textLength,
      imageCount: length.imageCount,
      imageFileIds: imageFileIds(blocks),
      orgId: org._id,
      orgName: org.name,
      orgType: org.type,
      orgPath: orgPathOf({ id: org._id, ancestors: org.ancestors }),
      version: (existing?.version ?? 0) + 1,
      createdBy: existing?.createdBy ?? admin.member._id,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await studyMaterialsRepo.putMaterial(tx, next);
    await auditStudyChange(tx, {
      admin,
      action: existing ? 'studyMaterial.update' : 'studyMaterial.create',
      collection: 'studyMaterials',
      id: next._id,
      details: { title: next.title, version: next.version },
      at: now,
      requestId,
    });
    return next;
  });
  return { material: adminMaterialOf(material) };
};
