import type { studyContract } from '@zbxx/contracts';
import { AppError, requireBound, studyMaterialsRepo, studyPlansRepo, studyProgressRepo, type FunctionHandler } from '@zbxx/server';
import { progressOf } from '../progress-view';
import { temporaryUrls } from '../storage';

/**
 * The reader opens a material: only when a published plan reaching the member includes it (otherwise
 * NOT_FOUND, which does not reveal that it exists). Opening starts the server's clock for this reading.
 * 5 database requests: caller, plan check, material, progress read, progress write.
 */
export const openMaterial: FunctionHandler<typeof studyContract, 'openMaterial'> = async ({ materialId }, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const [plan, material] = await Promise.all([
    studyPlansRepo.findPublishedPlanWithMaterial(db, member.orgPath, materialId),
    studyMaterialsRepo.getMaterial(db, materialId),
  ]);
  if (!plan || !material) throw new AppError('NOT_FOUND', '没有找到这份学习材料');

  const id = studyProgressRepo.progressId(member._id, materialId);
  let progress = await studyProgressRepo.getProgress(db, id);
  if (progress) {
    await studyProgressRepo.touchProgress(db, id, now, material);
  } else {
    progress = {
      _id: id,
      memberId: member._id,
      materialId,
      branchId: member.branchId,
      textLength: material.textLength,
      imageCount: material.imageCount,
      creditedSeconds: 0,
      furthest: 0,
      position: 0,
      lastSeenAt: now,
      completedAt: null,
      batchIds: [],
      updatedAt: now,
    };
    await studyProgressRepo.putProgress(db, progress);
  }
  return {
    material: {
      materialId,
      title: material.title,
      source: material.source,
      estimatedMinutes: material.estimatedMinutes,
      blocks: material.blocks,
      imageUrls: await temporaryUrls(material.imageFileIds),
      version: material.version,
    },
    progress: progressOf(progress),
  };
};
