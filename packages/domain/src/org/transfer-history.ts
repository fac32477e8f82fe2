/**
 * 组织关系转接: a member's branch over time. Each transfer records the branch left and the branch joined;
 * a record made at a given instant counts for the branch the member belonged to then.
 */
export interface TransferRecord {
  at: Date;
  fromBranchId: string;
  toBranchId: string;
}

/** The branch a member belonged to at `at`, given their current branch and their transfers (any order). */
export function branchAt(currentBranchId: string, transfers: readonly TransferRecord[], at: Date): string {
  const later = transfers.filter((t) => t.at.getTime() > at.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
  // The first transfer after `at` tells where the member was at `at`.
  return later[0]?.fromBranchId ?? currentBranchId;
}
