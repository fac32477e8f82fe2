import { quizContract, type QuizSaveRoundInput, type RosterFile } from '@zbxx/contracts';
import { callAction } from './transport';

/** 党内法规答题, typed by the contract. Saving answers and submitting are idempotent, so retries are safe. */
export const quizService = {
  rounds: () => callAction(quizContract, 'rounds', undefined),
  start: (roundId: string) => callAction(quizContract, 'start', { roundId }, { write: true }),
  answer: (attemptId: string, answers: Record<string, string[]>) =>
    callAction(quizContract, 'answer', { attemptId, answers }, { write: true }),
  submit: (attemptId: string, answers: Record<string, string[]>, pageHiddenCount: number) =>
    callAction(quizContract, 'submit', { attemptId, answers, pageHiddenCount }, { write: true }),
  review: (attemptId: string) => callAction(quizContract, 'review', { attemptId }),
  practiceQueue: () => callAction(quizContract, 'practiceQueue', undefined),
  practiceRate: (questionId: string, rating: 'again' | 'hard' | 'good' | 'easy') =>
    callAction(quizContract, 'practiceRate', { questionId, rating }, { write: true }),
  leaderboard: (roundId: string) => callAction(quizContract, 'leaderboard', { roundId }),
  listRounds: () => callAction(quizContract, 'listRounds', undefined),
  /** `requestId`: the same for a 重试 of the same create, so it is created once (see useRequestIdFor). */
  saveRound: (input: QuizSaveRoundInput, requestId?: string) => callAction(quizContract, 'saveRound', input, { write: true, requestId }),
  itemAnalysis: (roundId: string) => callAction(quizContract, 'itemAnalysis', { roundId }),
  bankOverview: () => callAction(quizContract, 'bankOverview', undefined),
  questionTemplate: () => callAction(quizContract, 'questionTemplate', undefined),
  importPreview: (file: RosterFile) => callAction(quizContract, 'importPreview', { file }),
  importCommit: (importId: string) => callAction(quizContract, 'importCommit', { importId }, { write: true }),
  branchResults: (roundId?: string) => callAction(quizContract, 'branchResults', roundId ? { roundId } : undefined),
};
