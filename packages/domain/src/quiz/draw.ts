/**
 * The fair draw (抽题): each category contributes exactly its quota, optionally split by difficulty, sampled
 * uniformly without replacement. The result depends only on the bank's contents and the rng, never on the
 * order the database returned the bank in, so a stored seed replays the same paper.
 */
import type { Difficulty, Question, QuestionType } from './question';
import { shuffled, type Rng } from '../random';

export interface CategoryQuota {
  category: string;
  count: number;
  /** Optional difficulty mix; when given, its counts must add up to `count`. */
  difficulty?: Partial<Record<Difficulty, number>>;
}

/** The fields a draw needs; a full Question satisfies it. */
export type DrawableQuestion = Pick<Question, 'id' | 'type' | 'category' | 'difficulty'>;

export type QuotaProblem =
  | { code: 'QUOTA_EMPTY' }
  | { code: 'QUOTA_DUPLICATE_CATEGORY'; category: string }
  | { code: 'QUOTA_BAD_COUNT'; category: string }
  | { code: 'QUOTA_MIX_MISMATCH'; category: string; count: number; mixTotal: number }
  | { code: 'NOT_ENOUGH_QUESTIONS'; category: string; difficulty?: Difficulty; needed: number; available: number };

export class DrawError extends Error {
  readonly code = 'QUIZ.DRAW_IMPOSSIBLE';
  constructor(readonly problems: readonly QuotaProblem[]) {
    super(`cannot draw: ${problems.map(describeQuotaProblem).join('; ')}`);
    this.name = 'DrawError';
  }
}

/** Chinese text for an admin saving a round, so a quota the bank can't meet is caught before anyone plays. */
export function describeQuotaProblem(problem: QuotaProblem): string {
  switch (problem.code) {
    case 'QUOTA_EMPTY':
      return '未设置抽题数量';
    case 'QUOTA_DUPLICATE_CATEGORY':
      return `分类“${problem.category}”重复设置`;
    case 'QUOTA_BAD_COUNT':
      return `分类“${problem.category}”的题数必须是正整数`;
    case 'QUOTA_MIX_MISMATCH':
      return `分类“${problem.category}”按难度分配的题数合计 ${problem.mixTotal}，与总数 ${problem.count} 不一致`;
    case 'NOT_ENOUGH_QUESTIONS': {
      const where = problem.difficulty === undefined ? '' : `（难度${problem.difficulty}）`;
      return `分类“${problem.category}”${where}需要 ${problem.needed} 题，题库只有 ${problem.available} 题`;
    }
  }
}

const TYPE_ORDER: Record<QuestionType, number> = { single: 0, multiple: 1, trueFalse: 2 };
const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3];

interface Stratum {
  category: string;
  difficulty?: Difficulty;
  needed: number;
}

function isNonNegativeInteger(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/** Splits quotas into (category, difficulty) strata, reporting malformed quotas. */
function strataOf(quota: readonly CategoryQuota[]): { strata: Stratum[]; problems: QuotaProblem[] } {
  const strata: Stratum[] = [];
  const problems: QuotaProblem[] = [];
  if (quota.length === 0) problems.push({ code: 'QUOTA_EMPTY' });
  const seen = new Set<string>();
  for (const entry of quota) {
    if (seen.has(entry.category)) {
      problems.push({ code: 'QUOTA_DUPLICATE_CATEGORY', category: entry.category });
      continue;
    }
    seen.add(entry.category);
    if (!isNonNegativeInteger(entry.count) || entry.count === 0) {
      problems.push({ code: 'QUOTA_BAD_COUNT', category: entry.category });
      continue;
    }
    if (entry.difficulty === undefined) {
      strata.push({ category: entry.category, needed: entry.count });
      continue;
    }
    const mix = DIFFICULTIES.map((difficulty) => ({ difficulty, needed: entry.difficulty?.[difficulty] ?? 0 }));
    if (mix.some((part) => !isNonNegativeInteger(part.needed))) {
      problems.push({ code: 'QUOTA_BAD_COUNT', category: entry.category });
      continue;
    }
    const mixTotal = mix.reduce((sum, part) => sum + part.needed, 0);
    if (mixTotal !== entry.count) {
      problems.push({ code: 'QUOTA_MIX_MISMATCH', category: entry.category, count: entry.count, mixTotal });
      continue;
    }
    for (const part of mix) {
      if (part.needed > 0) strata.push({ category: entry.category, difficulty: part.difficulty, needed: part.needed });
    }
  }
  return { strata, problems };
}

/** The bank as a set: first occurrence of each id, sorted by id so database order can't change the draw. */
function canonicalBank<Q extends DrawableQuestion>(bank: readonly Q[]): Q[] {
  const byId = new Map<string, Q>();
  for (const question of bank) if (!byId.has(question.id)) byId.set(question.id, question);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function inStratum(question: DrawableQuestion, stratum: Stratum): boolean {
  return question.category === stratum.category && (stratum.difficulty === undefined || question.difficulty === stratum.difficulty);
}

/** Every reason the quota can't be drawn from this bank; [] when it can. Use it when an admin saves a round. */
export function checkQuota(bank: readonly DrawableQuestion[], quota: readonly CategoryQuota[]): QuotaProblem[] {
  const { strata, problems } = strataOf(quota);
  const questions = canonicalBank(bank);
  for (const stratum of strata) {
    const available = questions.filter((question) => inStratum(question, stratum)).length;
    if (available < stratum.needed) {
      problems.push({
        code: 'NOT_ENOUGH_QUESTIONS',
        category: stratum.category,
        ...(stratum.difficulty === undefined ? {} : { difficulty: stratum.difficulty }),
        needed: stratum.needed,
        available,
      });
    }
  }
  return problems;
}

/**
 * Draws a paper: exactly the quota per category (and difficulty), no question twice. The paper is grouped the
 * way Chinese papers are (单选, then 多选, then 判断) and shuffled within each group.
 * Throws DrawError listing every problem when the quota can't be met.
 */
export function drawQuestions<Q extends DrawableQuestion>(bank: readonly Q[], quota: readonly CategoryQuota[], rng: Rng): Q[] {
  const problems = checkQuota(bank, quota);
  if (problems.length > 0) throw new DrawError(problems);
  const questions = canonicalBank(bank);
  const drawn: Q[] = [];
  for (const stratum of strataOf(quota).strata) {
    const pool = questions.filter((question) => inStratum(question, stratum));
    drawn.push(...shuffled(pool, rng).slice(0, stratum.needed));
  }
  // Array.prototype.sort is stable, so the random order survives within each type.
  return shuffled(drawn, rng).sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
}
