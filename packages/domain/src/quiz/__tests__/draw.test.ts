import { checkQuota, describeQuotaProblem, drawQuestions, DrawError } from '../draw';
import type { Difficulty, QuestionType } from '../question';
import { createRng } from '../../random';
import { aQuestion, sequenceRng } from './question-mother';

const q = (id: string, category: string, difficulty: Difficulty = 2, type: QuestionType = 'single') =>
  aQuestion({ id, category, difficulty, type });

const bank = [
  q('c01', '党章', 1),
  q('c02', '党章', 1),
  q('c03', '党章', 2),
  q('c04', '党章', 3),
  q('c05', '党章', 3, 'multiple'),
  q('d01', '纪律', 1, 'trueFalse'),
  q('d02', '纪律', 2),
  q('d03', '纪律', 2, 'multiple'),
  q('e01', '监督', 2),
];

describe('drawQuestions', () => {
  it('draws by the hand-computed Fisher–Yates path', () => {
    // Pool sorted by id [c01,c02,c03]; rng 0 shuffles to [c02,c03,c01]; take 2 → [c02,c03];
    // the final shuffle of [c02,c03] with rng 0 swaps them → [c03,c02].
    const small = [q('c03', 'X'), q('c01', 'X'), q('c02', 'X')];
    expect(drawQuestions(small, [{ category: 'X', count: 2 }], sequenceRng([0])).map((x) => x.id)).toEqual(['c03', 'c02']);
  });

  it('takes exactly the quota per category, never the same question twice', () => {
    const rng = createRng(11);
    for (let run = 0; run < 200; run += 1) {
      const paper = drawQuestions(
        bank,
        [
          { category: '党章', count: 3 },
          { category: '纪律', count: 2 },
        ],
        rng,
      );
      expect(paper).toHaveLength(5);
      expect(new Set(paper.map((x) => x.id)).size).toBe(5);
      expect(paper.filter((x) => x.category === '党章')).toHaveLength(3);
      expect(paper.filter((x) => x.category === '纪律')).toHaveLength(2);
    }
  });

  it('honours a difficulty mix', () => {
    const rng = createRng(5);
    for (let run = 0; run < 100; run += 1) {
      const paper = drawQuestions(bank, [{ category: '党章', count: 3, difficulty: { 1: 1, 3: 2 } }], rng);
      expect(paper.filter((x) => x.difficulty === 1)).toHaveLength(1);
      expect(
        paper
          .filter((x) => x.difficulty === 3)
          .map((x) => x.id)
          .sort(),
      ).toEqual(['c04', 'c05']);
    }
  });

  it('groups the paper 单选 → 多选 → 判断', () => {
    const paper = drawQuestions(
      bank,
      [
        { category: '纪律', count: 3 },
        { category: '党章', count: 5 },
      ],
      createRng(3),
    );
    const typeRank = { single: 0, multiple: 1, trueFalse: 2 };
    const ranks = paper.map((x) => typeRank[x.type]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(paper.map((x) => x.type)).toEqual(['single', 'single', 'single', 'single', 'single', 'multiple', 'multiple', 'trueFalse']);
  });

  it('does not depend on the order the bank arrived in', () => {
    const quota = [
      { category: '党章', count: 2 },
      { category: '纪律', count: 2 },
    ];
    const forwards = drawQuestions(bank, quota, createRng(99)).map((x) => x.id);
    const backwards = drawQuestions([...bank].reverse(), quota, createRng(99)).map((x) => x.id);
    expect(backwards).toEqual(forwards);
  });

  it('treats a bank listing a question twice as one question', () => {
    const twice = [q('a', 'X'), q('a', 'X'), q('b', 'X')];
    expect(checkQuota(twice, [{ category: 'X', count: 3 }])).toEqual([
      { code: 'NOT_ENOUGH_QUESTIONS', category: 'X', needed: 3, available: 2 },
    ]);
    expect(
      drawQuestions(twice, [{ category: 'X', count: 2 }], createRng(1))
        .map((x) => x.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('gives every question of a category the same chance', () => {
    const rng = createRng(77);
    const counts = new Map<string, number>();
    const runs = 30_000;
    for (let run = 0; run < runs; run += 1) {
      const [picked] = drawQuestions(bank, [{ category: '纪律', count: 1 }], rng);
      counts.set(picked!.id, (counts.get(picked!.id) ?? 0) + 1);
    }
    for (const id of ['d01', 'd02', 'd03']) expect(Math.abs((counts.get(id) ?? 0) / runs - 1 / 3)).toBeLessThan(0.01);
  });

  it('fails with every shortfall named when the bank is too small', () => {
    const quota = [
      { category: '党章', count: 2, difficulty: { 1: 0, 2: 0, 3: 2 } },
      { category: '监督', count: 2 },
      { category: '纪律', count: 4, difficulty: { 2: 3, 1: 1 } },
    ];
    let error: unknown;
    try {
      drawQuestions(bank, quota, createRng(1));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DrawError);
    expect((error as DrawError).code).toBe('QUIZ.DRAW_IMPOSSIBLE');
    expect((error as DrawError).problems).toEqual([
      { code: 'NOT_ENOUGH_QUESTIONS', category: '监督', needed: 2, available: 1 },
      { code: 'NOT_ENOUGH_QUESTIONS', category: '纪律', difficulty: 2, needed: 3, available: 2 },
    ]);
    expect(describeQuotaProblem((error as DrawError).problems[1]!)).toBe('分类“纪律”（难度2）需要 3 题，题库只有 2 题');
  });

  it('reports malformed quotas', () => {
    expect(checkQuota(bank, [])).toEqual([{ code: 'QUOTA_EMPTY' }]);
    expect(
      checkQuota(bank, [
        { category: '党章', count: 1 },
        { category: '党章', count: 1 },
        { category: '纪律', count: 0 },
        { category: '监督', count: 1.5 },
        { category: 'X', count: 3, difficulty: { 1: 1, 2: 1 } },
        { category: 'Y', count: 2, difficulty: { 1: -1, 2: 3 } },
      ]),
    ).toEqual([
      { code: 'QUOTA_DUPLICATE_CATEGORY', category: '党章' },
      { code: 'QUOTA_BAD_COUNT', category: '纪律' },
      { code: 'QUOTA_BAD_COUNT', category: '监督' },
      { code: 'QUOTA_MIX_MISMATCH', category: 'X', count: 3, mixTotal: 2 },
      { code: 'QUOTA_BAD_COUNT', category: 'Y' },
    ]);
  });
});
