import { checkQuota, questionProblems, questionStemKey } from '@zbxx/domain';
import { generateCounty } from '../generate-county';
import { parseDemoBank } from '../quiz-bank';

describe('demo question bank', () => {
  const bank = parseDemoBank();

  it('holds at least 150 well-formed questions of every type, no stem twice', () => {
    expect(bank.length).toBeGreaterThanOrEqual(150);
    expect(bank.flatMap(questionProblems)).toEqual([]);
    expect(new Set(bank.map((q) => questionStemKey(q.stem))).size).toBe(bank.length);
    expect(new Set(bank.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'trueFalse']));
  });

  it('cites a regulation and explains every question', () => {
    for (const question of bank) {
      expect(question.citation.regulation).toMatch(/^《.+》$/);
      expect(question.citation.article).not.toBe('');
      expect(question.explanation).not.toBe('');
    }
  });

  it('publishes a round in the given month whose quota the bank can meet', () => {
    const { quizRounds, quizQuestions } = generateCounty({
      members: 60,
      branches: 6,
      committees: 3,
      seed: 1,
      studyMonth: '2026-03',
    }).collections;
    const current = quizRounds.find((round) => round.month === '2026-03');
    expect(current).toMatchObject({
      status: 'published',
      opensAt: new Date('2026-02-28T16:00:00Z'),
      closesAt: new Date('2026-03-31T16:00:00Z'),
    });
    const drawable = quizQuestions.map((q) => ({ id: q._id, type: q.type, category: q.category, difficulty: q.difficulty }));
    expect(checkQuota(drawable, current!.quota)).toEqual([]);
  });
});
