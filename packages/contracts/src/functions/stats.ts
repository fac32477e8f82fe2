import * as z from 'zod';
import { defineFunction } from '../define';
import { idSchema, monthSchema, orgRefSchema } from '../common';
import { attendanceStateSchema } from './checkin';

/**
 * Month completion (完成情况), 催学 reminders and statistics exports. A member's month is complete when every
 * required material is read, every quiz round that reaches them is passed, and the 主题党日 was attended
 * (出席 / 迟到) or made up (补学); a task nobody set is "not required". The rule itself lives in
 * `@zbxx/domain` (stats/month-completion); these schemas only carry its results.
 * Rates are fractions 0–1, null when nobody was asked (the denominator is 0). Times travel as ISO strings.
 */

const isoSchema = z.string().datetime({ offset: true });

export const TASK_KINDS = ['study', 'quiz', 'partyDay'] as const;
export const taskKindSchema = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof taskKindSchema>;

/** The subscribe-message template of 催学 (configured in the WeChat console). */
export const STUDY_REMINDER_TEMPLATE_ID = 'tmpl-study-reminder';

// ── One member's month ──────────────────────────────────────────────────────────────────────────────────────

export const studyCellSchema = z.object({
  /** notRequired: no published plan with required materials reaches the member this month. */
  status: z.enum(['notRequired', 'notStarted', 'inProgress', 'done']),
  done: z.number().int().min(0),
  required: z.number().int().min(0),
});

export const quizCellSchema = z.object({
  /** notTaken: no finished attempt yet; failed: finished below the pass mark (may still retry). */
  status: z.enum(['notRequired', 'notTaken', 'failed', 'passed']),
  /** The graded score (best or last attempt, per round policy); the mean over rounds when several. */
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
});

export const partyDayCellSchema = z.object({
  /** notRequired: no 主题党日 of the member's branch this month. Otherwise the best attendance state. */
  status: z.union([z.literal('notRequired'), attendanceStateSchema]),
  /** A record of the month shows the member deciding on their own attendance (a secretary marking themselves). */
  selfMade: z.boolean().optional(),
});

export const memberMonthRowSchema = z.object({
  memberId: idSchema,
  name: z.string(),
  duty: z.string(),
  study: studyCellSchema,
  quiz: quizCellSchema,
  partyDay: partyDayCellSchema,
  complete: z.boolean(),
  /** The required tasks still open, in TASK_KINDS order. */
  missing: z.array(taskKindSchema),
  /** Last 催学 sent to this member (any month), or null. */
  lastRemindedAt: isoSchema.nullable(),
  /** Whether the member currently has a consent (one-time subscription) that a reminder could use. */
  canRemind: z.boolean(),
});
export type MemberMonthRow = z.infer<typeof memberMonthRowSchema>;

// ── Rates of a group (a branch, a subtree) ──────────────────────────────────────────────────────────────────

export const rateMetricSchema = z.enum(['study', 'quizParticipation', 'quizPass', 'partyDay', 'completion']);
export type RateMetric = z.infer<typeof rateMetricSchema>;

export const groupTotalsSchema = z.object({
  members: z.number().int().min(0),
  /** Members asked to study / answer / attend (a task reaches them), and how many did. */
  studyRequired: z.number().int().min(0),
  studyDone: z.number().int().min(0),
  quizRequired: z.number().int().min(0),
  quizTaken: z.number().int().min(0),
  quizPassed: z.number().int().min(0),
  /** Sum of graded scores of those who took it (for the mean). */
  quizScoreSum: z.number().min(0),
  partyDayRequired: z.number().int().min(0),
  /** 出席 + 迟到 */
  partyDayAttended: z.number().int().min(0),
  partyDayLate: z.number().int().min(0),
  partyDayExcused: z.number().int().min(0),
  partyDayMadeUp: z.number().int().min(0),
  /** 缺席: only once the event was closed or had ended (口径: packages/domain/src/stats/FIGURES.md). */
  partyDayAbsent: z.number().int().min(0),
  /** 未签到 / 请假待审批 while the event is ahead or running: neither done nor missed yet. */
  partyDayPending: z.number().int().min(0),
  complete: z.number().int().min(0),
});
export type GroupTotals = z.infer<typeof groupTotalsSchema>;

export const groupRatesSchema = z.object({
  /** studyDone / studyRequired */
  study: z.number().min(0).max(1).nullable(),
  /** quizTaken / quizRequired */
  quizParticipation: z.number().min(0).max(1).nullable(),
  /** quizPassed / quizTaken (合格率 among those who answered) */
  quizPass: z.number().min(0).max(1).nullable(),
  /** quizScoreSum / quizTaken */
  quizAverageScore: z.number().min(0).nullable(),
  /** (attended + madeUp) / partyDayRequired */
  partyDay: z.number().min(0).max(1).nullable(),
  /** complete / members */
  completion: z.number().min(0).max(1).nullable(),
});
export type GroupRates = z.infer<typeof groupRatesSchema>;

/** Percentages 0–100 below which a rate is highlighted; default 80 each, configurable per subtree. */
export const thresholdsSchema = z
  .object({
    study: z.number().int().min(0).max(100),
    quizParticipation: z.number().int().min(0).max(100),
    quizPass: z.number().int().min(0).max(100),
    partyDay: z.number().int().min(0).max(100),
    completion: z.number().int().min(0).max(100),
  })
  .strict();
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const rollupRowSchema = z.object({
  org: orgRefSchema.extend({ retired: z.boolean() }),
  totals: groupTotalsSchema,
  rates: groupRatesSchema,
  /** The rates under their threshold. */
  below: z.array(rateMetricSchema),
});
export type RollupRow = z.infer<typeof rollupRowSchema>;

const monthTasksSchema = z.object({
  materials: z.array(z.object({ materialId: idSchema, title: z.string() })),
  rounds: z.array(z.object({ roundId: idSchema, title: z.string(), passMark: z.number(), maxScore: z.number() })),
  events: z.array(z.object({ eventId: idSchema, theme: z.string(), startsAt: isoSchema, closedAt: isoSchema.nullable() })),
});

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────────────────────

const branchMonthInput = z
  .object({
    /** Default: the secretary's own branch. Admins name a branch in their subtree. */
    branchId: idSchema.optional(),
    /** Default: the current month (Asia/Shanghai). */
    month: monthSchema.optional(),
  })
  .strict();

export const matrixFilterSchema = z.enum(['all', 'incomplete', 'study', 'quiz', 'partyDay']);
export type MatrixFilter = z.infer<typeof matrixFilterSchema>;

export const branchMatrixInputSchema = branchMonthInput
  .extend({
    /** incomplete: anything missing; study / quiz / partyDay: that task missing. */
    filter: matrixFilterSchema.default('all'),
  })
  .strict();

export const branchMatrixResultSchema = z.object({
  month: monthSchema,
  branch: orgRefSchema.extend({ retired: z.boolean() }),
  tasks: monthTasksSchema,
  /** Whole branch, whatever the filter. */
  totals: groupTotalsSchema,
  rates: groupRatesSchema,
  /** Filtered rows, ordered by name. */
  members: z.array(memberMonthRowSchema),
});
export type BranchMatrix = z.infer<typeof branchMatrixResultSchema>;

export const memberDetailInputSchema = z.object({ memberId: idSchema, month: monthSchema.optional() }).strict();

export const memberDetailResultSchema = z.object({
  month: monthSchema,
  member: z.object({ memberId: idSchema, name: z.string(), duty: z.string(), branch: orgRefSchema }),
  row: memberMonthRowSchema,
  study: z.array(
    z.object({ materialId: idSchema, title: z.string(), percent: z.number().int().min(0).max(100), completedAt: isoSchema.nullable() }),
  ),
  quiz: z.array(
    z.object({
      roundId: idSchema,
      title: z.string(),
      passMark: z.number(),
      maxScore: z.number(),
      attempts: z.array(
        z.object({
          attemptNumber: z.number().int(),
          score: z.number().nullable(),
          passed: z.boolean().nullable(),
          finishedAt: isoSchema.nullable(),
        }),
      ),
    }),
  ),
  partyDay: z.array(
    z.object({
      eventId: idSchema,
      theme: z.string(),
      startsAt: isoSchema,
      branchName: z.string(),
      state: attendanceStateSchema,
      checkedInAt: isoSchema.nullable(),
    }),
  ),
  reminders: z.array(z.object({ sentAt: isoSchema, missing: z.array(taskKindSchema), by: z.enum(['secretary', 'schedule']) })),
});
export type MemberDetail = z.infer<typeof memberDetailResultSchema>;

export const remindInputSchema = branchMonthInput
  .extend({
    /** Default: every member of the branch with a task missing. Others named here are skipped as complete. */
    memberIds: z.array(idSchema).max(1000).optional(),
    /** Makes a retried request harmless (the same reply, nothing sent twice). */
    requestId: idSchema,
  })
  .strict();

export const REMIND_OUTCOMES = ['sent', 'alreadyToday', 'noConsent', 'complete', 'notBound', 'failed'] as const;
export const remindResultSchema = z.object({
  month: monthSchema,
  counts: z.record(z.enum(REMIND_OUTCOMES), z.number().int().min(0)),
  results: z.array(z.object({ memberId: idSchema, name: z.string(), outcome: z.enum(REMIND_OUTCOMES) })),
});
export type RemindResult = z.infer<typeof remindResultSchema>;

export const remindLogResultSchema = z.object({
  entries: z.array(
    z.object({
      memberId: idSchema,
      name: z.string(),
      sentAt: isoSchema,
      month: monthSchema,
      missing: z.array(taskKindSchema),
      by: z.enum(['secretary', 'schedule']),
    }),
  ),
});

/** The text of a card for the branch's WeChat group: only the branch's own figures and members. */
export const shareCardResultSchema = z.object({
  month: monthSchema,
  branchName: z.string(),
  title: z.string(),
  lines: z.array(z.string()),
  rates: groupRatesSchema,
});
export type ShareCard = z.infer<typeof shareCardResultSchema>;

export const subscribeInputSchema = z
  .object({
    /** What `requestSubscribeMessage` answered per template: accept / reject / ban / filter. */
    results: z.record(z.string().min(1).max(64), z.enum(['accept', 'reject', 'ban', 'filter'])),
    /** Makes a retried request harmless: its consent is counted once. */
    requestId: idSchema,
  })
  .strict();
export const subscriptionResultSchema = z.object({
  /** Unused one-time consents for 催学 (each allows one message). */
  credits: z.number().int().min(0),
});

const nodeMonthInput = z
  .object({
    /** Default: the root of the admin's (first) subtree. */
    nodeId: idSchema.optional(),
    month: monthSchema.optional(),
  })
  .strict();

export const rollupInputSchema = nodeMonthInput;
export const rollupResultSchema = z.object({
  month: monthSchema,
  node: orgRefSchema,
  /** From the county down to the node, for breadcrumbs. */
  path: z.array(orgRefSchema),
  thresholds: thresholdsSchema,
  total: rollupRowSchema,
  /** The node's children (retired ones only when they had members that month), each rolled up over its subtree. */
  children: z.array(rollupRowSchema),
});
export type Rollup = z.infer<typeof rollupResultSchema>;

export const trendInputSchema = z
  .object({
    nodeId: idSchema.optional(),
    /** 1–12 months ending at `endMonth`: a client draws a long trend in batches of a few months, one call each. */
    months: z.number().int().min(1).max(12).default(6),
    endMonth: monthSchema.optional(),
  })
  .strict();
export const trendResultSchema = z.object({
  node: orgRefSchema,
  thresholds: thresholdsSchema,
  /** Oldest first. */
  points: z.array(z.object({ month: monthSchema, totals: groupTotalsSchema, rates: groupRatesSchema })),
});
export type Trend = z.infer<typeof trendResultSchema>;

export const thresholdsInputSchema = z.object({ nodeId: idSchema.optional() }).strict();
export const thresholdsResultSchema = z.object({
  node: orgRefSchema,
  thresholds: thresholdsSchema,
  /** Where the values come from: this node, an ancestor, or the default (80). */
  source: z.enum(['node', 'ancestor', 'default']),
  /** Days of the month (1–28) the scheduled 催学 runs in this subtree. */
  reminderDays: z.array(z.number().int().min(1).max(28)),
});
export const saveThresholdsInputSchema = z
  .object({
    nodeId: idSchema,
    thresholds: thresholdsSchema,
    reminderDays: z.array(z.number().int().min(1).max(28)).max(10),
  })
  .strict();

/** At most this much work per call by default; a caller may ask for smaller steps (tests force many of them). */
export const EXPORT_STEP_BUDGET_MS = 20_000;
const stepBudgetSchema = z.number().int().min(0).max(EXPORT_STEP_BUDGET_MS).optional();

/**
 * An export is a job: `exportWorkbook` starts it (the same requestId answers the same job) and does its first
 * step; `exportStep` does the next ones until the answer is `done`. Small scopes are done in the first call.
 */
export const exportInputSchema = z
  .object({
    nodeId: idSchema.optional(),
    fromMonth: monthSchema,
    toMonth: monthSchema,
    /** One per 生成 tap, kept for 重试: a retry finds the job its lost reply started. */
    requestId: idSchema,
    stepBudgetMs: stepBudgetSchema,
  })
  .strict()
  .refine((v) => v.fromMonth <= v.toMonth, { message: '起始月份不能晚于结束月份', path: ['fromMonth'] });
export const exportStepInputSchema = z.object({ exportId: idSchema, stepBudgetMs: stepBudgetSchema }).strict();

export const exportResultSchema = z.object({
  fileId: z.string(),
  /** Temporary download link (valid for a few hours). */
  url: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

/** Units of work done of the plan's total, and what comes next (e.g. 党员明细 2026-03 第2页). */
export const exportProgressSchema = z.object({ done: z.number().int().min(0), total: z.number().int().min(1), label: z.string() });
export type ExportProgress = z.infer<typeof exportProgressSchema>;
export const exportJobSchema = z.discriminatedUnion('status', [
  z.object({ exportId: idSchema, status: z.literal('running'), progress: exportProgressSchema }),
  exportResultSchema.extend({ exportId: idSchema, status: z.literal('done'), progress: exportProgressSchema }),
]);
export type ExportJob = z.infer<typeof exportJobSchema>;

export const statsContract = defineFunction('stats', {
  // secretary (own branch) or admin (a branch in the subtree)
  branchMatrix: { input: branchMatrixInputSchema.optional(), output: branchMatrixResultSchema },
  memberDetail: { input: memberDetailInputSchema, output: memberDetailResultSchema },
  remind: { input: remindInputSchema, output: remindResultSchema },
  remindLog: { input: branchMonthInput.optional(), output: remindLogResultSchema },
  shareCard: { input: branchMonthInput.optional(), output: shareCardResultSchema },
  // member
  subscribe: { input: subscribeInputSchema, output: subscriptionResultSchema },
  subscription: { input: z.object({}).strict().optional(), output: subscriptionResultSchema },
  // admin (own subtree)
  rollup: { input: rollupInputSchema.optional(), output: rollupResultSchema },
  trend: { input: trendInputSchema.optional(), output: trendResultSchema },
  thresholds: { input: thresholdsInputSchema.optional(), output: thresholdsResultSchema },
  saveThresholds: { input: saveThresholdsInputSchema, output: thresholdsResultSchema },
  exportWorkbook: { input: exportInputSchema, output: exportJobSchema },
  exportStep: { input: exportStepInputSchema, output: exportJobSchema },
});
