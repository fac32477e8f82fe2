import type { statsContract } from '@zbxx/contracts';
import { emptyTotals, monthOf } from '@zbxx/domain';
import { orgsRepo, type FunctionHandler, type OrgDoc } from '@zbxx/server';
import { orgRef, resolveAdminNode } from '../admin-node';
import { nodeMonthTotals } from '../node-month';
import { rollupRow } from '../rollup-rows';
import { effectiveSettings } from '../settings';

const byOrder = (a: OrgDoc, b: OrgDoc) => a.order - b.order || a.name.localeCompare(b.name, 'zh-Hans-CN');

/**
 * 组织部: a node's month rolled up per child against the subtree's thresholds. Admins only, inside their
 * subtree. Retired children show only when members counted there that month. About 12 requests whatever the
 * subtree's size.
 */
export const rollup: FunctionHandler<typeof statsContract, 'rollup'> = async (input, { caller, db, now }) => {
  const { node, path } = await resolveAdminNode(db, caller, input?.nodeId);
  const month = input?.month ?? monthOf(now);
  const [ancestors, children, settings, totals] = await Promise.all([
    orgsRepo.findOrgsByIds(db, node.ancestors),
    node.type === 'branch' ? Promise.resolve([]) : orgsRepo.findChildren(db, node._id),
    effectiveSettings(db, path),
    nodeMonthTotals(db, node, path, month, now),
  ]);
  const { thresholds } = settings;
  const ancestorById = new Map(ancestors.map((org) => [org._id, org]));
  const shown = children.filter((child) => !child.retiredAt || (totals.byChild.get(child._id)?.members ?? 0) > 0).sort(byOrder);
  return {
    month,
    node: orgRef(node),
    path: [...node.ancestors.flatMap((id) => (ancestorById.has(id) ? [orgRef(ancestorById.get(id)!)] : [])), orgRef(node)],
    thresholds,
    total: rollupRow(node, totals.total, thresholds),
    children: shown.map((child) => rollupRow(child, totals.byChild.get(child._id) ?? emptyTotals(), thresholds)),
  };
};
