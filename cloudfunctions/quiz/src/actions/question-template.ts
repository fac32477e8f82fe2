import type { quizContract } from '@zbxx/contracts';
import { temporaryUrl, uploadFile, type FunctionHandler } from '@zbxx/server';
import { writeQuestionTemplate } from '@zbxx/server/src/xlsx/question-workbook';
import { requireAdmin } from '../admin-access';

const FILE_NAME = '党内法规题库模板.xlsx';

/** 下载模板: the .xlsx to fill in, with one example per question type; a temporary link to it. */
export const questionTemplate: FunctionHandler<typeof quizContract, 'questionTemplate'> = async (_input, { caller }) => {
  requireAdmin(caller);
  const fileID = await uploadFile('quiz/templates/question-template.xlsx', await writeQuestionTemplate());
  return { fileID, url: await temporaryUrl(fileID), fileName: FILE_NAME };
};
