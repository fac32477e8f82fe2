import { emptyTotals, mergeTotals, type GroupTotals } from '@zbxx/domain';
import { loadMonthRequirements, rollUpByChild, type Db, type OrgDoc } from '@zbxx/server';

/** A node's month totals by child (null: members sitting directly at the node, i.e. a branch) and overall. */
export interface NodeMonthTotals {
  byChild: Map<string | null, GroupTotals>;
  total: GroupTotals;
}

/** One roll-up of a subtree for a month: the month's requirements (3–5 requests) then 2 for the totals. */
export async function nodeMonthTotals(db: Db, node: OrgDoc, path: readonly string[], month: string, now: Date): Promise<NodeMonthTotals> {
  const isBranch = node.type === 'branch';
  const { req, requiredMaterialIds, roundIds } = await loadMonthRequirements(db, { nodeId: node._id, nodePath: path, isBranch }, month);
  const byChild = await rollUpByChild(db, { month, nodeId: node._id, depth: path.length - 1, requiredMaterialIds, roundIds, req, now });
  const total = [...byChild.values()].reduce(mergeTotals, emptyTotals());
  return { byChild, total };
}
