import { useState } from 'react';
import { View } from '@tarojs/components';
import { formatScore, type MakeUpQuizResult, type MakeUpQuizStatus, type QuizPublicQuestion } from '@zbxx/contracts';
import { QUESTION_TYPE_NAMES, toggleChoice, type AnswerMap } from '../../lib/quiz-answers';
import { toAppError } from '../../services/app-error';
import { checkinService } from '../../services/checkin';
import { Button } from '../../ui/nut';

interface Paper {
  paperId: string;
  questions: QuizPublicQuestion[];
  passMark: number;
}

const resultText = (r: MakeUpQuizResult) =>
  `${r.passed ? '已通过' : '未通过'}：${formatScore(r.score)} / ${r.maxScore} 分（${r.passMark} 分合格，答对 ${r.correctCount} 题）`;

/** 补学测验: the short quiz of a make-up. Answers are sent by label; the server scores and keeps the keys. */
export interface MakeUpQuizProps {
  eventId: string;
  status: MakeUpQuizStatus;
  onStatus: (status: MakeUpQuizStatus) => void;
  onError: (message: string) => void;
  /** The two calls it makes; tests pass their own. */
  service?: Pick<typeof checkinService, 'makeUpQuizStart' | 'makeUpQuizSubmit'>;
}

export function MakeUpQuiz({ eventId, status, onStatus, onError, service = checkinService }: MakeUpQuizProps) {
  const [paper, setPaper] = useState<Paper | null>(null);
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    try {
      const r = await service.makeUpQuizStart(eventId);
      setPaper({ paperId: r.paperId, questions: r.questions, passMark: r.passMark });
      setAnswers({});
    } catch (error) {
      onError(toAppError(error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (question: QuizPublicQuestion, label: string) => {
    setAnswers((current) => ({ ...current, [question.id]: toggleChoice(current[question.id], label, question.type) }));
  };
  const submit = async () => {
    if (!paper) return;
    setBusy(true);
    try {
      const r = await service.makeUpQuizSubmit({ eventId, paperId: paper.paperId, answers });
      setPaper(null);
      onStatus(r.quiz);
    } catch (error) {
      onError(toAppError(error).message);
    } finally {
      setBusy(false);
    }
  };

  if (status.passed) {
    return (
      <View className="party-day__hint" data-testid="makeup-quiz-passed">
        补学测验{status.last ? resultText(status.last) : '已通过'}
      </View>
    );
  }
  if (!paper) {
    return (
      <View>
        {status.last && (
          <View className="party-day__hint" data-testid="makeup-quiz-result">
            上次测验{resultText(status.last)}
          </View>
        )}
        <Button size="small" disabled={busy} onClick={() => void start()} data-testid="makeup-quiz-start">
          {status.last ? '重新测验' : '开始补学测验'}
        </Button>
      </View>
    );
  }
  const unanswered = paper.questions.filter((q) => (answers[q.id] ?? []).length === 0).length;
  return (
    <View className="party-day__quiz">
      {paper.questions.map((question, index) => (
        <View key={question.id} className="party-day__question" data-testid={`makeup-quiz-question-${index}`}>
          <View>
            {index + 1}. （{QUESTION_TYPE_NAMES[question.type]}）{question.stem}
          </View>
          {question.options.map((option) => {
            const selected = (answers[question.id] ?? []).includes(option.id);
            return (
              <View
                key={option.id}
                className={`party-day__option${selected ? ' party-day__option--selected' : ''}`}
                onClick={() => choose(question, option.id)}
                data-testid={`makeup-quiz-option-${index}-${option.id}`}
              >
                {option.id}. {option.text}
              </View>
            );
          })}
        </View>
      ))}
      <Button type="primary" size="small" disabled={busy || unanswered > 0} onClick={() => void submit()} data-testid="makeup-quiz-submit">
        {unanswered > 0 ? `还有 ${unanswered} 题未答` : '交卷'}
      </Button>
    </View>
  );
}
