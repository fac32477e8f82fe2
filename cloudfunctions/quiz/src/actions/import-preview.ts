import type { QuestionImportPreview, quizContract } from '@zbxx/contracts';
import {
  planQuestionImport,
  QUESTION_COLUMNS,
  questionStemKey,
  QUESTION_TYPE_LABELS,
  toDisplayLabels,
  type QuestionImportPlan,
} from '@zbxx/domain';
import { newId, quizQuestionsRepo, readImportFile, refusedTextErrors, type FunctionHandler } from '@zbxx/server';
import { readQuestionSheet } from '@zbxx/server/src/xlsx/question-workbook';
import { bankOrgIdOf, requireAdmin } from '../admin-access';

const PREVIEW_LIMIT = 200;

const questionColumnHeader = (key: string) => QUESTION_COLUMNS.find((column) => column.key === key)?.header ?? key;

/**
 * 导入预览: reads the sheet (our template or the common survey/exam layout), checks every row and the bank for
 * duplicates, and stages an error-free plan under `importId`. Nothing enters the bank here.
 */
export const importPreview: FunctionHandler<typeof quizContract, 'importPreview'> = async (
  { file },
  { caller, db, now, openid, random },
) => {
  const me = requireAdmin(caller);
  const bankOrgId = bankOrgIdOf(me);
  const rows = await readQuestionSheet(await readImportFile(db, openid, file));
  const stemKeys = rows.map((row) => questionStemKey(row.cells.stem ?? '')).filter((key) => key !== '');
  const plan = planQuestionImport(rows, await quizQuestionsRepo.findExistingStemKeys(db, bankOrgId, stemKeys));
  plan.errors.push(...refusedTextErrors(rows, questionColumnHeader, new Set(['stem', 'explanation'])));
  const importId = newId('qimp', random);
  const canCommit = plan.errors.length === 0 && plan.toAdd.length > 0;
  if (canCommit) {
    await quizQuestionsRepo.stageImport(db, {
      _id: importId,
      status: 'previewed',
      bankOrgId,
      createdBy: me.member._id,
      fileName: 'fileName' in file ? file.fileName : (file.fileID.split('/').at(-1) ?? file.fileID),
      questions: plan.toAdd,
      createdAt: now,
    });
  }
  return previewOf(importId, plan, canCommit);
};

function previewOf(importId: string, plan: QuestionImportPlan, canCommit: boolean): QuestionImportPreview {
  return {
    importId,
    totalRows: plan.totalRows,
    addCount: plan.toAdd.length,
    duplicateCount: plan.alreadyInBank.length,
    errorCount: plan.errors.length,
    toAdd: plan.toAdd.slice(0, PREVIEW_LIMIT).map((q) => ({
      row: q.row,
      type: q.type,
      stem: q.stem,
      category: q.category,
      answer:
        q.type === 'trueFalse'
          ? q.key[0] === 'T'
            ? '对'
            : '错'
          : toDisplayLabels({ questionId: '', order: q.options.map((o) => o.id) }, q.key).join(''),
      citation: `${q.citation.regulation}${q.citation.article}` || QUESTION_TYPE_LABELS[q.type],
    })),
    duplicates: plan.alreadyInBank.slice(0, PREVIEW_LIMIT),
    errors: plan.errors.slice(0, PREVIEW_LIMIT * 2),
    canCommit,
  };
}
