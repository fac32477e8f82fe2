import { quizContract } from '@zbxx/contracts';
import { createFunction } from '@zbxx/server';
import { answer } from './actions/answer';
import { bankOverview } from './actions/bank-overview';
import { branchResults } from './actions/branch-results';
import { importCommit } from './actions/import-commit';
import { importPreview } from './actions/import-preview';
import { questionTemplate } from './actions/question-template';
import { itemAnalysis } from './actions/item-analysis';
import { leaderboard } from './actions/leaderboard';
import { practiceQueue, practiceRate } from './actions/practice';
import { review } from './actions/review';
import { rounds } from './actions/rounds';
import { listRounds, saveRound } from './actions/rounds-admin';
import { start } from './actions/start';
import { submit } from './actions/submit';

/** 党内法规答题: the draw, the clock and the score are the server's; keys leave it only in a review the policy allows. */
export const main = createFunction(quizContract, {
  rounds,
  start,
  answer,
  submit,
  review,
  leaderboard,
  practiceQueue,
  practiceRate,
  branchResults,
  itemAnalysis,
  listRounds,
  saveRound,
  bankOverview,
  questionTemplate,
  importPreview,
  importCommit,
});
