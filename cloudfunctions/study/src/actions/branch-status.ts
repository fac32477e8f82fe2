import type { studyContract } from '@zbxx/contracts';
import { monthOf } from '@zbxx/domain';
import {
  membersRepo,
  resolveViewableBranch,
  studyMaterialsRepo,
  studyPlansRepo,
  studyProgressRepo,
  type FunctionHandler,
} from '@zbxx/server';
import { requiredIds } from '../member-month';
import { progressOf } from '../progress-view';

/**
 * 支部书记: who in the branch has read what of the month's required materials. The branch's secretary, or an
 * admin whose subtree holds it. 6 database requests whatever the branch's size.
 */
export const branchStatus: FunctionHandler<typeof studyContract, 'branchStatus'> = async (input, { caller, db, now }) => {
  const { branch, branchPath } = await resolveViewableBranch(db, caller, input?.branchId, '只能查看本支部的学习情况');

  const month = input?.month ?? monthOf(now);
  const plans = await studyPlansRepo.findPublishedPlansForPath(db, branchPath, month);
  const required = requiredIds(plans);
  const [roster, materials, progress] = await Promise.all([
    membersRepo.findMembersInBranch(db, branch._id),
    studyMaterialsRepo.findMaterialSummaries(db, required),
    studyProgressRepo.findProgressInBranch(db, branch._id, required),
  ]);
  const titles = new Map(materials.map((m) => [m._id, m.title]));
  const shown = required.filter((id) => titles.has(id));
  const progressOfMember = new Map<string, typeof progress>();
  for (const row of progress) progressOfMember.set(row.memberId, [...(progressOfMember.get(row.memberId) ?? []), row]);

  return {
    month,
    branch: { id: branch._id, name: branch.name, type: branch.type },
    materials: shown.map((materialId) => ({ materialId, title: titles.get(materialId) ?? '' })),
    members: roster.map((person) => {
      const rows = new Map((progressOfMember.get(person._id) ?? []).map((row) => [row.materialId, row]));
      const items = shown.map((materialId) => {
        const { status, percent } = progressOf(rows.get(materialId));
        return { materialId, status, percent };
      });
      return {
        memberId: person._id,
        name: person.name,
        completed: items.filter((i) => i.status === 'completed').length,
        required: shown.length,
        items,
      };
    }),
  };
};
