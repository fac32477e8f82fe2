import { memberMonthStatus, type MemberMonthStatus } from '@zbxx/domain';
import { findBranchMonthFacts, loadMonthRequirements, type Db, type MemberFactsRow, type OrgDoc } from '@zbxx/server';

export interface MemberMonthLine extends MemberFactsRow {
  status: MemberMonthStatus;
}

/**
 * Every member counting in the branch for the month with their month status (the domain's one rule), from the
 * stats month-facts queries: a constant number of requests whatever the branch's size.
 */
export async function branchMonthLines(
  db: Db,
  branch: OrgDoc,
  branchPath: readonly string[],
  month: string,
  now: Date,
): Promise<MemberMonthLine[]> {
  const { req, requiredMaterialIds, roundIds } = await loadMonthRequirements(
    db,
    { nodeId: branch._id, nodePath: branchPath, isBranch: true },
    month,
  );
  const facts = await findBranchMonthFacts(db, { month, nodeId: branch._id, requiredMaterialIds, roundIds, now });
  return facts.map((row) => ({ ...row, status: memberMonthStatus(row, req) }));
}
