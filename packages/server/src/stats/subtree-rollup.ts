import { emptyTotals, memberStatusStages, totalsGroupStage, TOTALS_FIELDS, type GroupTotals, type MonthRequirements } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db } from '../db';
import { runPipeline, type Stage } from './aggregate';
import { findLeaverIds, memberFactsStages, type FactsTarget } from './member-facts';

export interface RollupTarget extends FactsTarget {
  /** How many ids precede the node on an org path (its ancestors): its children sit at `depth + 1`. */
  depth: number;
  req: MonthRequirements;
}

// A node has at most a few hundred children (a county's committees, a committee's branches).
const MAX_GROUPS = 2000;

/**
 * (b) Month totals of a subtree grouped by `groupKey` (an expression over a member's counting facts): 2 requests
 * whatever the subtree's size, the second a single pipeline that returns one row per group.
 */
export async function totalsGroupedBy(
  db: Db,
  target: FactsTarget & { req: MonthRequirements },
  groupKey: unknown,
): Promise<Map<string | null, GroupTotals>> {
  const leavers = await findLeaverIds(db, target.nodeId, target.month);
  const rows = await runPipeline(db, COLLECTIONS.members, [
    ...memberFactsStages(null, target, leavers),
    ...memberStatusStages(target.req),
    totalsGroupStage(groupKey),
    { $limit: MAX_GROUPS },
  ] satisfies Stage[]);
  const byGroup = new Map<string | null, GroupTotals>();
  for (const row of rows) {
    const totals = emptyTotals();
    for (const field of TOTALS_FIELDS) totals[field] = Number(row[field] ?? 0);
    byGroup.set(row._id === null || row._id === undefined ? null : String(row._id), totals);
  }
  return byGroup;
}

/** By the node's children (the child on each member's counting path; a branch node has none: one null group). */
export function rollUpByChild(db: Db, target: RollupTarget): Promise<Map<string | null, GroupTotals>> {
  return totalsGroupedBy(db, target, { $ifNull: [{ $arrayElemAt: ['$orgPath', target.depth + 1] }, null] });
}
