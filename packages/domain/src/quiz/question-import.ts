/**
 * Question bank import (题库导入) from a spreadsheet: our own template, and the layout common to survey and
 * exam tools (题目, 题型, 选项A…选项F, 答案 such as `A`, `ABD`, `对/错`, 解析, 分类). Every row is checked; the
 * plan says which rows would be added, which are already in the bank (same stem), and which are wrong and why.
 * The caller writes nothing unless there are no errors.
 */
import {
  MAX_OPTIONS,
  questionProblems,
  type Citation,
  type Difficulty,
  type Question,
  type QuestionOption,
  type QuestionProblem,
  type QuestionType,
} from './question';

export const QUESTION_COLUMNS = [
  { key: 'stem', header: '题目', aliases: ['题干', '试题', '题目内容', '试题内容', '问题', '题目名称'] },
  { key: 'type', header: '题型', aliases: ['题目类型', '试题类型', '类型'] },
  { key: 'optionA', header: '选项A', aliases: ['A', '选项a', 'A选项'] },
  { key: 'optionB', header: '选项B', aliases: ['B', '选项b', 'B选项'] },
  { key: 'optionC', header: '选项C', aliases: ['C', '选项c', 'C选项'] },
  { key: 'optionD', header: '选项D', aliases: ['D', '选项d', 'D选项'] },
  { key: 'optionE', header: '选项E', aliases: ['E', '选项e', 'E选项'] },
  { key: 'optionF', header: '选项F', aliases: ['F', '选项f', 'F选项'] },
  { key: 'answer', header: '答案', aliases: ['正确答案', '标准答案', '参考答案'] },
  { key: 'explanation', header: '解析', aliases: ['答案解析', '试题解析', '解释'] },
  { key: 'category', header: '分类', aliases: ['题目分类', '知识点', '类别', '试题分类'] },
  { key: 'difficulty', header: '难度', aliases: ['难易程度', '难易度'] },
  { key: 'regulation', header: '法规', aliases: ['出处', '依据', '法规名称'] },
  { key: 'article', header: '条款', aliases: ['条目', '法条'] },
] as const;

export type QuestionColumnKey = (typeof QUESTION_COLUMNS)[number]['key'];
const OPTION_KEYS: readonly QuestionColumnKey[] = ['optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF'];

export interface QuestionSheetRow {
  /** The sheet's own row number, so an error can say 第 7 行. */
  row: number;
  cells: Partial<Record<QuestionColumnKey, string>>;
}

const headerKey = (text: string) =>
  text
    .replace(/[\s*（）()]/g, '')
    .replace(/^[*]/, '')
    .toUpperCase();

/** Maps a header row to columns; null when the row lacks 题目, 题型 or 答案. */
export function mapQuestionHeaders(
  headers: readonly string[],
): { columns: Partial<Record<QuestionColumnKey, number>>; duplicated: string[] } | null {
  const columns: Partial<Record<QuestionColumnKey, number>> = {};
  const duplicated: string[] = [];
  headers.forEach((text, index) => {
    const key = headerKey(text);
    if (key === '') return;
    const column = QUESTION_COLUMNS.find((c) => headerKey(c.header) === key || c.aliases.some((alias) => headerKey(alias) === key));
    if (!column) return;
    if (columns[column.key] !== undefined) duplicated.push(column.header);
    else columns[column.key] = index;
  });
  if (columns.stem === undefined || columns.type === undefined || columns.answer === undefined) return null;
  return { columns, duplicated };
}

const TYPE_WORDS: [RegExp, QuestionType][] = [
  [/^(单选|单选题|单项选择|单项选择题|单择题|SINGLE)$/i, 'single'],
  [/^(多选|多选题|多项选择|多项选择题|不定项|不定项选择题|MULTIPLE)$/i, 'multiple'],
  [/^(判断|判断题|是非题|对错题|TRUEFALSE)$/i, 'trueFalse'],
];
const TRUE_WORDS = ['对', '正确', '√', '✓', 'T', 'TRUE', '是', 'Y'];
const FALSE_WORDS = ['错', '错误', '×', '✗', 'X', 'F', 'FALSE', '否', 'N'];
const DIFFICULTY_WORDS: Record<string, Difficulty> = {
  '1': 1,
  易: 1,
  简单: 1,
  容易: 1,
  '2': 2,
  中: 2,
  中等: 2,
  一般: 2,
  适中: 2,
  '3': 3,
  难: 3,
  困难: 3,
  较难: 3,
};

/** When the sheet has no category column, or a row leaves it blank. */
export const DEFAULT_CATEGORY = '综合';

export interface ImportedQuestion extends Omit<Question, 'id'> {
  row: number;
}

export interface QuestionImportError {
  row: number;
  column: string;
  reason: string;
}

export interface QuestionImportPlan {
  totalRows: number;
  toAdd: ImportedQuestion[];
  /** Rows whose stem the bank already has: skipped, never imported twice. */
  alreadyInBank: { row: number; stem: string }[];
  errors: QuestionImportError[];
}

const PROBLEM_TEXT: Record<QuestionProblem, string> = {
  STEM_EMPTY: '题目不能为空',
  TOO_FEW_OPTIONS: '选项太少（单选至少2个，多选至少3个）',
  TOO_MANY_OPTIONS: `选项最多${MAX_OPTIONS}个`,
  DUPLICATE_OPTION_ID: '选项重复',
  KEY_NOT_AN_OPTION: '答案不在选项中',
  KEY_SIZE: '答案个数与题型不符（单选、判断只有一个答案，多选至少两个）',
  TRUE_FALSE_OPTIONS: '判断题的答案应为“对”或“错”',
};

/** 《中国共产党纪律处分条例》第八条 inside an explanation, when the sheet has no citation columns. */
function citationFrom(regulation: string, article: string, explanation: string): Citation {
  if (regulation !== '') return { regulation: regulation.startsWith('《') ? regulation : `《${regulation}》`, article };
  const found = /(《[^》]+》)(第[一二三四五六七八九十百零〇\d]+条)?/u.exec(explanation);
  return found ? { regulation: found[1] as string, article: found[2] ?? article } : { regulation: '', article };
}

function parseTrueFalse(answer: string, options: readonly QuestionOption[]): string | null {
  const word = answer.toUpperCase();
  if (TRUE_WORDS.includes(word)) return 'T';
  if (FALSE_WORDS.includes(word)) return 'F';
  // Survey tools often write 判断 as 选项A=正确, 选项B=错误 with the answer A.
  const option = options.find((o) => o.id === word);
  if (option && TRUE_WORDS.includes(option.text.toUpperCase())) return 'T';
  if (option && FALSE_WORDS.includes(option.text.toUpperCase())) return 'F';
  return null;
}

/** Stem normalised for duplicate detection: no blanks or punctuation, ASCII lower-cased. */
export function questionStemKey(stem: string): string {
  return stem.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
}

export function planQuestionImport(rows: readonly QuestionSheetRow[], existingStemKeys: ReadonlySet<string>): QuestionImportPlan {
  const plan: QuestionImportPlan = { totalRows: 0, toAdd: [], alreadyInBank: [], errors: [] };
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const text = (key: QuestionColumnKey) => (cells[key] ?? '').trim();
    if (QUESTION_COLUMNS.every((c) => text(c.key) === '')) continue;
    plan.totalRows += 1;
    const fail = (column: string, reason: string) => plan.errors.push({ row, column, reason });
    const stem = text('stem');
    const type = TYPE_WORDS.find(([pattern]) => pattern.test(text('type').replace(/\s/g, '')))?.[1];
    if (!type) {
      fail('题型', `无法识别题型“${text('type')}”，应为单选、多选或判断`);
      continue;
    }
    const written = OPTION_KEYS.map((key, index) => ({ id: 'ABCDEF'[index] as string, text: text(key) }));
    const lastFilled = written.map((o) => o.text !== '').lastIndexOf(true);
    const listed = written.slice(0, lastFilled + 1);
    if (type !== 'trueFalse' && listed.some((o) => o.text === '')) {
      fail('选项', '选项中间不能有空白');
      continue;
    }
    const answer = text('answer')
      .toUpperCase()
      .replace(/[\s,，、;；]/g, '');
    let options: QuestionOption[];
    let key: string[];
    if (type === 'trueFalse') {
      options = [
        { id: 'T', text: '对' },
        { id: 'F', text: '错' },
      ];
      const parsed = parseTrueFalse(answer, listed);
      if (!parsed) {
        fail('答案', `判断题答案“${text('answer')}”应为“对”或“错”`);
        continue;
      }
      key = [parsed];
    } else {
      options = listed;
      if (!/^[A-F]+$/.test(answer)) {
        fail('答案', `答案“${text('answer')}”应为选项字母，如 A 或 ABD`);
        continue;
      }
      key = [...new Set(answer)];
    }
    const difficultyText = text('difficulty');
    const difficulty = difficultyText === '' ? 2 : DIFFICULTY_WORDS[difficultyText];
    if (difficulty === undefined) {
      fail('难度', `难度“${difficultyText}”应为易、中、难（或1、2、3）`);
      continue;
    }
    const explanation = text('explanation');
    const question: ImportedQuestion = {
      row,
      type,
      stem,
      options,
      key,
      explanation,
      citation: citationFrom(text('regulation'), text('article'), explanation),
      category: text('category') || DEFAULT_CATEGORY,
      difficulty,
    };
    const problems = questionProblems({ ...question, id: `row-${row}` });
    if (problems.length > 0) {
      fail(problems[0] === 'STEM_EMPTY' ? '题目' : '答案', problems.map((p) => PROBLEM_TEXT[p]).join('；'));
      continue;
    }
    const stemKey = questionStemKey(stem);
    const earlier = seen.get(stemKey);
    if (earlier !== undefined) {
      fail('题目', `与第${earlier}行题目重复`);
      continue;
    }
    seen.set(stemKey, row);
    if (existingStemKeys.has(stemKey)) plan.alreadyInBank.push({ row, stem });
    else plan.toAdd.push(question);
  }
  return plan;
}
