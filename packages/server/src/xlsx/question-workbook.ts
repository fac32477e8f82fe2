/**
 * The question bank as an .xlsx file (exceljs), like the roster workbook: read a sheet in our template or the
 * common survey/exam-tool layout into rows for @zbxx/domain's import planner, and write our template. Kept
 * out of the package index: only the quiz function bundles exceljs for it.
 */
import type * as ExcelJS from 'exceljs';
import { mapQuestionHeaders, QUESTION_COLUMNS, type QuestionSheetRow } from '@zbxx/domain';
import { AppError } from '../app-error';
import { checkZipLimits } from '../zip-limits';
import { loadExcelJS } from './load-exceljs';

export const MAX_QUESTION_ROWS = 3000;
export const QUESTION_TEMPLATE_SHEET = '题库';

function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellString((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return '';
}

/** The rows of the first sheet with a question header row (题目, 题型, 答案) within its first 5 rows. */
export async function readQuestionSheet(content: Buffer): Promise<QuestionSheetRow[]> {
  checkZipLimits(content, new AppError('IMPORT.BAD_FILE', '无法读取该文件，请上传 .xlsx 格式的题库（可先下载模板）'));
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT.BAD_FILE', '无法读取该文件，请上传 .xlsx 格式的题库（可先下载模板）');
  }
  for (const sheet of workbook.worksheets) {
    const width = Math.max(sheet.columnCount, QUESTION_COLUMNS.length);
    const valuesOf = (r: number) => Array.from({ length: width }, (_, i) => cellString(sheet.getRow(r).getCell(i + 1).value).trim());
    for (let headerRow = 1; headerRow <= Math.min(5, sheet.rowCount); headerRow += 1) {
      const mapping = mapQuestionHeaders(valuesOf(headerRow));
      if (!mapping) continue;
      if (mapping.duplicated.length > 0)
        throw new AppError('IMPORT.BAD_FILE', `表头中「${mapping.duplicated.join('、')}」出现了两次，请只保留一列`);
      if (sheet.rowCount - headerRow > MAX_QUESTION_ROWS)
        throw new AppError('IMPORT.BAD_FILE', `一次最多导入${MAX_QUESTION_ROWS}题，请分成几个文件`);
      const rows: QuestionSheetRow[] = [];
      for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
        const values = valuesOf(r);
        const cells: QuestionSheetRow['cells'] = {};
        for (const [key, index] of Object.entries(mapping.columns)) cells[key as keyof QuestionSheetRow['cells']] = values[index] ?? '';
        rows.push({ row: r, cells });
      }
      return rows;
    }
  }
  throw new AppError('IMPORT.BAD_FILE', '没有找到题库表头，第一行应包含：题目、题型、答案');
}

/** Our template: headers, three example rows (one per type), and a sheet of instructions. */
export async function writeQuestionTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(QUESTION_TEMPLATE_SHEET);
  sheet.columns = QUESTION_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === 'stem' || column.key === 'explanation' ? 40 : 14,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRows([
    {
      stem: '党的纪律处分中，最重的是（ ）。',
      type: '单选',
      optionA: '严重警告',
      optionB: '撤销党内职务',
      optionC: '留党察看',
      optionD: '开除党籍',
      answer: 'D',
      explanation: '对党员的纪律处分有五种，开除党籍最重。',
      category: '纪律处分条例',
      difficulty: '易',
      regulation: '《中国共产党纪律处分条例》',
      article: '第八条',
    },
    {
      stem: '“三会一课”中的“三会”是指（ ）。',
      type: '多选',
      optionA: '支部党员大会',
      optionB: '支部委员会会议',
      optionC: '党小组会',
      optionD: '职工代表大会',
      answer: 'ABC',
      explanation: '三会是支部党员大会、支部委员会会议、党小组会。',
      category: '支部工作条例',
      difficulty: '中',
      regulation: '《中国共产党支部工作条例（试行）》',
      article: '第五章',
    },
    {
      stem: '预备党员享有表决权。',
      type: '判断',
      answer: '错',
      explanation: '预备党员没有表决权、选举权和被选举权。',
      category: '党章',
      difficulty: '易',
      regulation: '《中国共产党章程》',
      article: '第七条',
    },
  ]);
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 12 }, { width: 80 }];
  help.addRows([
    ['列', '说明'],
    ['题目', '必填；同一题库中题目相同的只保留一道'],
    ['题型', '必填：单选、多选或判断'],
    ['选项A…选项F', '单选至少2个、多选至少3个选项，从A起连续填写；判断题不填'],
    ['答案', '必填：选项字母，如 A 或 ABD；判断题填“对”或“错”'],
    ['解析', '选填，建议写明依据的条款'],
    ['分类', '选填，抽题按分类设置题数；不填归入“综合”'],
    ['难度', '选填：易、中、难（或1、2、3），不填为“中”'],
    ['法规、条款', '选填，如《中国共产党章程》、第七条；不填时从解析中识别书名号'],
    ['', '也可直接导入常见问卷/考试工具导出的表格（题目、题型、选项A…选项F、答案、解析、分类）'],
  ]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
