import type { statsContract } from '@zbxx/contracts';
import type { FunctionHandler } from '@zbxx/server';
import { ownJob, stepExport } from '../export/export-steps';

/** The next step of the caller's own export job (see export/export-steps.ts); a done job answers its file again. */
export const exportStep: FunctionHandler<typeof statsContract, 'exportStep'> = async ({ exportId, stepBudgetMs }, { caller, db, now }) =>
  stepExport(await ownJob(db, caller, exportId), { db, now, budgetMs: stepBudgetMs });
