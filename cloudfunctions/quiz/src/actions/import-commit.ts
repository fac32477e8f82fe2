import type { quizContract } from '@zbxx/contracts';
import { AppError, quizQuestionsRepo, type FunctionHandler, type QuizQuestionDoc } from '@zbxx/server';
import { requireAdmin } from '../admin-access';

/**
 * 确认导入: writes exactly the staged preview, all or nothing. Question ids derive from the import and the
 * row, and whatever an earlier failed commit left is removed first, so a retry converges; if a write fails,
 * everything this import wrote is removed again. A committed import answers its result again.
 */
export const importCommit: FunctionHandler<typeof quizContract, 'importCommit'> = async ({ importId }, { caller, db, now }) => {
  const me = requireAdmin(caller);
  const staged = await quizQuestionsRepo.getImport(db, importId);
  if (!staged || staged.createdBy !== me.member._id) throw new AppError('NOT_FOUND', '导入批次不存在或已过期，请重新上传');
  const result = { importId, added: staged.questions.length };
  if (staged.status === 'committed') return result;
  const docs: QuizQuestionDoc[] = staged.questions.map(({ row, ...question }) => ({
    _id: `q-${importId.slice('qimp-'.length)}-${row}`,
    ...question,
    bankOrgId: staged.bankOrgId,
    stemKey: quizQuestionsRepo.stemKeyOf(question.stem),
    active: true,
    importId,
    createdAt: now,
    updatedAt: now,
  }));
  await quizQuestionsRepo.removeImported(db, importId);
  try {
    await quizQuestionsRepo.insertQuestions(db, docs);
    await quizQuestionsRepo.markImportCommitted(db, importId, now);
  } catch (error) {
    await quizQuestionsRepo.removeImported(db, importId);
    throw error;
  }
  return result;
};
