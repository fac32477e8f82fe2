/** The question bank's model (题库). A question's key and explanation never leave the server before submission. */

/** 单选 / 多选 / 判断 */
export type QuestionType = 'single' | 'multiple' | 'trueFalse';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  trueFalse: '判断题',
};

/** 1 易, 2 中, 3 难 */
export type Difficulty = 1 | 2 | 3;

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { 1: '易', 2: '中', 3: '难' };

/**
 * Canonical option ids are the bank's letters ('A'…'F'); true/false questions use 'T' (对) and 'F' (错).
 * A member never sees canonical ids: a shuffled paper relabels options by display position.
 */
export type OptionId = string;

export interface QuestionOption {
  id: OptionId;
  text: string;
}

export const TRUE_FALSE_OPTIONS: readonly QuestionOption[] = [
  { id: 'T', text: '对' },
  { id: 'F', text: '错' },
];

/** Which regulation and article a question tests, e.g. 《中国共产党纪律处分条例》第二十九条. */
export interface Citation {
  regulation: string;
  article: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  stem: string;
  options: readonly QuestionOption[];
  /** Correct option ids: exactly one for single and true/false, two or more for multiple. */
  key: readonly OptionId[];
  explanation: string;
  citation: Citation;
  category: string;
  difficulty: Difficulty;
}

/** What a problem with a question's shape is called, for import previews and bank edits. */
export type QuestionProblem =
  'STEM_EMPTY' | 'TOO_FEW_OPTIONS' | 'TOO_MANY_OPTIONS' | 'DUPLICATE_OPTION_ID' | 'KEY_NOT_AN_OPTION' | 'KEY_SIZE' | 'TRUE_FALSE_OPTIONS';

export const MAX_OPTIONS = 6; // 选项A…选项F in the common sheet layout

/** Structural checks every question must pass before it enters the bank; [] when fine. */
export function questionProblems(question: Question): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (question.stem.trim() === '') problems.push('STEM_EMPTY');
  const ids = question.options.map((option) => option.id);
  if (new Set(ids).size !== ids.length) problems.push('DUPLICATE_OPTION_ID');
  if (question.key.some((id) => !ids.includes(id))) problems.push('KEY_NOT_AN_OPTION');
  const keySize = new Set(question.key).size;
  if (question.type === 'trueFalse') {
    const isTrueFalse = ids.length === 2 && ids.includes('T') && ids.includes('F');
    if (!isTrueFalse) problems.push('TRUE_FALSE_OPTIONS');
    if (keySize !== 1) problems.push('KEY_SIZE');
    return problems;
  }
  const minOptions = question.type === 'multiple' ? 3 : 2;
  if (ids.length < minOptions) problems.push('TOO_FEW_OPTIONS');
  if (ids.length > MAX_OPTIONS) problems.push('TOO_MANY_OPTIONS');
  if (question.type === 'single' ? keySize !== 1 : keySize < 2) problems.push('KEY_SIZE');
  return problems;
}
