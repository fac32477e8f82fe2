import ExcelJS from 'exceljs';
import type { QuestionImportPreview, QuizBankOverview } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { errorCode, ok, useQuizCloud } from './quiz-cloud';

jest.setTimeout(30_000);

// The instant this suite runs at (the test clock is set to it).
const NOW = new Date('2026-12-08T10:00:00+08:00');
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 5, today: NOW });
const existingStem = county.collections.quizQuestions[0]!.stem;

const { cloud: testCloud, quiz } = useQuizCloud(() => county.collections as unknown as Record<string, object[]>, NOW);
const cloud = {
  get engine() {
    return testCloud().engine;
  },
  snapshot: (names: string[]) => testCloud().snapshot(names),
};

/** A sheet as survey/exam tools export it: a title row, then 题目, 题型, 选项A…选项F, 答案, 解析, 分类. */
async function commonLayoutSheet(rows: (string | undefined)[][]): Promise<{ fileName: string; base64: string }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['党内法规知识竞赛题库（导出）']);
  sheet.addRow(['题目', '题型', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '分类']);
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: '题库导出.xlsx', base64: buffer.toString('base64') };
}

const GOOD_ROWS = [
  [
    '导入测试：支部委员会会议一般每月召开几次？',
    '单选题',
    '1次',
    '2次',
    '3次',
    '4次',
    '',
    '',
    'A',
    '依据《中国共产党支部工作条例（试行）》第五章。',
    '导入测试',
  ],
  [
    '导入测试：主题党日可以安排的内容有（ ）',
    '多选题',
    '集中学习',
    '组织生活',
    '民主议事',
    '志愿服务',
    '外出旅游',
    '',
    'ABCD',
    '',
    '导入测试',
  ],
  [
    '导入测试：党员要求退党，应当经支部大会讨论后宣布除名。',
    '判断题',
    '正确',
    '错误',
    '',
    '',
    '',
    '',
    'A',
    '《中国共产党章程》第九条',
    '导入测试',
  ],
  [existingStem, '判断题', '', '', '', '', '', '', '对', '', '导入测试'],
];

describe('question bank import', () => {
  it('previews a sheet in the common layout, then commits it all; a retried commit adds nothing', async () => {
    const before = ok((await quiz<QuizBankOverview>('bankOverview', undefined, DEMO_OPENIDS.admin)).result);
    const preview = ok(
      (await quiz<QuestionImportPreview>('importPreview', { file: await commonLayoutSheet(GOOD_ROWS) }, DEMO_OPENIDS.admin)).result,
    );
    expect(preview).toMatchObject({ totalRows: 4, addCount: 3, duplicateCount: 1, errorCount: 0, canCommit: true });
    expect(preview.toAdd.map((q) => [q.row, q.type, q.answer])).toEqual([
      [3, 'single', 'A'],
      [4, 'multiple', 'ABCD'],
      [5, 'trueFalse', '对'],
    ]);
    expect(preview.duplicates).toEqual([{ row: 6, stem: existingStem }]);
    expect(cloud.engine.count('quizQuestions', { category: '导入测试' })).toBe(0);

    expect(ok((await quiz('importCommit', { importId: preview.importId }, DEMO_OPENIDS.admin)).result)).toEqual({
      importId: preview.importId,
      added: 3,
    });
    expect(ok((await quiz('importCommit', { importId: preview.importId }, DEMO_OPENIDS.admin)).result)).toEqual({
      importId: preview.importId,
      added: 3,
    });
    expect(cloud.engine.count('quizQuestions', { category: '导入测试' })).toBe(3);
    const after = ok((await quiz<QuizBankOverview>('bankOverview', undefined, DEMO_OPENIDS.admin)).result);
    expect(after.total).toBe(before.total + 3);
    expect(after.categories).toContainEqual({ category: '导入测试', count: 3 });
  });

  it('writes nothing for a broken sheet and names the wrong rows', async () => {
    const rows = [
      ['一道好题？', '单选', '甲', '乙', '', '', '', '', 'B', '', '坏表'],
      ['答案不在选项里', '单选', '甲', '乙', '', '', '', '', 'D', '', '坏表'],
      ['题型写错了', '问答', '', '', '', '', '', '', 'A', '', '坏表'],
    ];
    const snapshot = cloud.snapshot(['quizQuestions', 'quizImports']);
    const preview = ok(
      (await quiz<QuestionImportPreview>('importPreview', { file: await commonLayoutSheet(rows) }, DEMO_OPENIDS.admin)).result,
    );
    expect(preview).toMatchObject({ addCount: 1, errorCount: 2, canCommit: false });
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [4, '答案'],
      [5, '题型'],
    ]);
    expect(errorCode((await quiz('importCommit', { importId: preview.importId }, DEMO_OPENIDS.admin)).result)).toBe('NOT_FOUND');
    expect(cloud.snapshot(['quizQuestions', 'quizImports'])).toEqual(snapshot);
  });

  it('refuses a file that is not a spreadsheet, and members', async () => {
    const junk = { fileName: 'x.xlsx', base64: Buffer.from('not a workbook').toString('base64') };
    expect(errorCode((await quiz('importPreview', { file: junk }, DEMO_OPENIDS.admin)).result)).toBe('IMPORT.BAD_FILE');
    expect(errorCode((await quiz('importPreview', { file: junk }, DEMO_OPENIDS.member)).result)).toBe('AUTH.FORBIDDEN');
  });

  it('gives the admin a template that imports as it is', async () => {
    const template = ok((await quiz<{ url: string; fileName: string }>('questionTemplate', undefined, DEMO_OPENIDS.admin)).result);
    expect(template.fileName).toMatch(/\.xlsx$/);
    const response = await fetch(template.url);
    const base64 = Buffer.from(await response.arrayBuffer()).toString('base64');
    const preview = ok(
      (await quiz<QuestionImportPreview>('importPreview', { file: { fileName: 'template.xlsx', base64 } }, DEMO_OPENIDS.admin)).result,
    );
    expect(preview).toMatchObject({ totalRows: 3, errorCount: 0 });
  });
});
