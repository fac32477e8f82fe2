import { statsContract, type ActionInput, type MatrixFilter, type Thresholds } from '@zbxx/contracts';
import { invokeFunction } from './invoke-function';
import { callAction, createCaller } from './transport';

type Input<K extends keyof (typeof statsContract)['actions'] & string> = ActionInput<typeof statsContract, K>;

/**
 * An export step works for up to about 20 s and the step that writes the file can take longer (the function
 * may run up to 60 s), so export calls get a caller that waits longer than the usual 15 s.
 */
const callSlowAction = createCaller({ invoke: invokeFunction, timeoutMs: 75_000, readBackoffMs: [] });

const defined = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** 完成情况、催学与统计导出, typed by the contract. 催学 and 订阅 carry one requestId per tap, so a retry counts nothing twice. */
export const statsService = {
  // 支部书记 (own branch) / 组织部 (a branch of the subtree)
  branchMatrix: (input: { branchId?: string; month?: string; filter?: MatrixFilter }) =>
    callAction(statsContract, 'branchMatrix', defined(input)),
  memberDetail: (memberId: string, month?: string) => callAction(statsContract, 'memberDetail', defined({ memberId, month })),
  remind: (input: Omit<Input<'remind'>, 'requestId'>, requestId: string) =>
    callAction(statsContract, 'remind', { ...defined(input), requestId }, { write: true, requestId }),
  remindLog: (input: { branchId?: string; month?: string }) => callAction(statsContract, 'remindLog', defined(input)),
  shareCard: (input: { branchId?: string; month?: string }) => callAction(statsContract, 'shareCard', defined(input)),
  // 党员
  /** One consent, counted once even if the reply was lost and the person taps again with the same requestId. */
  subscribe: (results: Input<'subscribe'>['results'], requestId: string) =>
    callAction(statsContract, 'subscribe', { results, requestId }, { write: true, requestId }),
  subscription: () => callAction(statsContract, 'subscription', undefined),
  // 组织部
  rollup: (input: { nodeId?: string; month?: string }) => callAction(statsContract, 'rollup', defined(input)),
  /** 1–12 months ending at `endMonth`: a long trend is asked for a few months at a time (use-trend.ts). */
  trend: (input: { nodeId?: string; months: number; endMonth?: string }) => callAction(statsContract, 'trend', defined(input)),
  thresholds: (nodeId?: string) => callAction(statsContract, 'thresholds', defined({ nodeId })),
  saveThresholds: (input: { nodeId: string; thresholds: Thresholds; reminderDays: number[] }) =>
    callAction(statsContract, 'saveThresholds', input, { write: true }),
  /** Starts the export job of this requestId (or finds it again) and does its first step. */
  exportWorkbook: (input: { nodeId?: string; fromMonth: string; toMonth: string }, requestId: string) =>
    callSlowAction(statsContract, 'exportWorkbook', { ...defined(input), requestId }, { write: true, requestId }),
  /** The job's next step: safe to repeat (a step in progress answers where the job stands). */
  exportStep: (exportId: string) => callSlowAction(statsContract, 'exportStep', { exportId }),
};

export type StatsService = typeof statsService;
