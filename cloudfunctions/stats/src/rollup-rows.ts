import type { RollupRow, Thresholds } from '@zbxx/contracts';
import { belowThresholds, ratesOf, type GroupTotals } from '@zbxx/domain';
import type { OrgDoc } from '@zbxx/server';
import { orgRef } from './admin-node';

/** A roll-up row: the counts, the rates they give and the rates under their threshold. */
export function rollupRow(org: OrgDoc, totals: GroupTotals, thresholds: Thresholds): RollupRow {
  const rates = ratesOf(totals);
  return { org: { ...orgRef(org), retired: Boolean(org.retiredAt) }, totals, rates, below: belowThresholds(rates, thresholds) };
}
