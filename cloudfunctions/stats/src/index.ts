import { statsContract } from '@zbxx/contracts';
import { createFunction } from '@zbxx/server';
import { branchMatrix } from './actions/branch-matrix';
import { exportStep } from './actions/export-step';
import { exportWorkbook } from './actions/export-workbook';
import { memberDetail } from './actions/member-detail';
import { rollup } from './actions/rollup';
import { saveThresholds, thresholds } from './actions/thresholds';
import { trend } from './actions/trend';
import { dailyTimer } from './daily-timer';
import { remind, remindLog, shareCard, subscribe, subscription } from './reminders';

/** 完成情况统计: branch matrices and 催学 for secretaries, roll-ups, trends, thresholds and exports for the 组织部. */
export const main = createFunction(
  statsContract,
  {
    branchMatrix,
    memberDetail,
    remind,
    remindLog,
    shareCard,
    subscribe,
    subscription,
    rollup,
    trend,
    thresholds,
    saveThresholds,
    exportWorkbook,
    exportStep,
  },
  { onTimer: (ctx) => dailyTimer(ctx) },
);
