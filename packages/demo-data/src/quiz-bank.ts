import { questionProblems, type Difficulty, type Question, type QuestionOption, type QuestionType } from '@zbxx/domain';
import { QUIZ_BANK_TEXT } from './quiz-bank-text';

const TYPES: Record<string, QuestionType> = { S: 'single', M: 'multiple', T: 'trueFalse' };
const LETTERS = 'ABCDEF';

/** Parses the demo bank text (see quiz-bank-text.ts); throws on a malformed line so a typo can't ship. */
export function parseDemoBank(text: string = QUIZ_BANK_TEXT): Question[] {
  const questions: Question[] = [];
  let category = '';
  let regulation = '';
  let seq = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      [category, regulation] = line
        .slice(1)
        .split('|')
        .map((part) => part.trim()) as [string, string];
      continue;
    }
    const [code, stem, optionText, keyText, article, explanation] = line.split('|').map((part) => part.trim());
    const type = TYPES[code?.[0] ?? ''];
    const difficulty = Number(code?.[1]) as Difficulty;
    if (!type || !stem || keyText === undefined || article === undefined || explanation === undefined)
      throw new Error(`demo bank: bad line ${line}`);
    const options: QuestionOption[] =
      type === 'trueFalse'
        ? [
            { id: 'T', text: '对' },
            { id: 'F', text: '错' },
          ]
        : (optionText ?? '').split('；').map((option, index) => ({ id: LETTERS[index] as string, text: option.trim() }));
    const key = type === 'trueFalse' ? [keyText === '对' ? 'T' : 'F'] : [...keyText];
    seq += 1;
    // Articles that name another regulation carry it; the rest belong to the category's regulation.
    const citation = article.startsWith('《')
      ? { regulation: article.slice(0, article.indexOf('》') + 1), article: article.slice(article.indexOf('》') + 1) }
      : { regulation, article };
    const question: Question = {
      id: `q-demo-${String(seq).padStart(3, '0')}`,
      type,
      stem,
      options,
      key,
      explanation,
      citation,
      category,
      difficulty,
    };
    const problems = questionProblems(question);
    if (problems.length > 0) throw new Error(`demo bank: ${problems.join(', ')} in ${line}`);
    questions.push(question);
  }
  return questions;
}
