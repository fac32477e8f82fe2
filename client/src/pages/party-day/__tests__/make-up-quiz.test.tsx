import { act, fireEvent, render, screen } from '@testing-library/react';
import type { MakeUpQuizStatus, QuizPublicQuestion } from '@zbxx/contracts';
import { useState } from 'react';
import { MakeUpQuiz, type MakeUpQuizProps } from '../make-up-quiz';

const questions: QuizPublicQuestion[] = [
  {
    id: 'q1',
    type: 'single',
    stem: '党的最高领导机关是？',
    options: [
      { id: 'A', text: '党的全国代表大会' },
      { id: 'B', text: '中央委员会' },
    ],
    points: 50,
  },
  {
    id: 'q2',
    type: 'multiple',
    stem: '“四个意识”包括？',
    options: [
      { id: 'A', text: '政治意识' },
      { id: 'B', text: '大局意识' },
      { id: 'C', text: '经济意识' },
    ],
    points: 50,
  },
];
const submittedAt = '2026-11-22T04:00:00.000Z';

function Harness({ service, initial }: { service: NonNullable<MakeUpQuizProps['service']>; initial: MakeUpQuizStatus }) {
  const [status, setStatus] = useState(initial);
  return <MakeUpQuiz eventId="e1" status={status} onStatus={setStatus} onError={() => {}} service={service} />;
}

describe('补学测验', () => {
  it('shows the paper, sends the chosen labels and shows the result', async () => {
    const sent: unknown[] = [];
    const service: NonNullable<MakeUpQuizProps['service']> = {
      makeUpQuizStart: async () => ({ paperId: 'p1', questions, passMark: 60, quiz: { passed: false, last: null } }),
      makeUpQuizSubmit: async (input) => {
        sent.push(input);
        const result = { score: 50, maxScore: 100, passMark: 60, correctCount: 1, passed: false, submittedAt };
        return { result, quiz: { passed: false, last: result } };
      },
    };
    render(<Harness service={service} initial={{ passed: false, last: null }} />);
    await act(async () => fireEvent.click(screen.getByTestId('makeup-quiz-start')));

    expect(screen.getByTestId('makeup-quiz-question-0').textContent).toContain('党的最高领导机关是？');
    expect(screen.getByTestId('makeup-quiz-submit').textContent).toBe('还有 2 题未答');
    fireEvent.click(screen.getByTestId('makeup-quiz-option-0-B'));
    fireEvent.click(screen.getByTestId('makeup-quiz-option-0-A'));
    fireEvent.click(screen.getByTestId('makeup-quiz-option-1-B'));
    fireEvent.click(screen.getByTestId('makeup-quiz-option-1-A'));
    expect(screen.getByTestId('makeup-quiz-submit').textContent).toBe('交卷');
    await act(async () => fireEvent.click(screen.getByTestId('makeup-quiz-submit')));

    expect(sent).toEqual([{ eventId: 'e1', paperId: 'p1', answers: { q1: ['A'], q2: ['A', 'B'] } }]);
    expect(screen.getByTestId('makeup-quiz-result').textContent).toContain('未通过：50 / 100 分（60 分合格，答对 1 题）');
    expect(screen.getByTestId('makeup-quiz-start').textContent).toBe('重新测验');
  });

  it('says so once the quiz is passed, with nothing left to answer', () => {
    const reject = async () => Promise.reject(new Error('must not be called'));
    render(
      <Harness
        service={{ makeUpQuizStart: reject, makeUpQuizSubmit: reject }}
        initial={{ passed: true, last: { score: 80, maxScore: 100, passMark: 60, correctCount: 4, passed: true, submittedAt } }}
      />,
    );
    expect(screen.getByTestId('makeup-quiz-passed').textContent).toContain('已通过：80 / 100 分');
    expect(screen.queryByTestId('makeup-quiz-start')).toBeNull();
  });
});
