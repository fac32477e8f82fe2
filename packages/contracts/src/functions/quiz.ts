import * as z from 'zod';
import { defineFunction } from '../define';
import { idSchema, monthSchema, plainText } from '../common';
import { importRowErrorSchema, rosterFileSchema } from './org';

/**
 * 党内法规答题: rounds, attempts, review. Before an attempt is finished nothing here carries a key, an
 * explanation or a citation: questions leave the server only as `publicQuestionSchema` (display labels that
 * mean something only inside their own attempt).
 */

export const questionTypeSchema = z.enum(['single', 'multiple', 'trueFalse']);
export type QuizQuestionType = z.infer<typeof questionTypeSchema>;

export const reviewTimingSchema = z.enum(['never', 'afterSubmit', 'afterRoundCloses']);

export const reviewPolicySchema = z.object({
  ownAnswers: reviewTimingSchema,
  correctAnswers: reviewTimingSchema,
  explanations: reviewTimingSchema,
});
export type QuizReviewPolicy = z.infer<typeof reviewPolicySchema>;

/** Display label A…J of one attempt's paper. */
const labelSchema = z.string().regex(/^[A-J]$/);

export const publicQuestionSchema = z
  .object({
    id: idSchema,
    type: questionTypeSchema,
    stem: z.string(),
    options: z.array(z.object({ id: labelSchema, text: z.string() }).strict()),
    points: z.number(),
  })
  .strict();
export type QuizPublicQuestion = z.infer<typeof publicQuestionSchema>;

export const attemptStateSchema = z.enum(['inProgress', 'finished']);

/** The member's result that counts for a round (成绩), by its grading policy. */
export const roundGradeSchema = z.object({
  attemptId: idSchema,
  score: z.number(),
  passed: z.boolean(),
});

export const memberRoundSchema = z.object({
  roundId: idSchema,
  title: z.string(),
  month: monthSchema,
  orgName: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  window: z.enum(['upcoming', 'open', 'closed']),
  questionCount: z.number().int(),
  maxScore: z.number(),
  passMark: z.number(),
  timeLimitSeconds: z.number().int(),
  attemptsAllowed: z.number().int(),
  attemptsUsed: z.number().int(),
  grading: z.enum(['best', 'last']),
  /** The attempt still open, to resume. */
  openAttemptId: idSchema.nullable(),
  grade: roundGradeSchema.nullable(),
  /** Finished attempts, newest first. */
  attempts: z.array(
    z.object({ attemptId: idSchema, attemptNumber: z.number().int(), score: z.number(), passed: z.boolean(), finishedAt: z.string() }),
  ),
});
export type MemberRound = z.infer<typeof memberRoundSchema>;

export const roundsResultSchema = z.object({ rounds: z.array(memberRoundSchema) });
export type QuizRounds = z.infer<typeof roundsResultSchema>;

/** An attempt in progress as the phone sees it; `answers` are display labels by question id. */
export const playAttemptSchema = z
  .object({
    attemptId: idSchema,
    roundId: idSchema,
    title: z.string(),
    attemptNumber: z.number().int(),
    startedAt: z.string(),
    /** The server's deadline (time limit or round close, whichever first). */
    deadline: z.string(),
    /** The server's clock when this reply was made, so the phone can correct its own. */
    serverNow: z.string(),
    questions: z.array(publicQuestionSchema),
    answers: z.record(z.string(), z.array(labelSchema)),
  })
  .strict();
export type QuizPlayAttempt = z.infer<typeof playAttemptSchema>;

const answerMapSchema = z.record(idSchema, z.array(labelSchema).max(10)).refine((map) => Object.keys(map).length <= 200);

export const answerInputSchema = z
  .object({
    attemptId: idSchema,
    /** Labels per question; an empty list clears an answer. Only the questions sent change. */
    answers: answerMapSchema,
  })
  .strict();

export const answerResultSchema = z.object({
  saved: z.number().int(),
  deadline: z.string(),
  serverNow: z.string(),
});

export const attemptResultSchema = z.object({
  attemptId: idSchema,
  roundId: idSchema,
  score: z.number(),
  maxScore: z.number(),
  passed: z.boolean(),
  passMark: z.number(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** Closed by the server at the deadline with what was saved. */
  closedByDeadline: z.boolean(),
  elapsedSeconds: z.number().int(),
});
export type QuizAttemptResult = z.infer<typeof attemptResultSchema>;

export const submitInputSchema = z
  .object({
    attemptId: idSchema,
    /** Answers not yet saved (the last few taps); applied only while the attempt still takes answers. */
    answers: answerMapSchema.optional(),
    /** How often the quiz page was hidden during the attempt (onHide), counted on the phone: a flag, not a verdict. */
    pageHiddenCount: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();

export const reviewItemSchema = z.object({
  questionId: idSchema,
  type: questionTypeSchema,
  stem: z.string(),
  options: z.array(z.object({ id: labelSchema, text: z.string() })),
  points: z.number(),
  /** Present when the policy shows the member's own answers. */
  yourAnswer: z.array(labelSchema).optional(),
  /** Present when the policy shows correct answers. */
  correctAnswer: z.array(labelSchema).optional(),
  outcome: z.enum(['correct', 'partial', 'wrong', 'unanswered']).optional(),
  earned: z.number().optional(),
  explanation: z.string().optional(),
  citation: z.string().optional(),
});
export type QuizReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewResultSchema = z.object({
  result: attemptResultSchema,
  title: z.string(),
  visibility: z.object({ ownAnswers: z.boolean(), correctAnswers: z.boolean(), explanations: z.boolean() }),
  /** Why some parts are hidden, for the member (e.g. 答题结束后公布答案). */
  notice: z.string().nullable(),
  items: z.array(reviewItemSchema),
});
export type QuizReview = z.infer<typeof reviewResultSchema>;

const attemptRefSchema = z.object({ attemptId: idSchema }).strict();

// ── Member: 错题本 practice ───────────────────────────────────────────────────────────────────────────────────

export const reviewRatingSchema = z.enum(['again', 'hard', 'good', 'easy']);

/** A practice card shows its key: only questions whose keys the member's review may already show become cards. */
export const practiceCardSchema = z.object({
  questionId: idSchema,
  type: questionTypeSchema,
  stem: z.string(),
  options: z.array(z.object({ id: labelSchema, text: z.string() })),
  correctAnswer: z.array(labelSchema),
  explanation: z.string(),
  citation: z.string(),
  /** Times forgotten so far. */
  lapses: z.number().int(),
});
export type QuizPracticeCard = z.infer<typeof practiceCardSchema>;

export const practiceQueueSchema = z.object({
  /** Cards in the 错题本 (every question ever got wrong, until learnt). */
  totalCards: z.number().int(),
  reviewedToday: z.number().int(),
  /** Today's queue, most overdue first, within the daily cap. */
  cards: z.array(practiceCardSchema),
});
export type QuizPracticeQueue = z.infer<typeof practiceQueueSchema>;

// ── Leaderboards ──────────────────────────────────────────────────────────────────────────────────────────────

export const leaderboardSchema = z.object({
  roundId: idSchema,
  title: z.string(),
  /** Branches of the round's subtree, by participation rate (参学率) then average score; ties share a rank. */
  branches: z.array(
    z.object({
      rank: z.number().int().nullable(),
      branchId: idSchema,
      name: z.string(),
      memberCount: z.number().int(),
      participants: z.number().int(),
      participationRate: z.number().nullable(),
      averageScore: z.number().nullable(),
      isMine: z.boolean(),
    }),
  ),
  /** The caller's rank among the members of their branch who finished (null before finishing). */
  myRank: z.object({ rank: z.number().int(), of: z.number().int(), score: z.number() }).nullable(),
});
export type QuizLeaderboard = z.infer<typeof leaderboardSchema>;

// ── Admin: rounds ────────────────────────────────────────────────────────────────────────────────────────────

export const roundQuotaSchema = z
  .object({
    category: plainText(40, { min: 1 }),
    count: z.number().int().min(1).max(200),
    /** Optional difficulty mix (易 1, 中 2, 难 3); its counts must add up to `count`. */
    difficulty: z
      .object({ 1: z.number().int().min(0).optional(), 2: z.number().int().min(0).optional(), 3: z.number().int().min(0).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type QuizRoundQuota = z.infer<typeof roundQuotaSchema>;

export const roundSettingsSchema = z
  .object({
    orgId: idSchema,
    title: plainText(60, { min: 1 }),
    month: monthSchema,
    /** ISO instants; closesAt is exclusive. */
    opensAt: z.string().datetime({ offset: true }),
    closesAt: z.string().datetime({ offset: true }),
    quota: z.array(roundQuotaSchema).min(1).max(30),
    timeLimitSeconds: z
      .number()
      .int()
      .min(60)
      .max(4 * 3600),
    attemptsAllowed: z.number().int().min(1).max(10),
    grading: z.enum(['best', 'last']),
    passMark: z.number().min(0),
    multipleChoice: z.enum(['allOrNothing', 'partial']),
    review: reviewPolicySchema,
  })
  .strict();
export type QuizRoundSettings = z.infer<typeof roundSettingsSchema>;

export const saveRoundInputSchema = roundSettingsSchema.extend({ roundId: idSchema.optional() }).strict();
export type QuizSaveRoundInput = z.infer<typeof saveRoundInputSchema>;

export const adminRoundSchema = roundSettingsSchema.extend({
  roundId: idSchema,
  orgName: z.string(),
  window: z.enum(['upcoming', 'open', 'closed']),
  questionCount: z.number().int(),
  maxScore: z.number(),
  /** Attempts started; once there are any, only the title and a later closesAt may change. */
  attemptCount: z.number().int(),
});
export type QuizAdminRound = z.infer<typeof adminRoundSchema>;

export const adminRoundsSchema = z.object({
  rounds: z.array(adminRoundSchema),
  /** Orgs the admin may publish a round to (their subtree's roots and committees). */
  orgs: z.array(z.object({ id: idSchema, name: z.string() })),
  /** The bank's categories with question counts, for quota rows. */
  categories: z.array(z.object({ category: z.string(), count: z.number().int() })),
});
export type QuizAdminRounds = z.infer<typeof adminRoundsSchema>;

// ── Admin: item analysis ─────────────────────────────────────────────────────────────────────────────────────

export const itemAnalysisSchema = z.object({
  roundId: idSchema,
  title: z.string(),
  attemptsAnalysed: z.number().int(),
  items: z.array(
    z.object({
      questionId: idSchema,
      stem: z.string(),
      category: z.string(),
      citation: z.string(),
      /** Canonical option letters of the key (A…F, or 对/错). */
      key: z.string(),
      examinees: z.number().int(),
      /** 难度（通过率） p */
      facility: z.number(),
      /** 区分度 D; null with too few examinees. */
      discrimination: z.number().nullable(),
      /** Times each option was chosen, by canonical letter (对/错 for true/false). */
      optionCounts: z.record(z.string(), z.number().int()),
      /**
       * The options with their text, letters as in the bank: members saw them shuffled, so the letter a member's
       * review showed may differ; the text is what identifies an option.
       */
      options: z.array(z.object({ id: z.string(), text: z.string() })),
      unanswered: z.number().int(),
      flags: z.array(z.string()),
    }),
  ),
});
export type QuizItemAnalysis = z.infer<typeof itemAnalysisSchema>;

// ── Secretary: the branch's results ──────────────────────────────────────────────────────────────────────────

export const branchResultsSchema = z.object({
  branch: z.object({ id: idSchema, name: z.string() }),
  /** Rounds reaching the branch, newest first; `round` is the one shown. */
  rounds: z.array(z.object({ roundId: idSchema, title: z.string(), month: monthSchema })),
  round: z
    .object({
      roundId: idSchema,
      title: z.string(),
      maxScore: z.number(),
      passMark: z.number(),
      window: z.enum(['upcoming', 'open', 'closed']),
    })
    .nullable(),
  summary: z.object({ members: z.number().int(), participated: z.number().int(), passed: z.number().int() }),
  members: z.array(
    z.object({
      memberId: idSchema,
      name: z.string(),
      attemptsUsed: z.number().int(),
      inProgress: z.boolean(),
      grade: z.object({ score: z.number(), passed: z.boolean() }).nullable(),
      /** 诚信提示 of the graded attempt, in Chinese: flags, not verdicts. */
      flags: z.array(z.string()),
    }),
  ),
});
export type QuizBranchResults = z.infer<typeof branchResultsSchema>;

// ── Admin: the question bank ─────────────────────────────────────────────────────────────────────────────────

/** An uploaded .xlsx: a cloud fileID (weapp) or inline base64 (h5), the same as a roster's. */
export const questionFileSchema = rosterFileSchema;

export const questionImportPreviewSchema = z.object({
  importId: idSchema,
  totalRows: z.number().int(),
  addCount: z.number().int(),
  /** Same stem already in the bank: skipped. */
  duplicateCount: z.number().int(),
  errorCount: z.number().int(),
  toAdd: z.array(
    z.object({
      row: z.number().int(),
      type: questionTypeSchema,
      stem: z.string(),
      category: z.string(),
      answer: z.string(),
      citation: z.string(),
    }),
  ),
  duplicates: z.array(z.object({ row: z.number().int(), stem: z.string() })),
  errors: z.array(importRowErrorSchema),
  canCommit: z.boolean(),
});
export type QuestionImportPreview = z.infer<typeof questionImportPreviewSchema>;

export const bankOverviewSchema = z.object({
  bankOrgId: idSchema,
  total: z.number().int(),
  categories: z.array(z.object({ category: z.string(), count: z.number().int() })),
});
export type QuizBankOverview = z.infer<typeof bankOverviewSchema>;

export const quizContract = defineFunction('quiz', {
  /** 答题 tab: the rounds reaching the member, with attempts used and the grade that counts. */
  rounds: { input: z.object({}).strict().optional(), output: roundsResultSchema },
  /** Resumes the open attempt, or draws a new paper on the server. */
  start: { input: z.object({ roundId: idSchema }).strict(), output: playAttemptSchema },
  /** Autosave: answers so far (a dropped connection loses nothing). */
  answer: { input: answerInputSchema, output: answerResultSchema },
  /** Finishes and scores; a retry returns the same result. */
  submit: { input: submitInputSchema, output: attemptResultSchema },
  /** A finished attempt as the round's review policy allows. */
  review: { input: attemptRefSchema, output: reviewResultSchema },

  /** 错题本: today's practice (not counted in any round). */
  practiceQueue: { input: z.object({}).strict().optional(), output: practiceQueueSchema },
  /** 错题本: how well the member remembered a card; schedules it with FSRS. */
  practiceRate: {
    input: z.object({ questionId: idSchema, rating: reviewRatingSchema }).strict(),
    output: z.object({ questionId: idSchema, due: z.string(), reviewedToday: z.number().int() }),
  },
  /** 排行榜: branches of the round's subtree and the member's own rank in their branch. */
  leaderboard: { input: z.object({ roundId: idSchema }).strict(), output: leaderboardSchema },
  /** 支部书记: each member's grade in a round, with fair-play flags. */
  branchResults: {
    input: z.object({ roundId: idSchema.optional(), branchId: idSchema.optional() }).strict().optional(),
    output: branchResultsSchema,
  },
  /** 试题分析 (admin): per question of a round, facility, discrimination, option choices, flags. */
  itemAnalysis: { input: z.object({ roundId: idSchema }).strict(), output: itemAnalysisSchema },
  /** 答题活动 (admin): rounds published in the admin's subtree, newest first. */
  listRounds: { input: z.object({}).strict().optional(), output: adminRoundsSchema },
  /** 答题活动 (admin): creates or edits a round; a quota the bank can't meet is refused (QUIZ.DRAW_IMPOSSIBLE). */
  saveRound: { input: saveRoundInputSchema, output: z.object({ round: adminRoundSchema }) },
  /** 题库 (admin): questions per category of the admin's bank. */
  bankOverview: { input: z.object({}).strict().optional(), output: bankOverviewSchema },
  questionTemplate: {
    input: z.object({}).strict().optional(),
    output: z.object({ fileID: z.string(), url: z.string(), fileName: z.string() }),
  },
  /** Reads the sheet and checks every row; nothing enters the bank. */
  importPreview: { input: z.object({ file: questionFileSchema }).strict(), output: questionImportPreviewSchema },
  /** Writes exactly the previewed questions, all or nothing; a retry changes nothing. */
  importCommit: { input: z.object({ importId: idSchema }).strict(), output: z.object({ importId: idSchema, added: z.number().int() }) },
});
