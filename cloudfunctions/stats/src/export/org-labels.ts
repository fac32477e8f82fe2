import { orgPathOf } from '@zbxx/domain';
import { AppError, orgsRepo, type Db, type OrgDoc } from '@zbxx/server';

export interface BranchLabel {
  branchId: string;
  name: string;
  /** Names below the county down to the branch's parent (党委 / 党总支). */
  parents: string[];
  retired: boolean;
  /** Sibling positions from the county down: branches sort as the tree lists them. */
  sortKey: number[];
}

/**
 * Names of the node's subtree for the sheets: 2 requests (the node's ancestors, then its descendants, which a
 * county's ~700 nodes fit in one page of).
 */
export class OrgLabels {
  private constructor(
    private readonly byId: ReadonlyMap<string, OrgDoc>,
    readonly node: OrgDoc,
  ) {}

  static async load(db: Db, node: OrgDoc): Promise<OrgLabels> {
    const [ancestors, descendants] = await Promise.all([
      orgsRepo.findOrgsByIds(db, node.ancestors),
      orgsRepo.findDescendants(db, node._id),
    ]);
    return new OrgLabels(new Map([...ancestors, node, ...descendants].map((org) => [org._id, org])), node);
  }

  /** Every org id of the subtree, the node included. */
  subtreeIds(): Set<string> {
    return new Set(
      [...this.byId.values()].filter((org) => org._id === this.node._id || org.ancestors.includes(this.node._id)).map((org) => org._id),
    );
  }

  nameOf(orgId: string): string {
    return this.byId.get(orgId)?.name ?? '（已删除的党组织）';
  }

  branch(branchId: string): BranchLabel {
    const org = this.byId.get(branchId);
    if (!org) return { branchId, name: this.nameOf(branchId), parents: [], retired: false, sortKey: [Number.MAX_SAFE_INTEGER] };
    const path = orgPathOf({ id: org._id, ancestors: org.ancestors });
    return {
      branchId,
      name: org.name,
      parents: path.slice(1, -1).map((id) => this.nameOf(id)),
      retired: org.retiredAt !== undefined && org.retiredAt !== null,
      sortKey: path.slice(1).map((id) => this.byId.get(id)?.order ?? Number.MAX_SAFE_INTEGER),
    };
  }
}

export function compareSortKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The labels of a job's node, read again by id (3 requests): the node may have been renamed since the start. */
export async function loadOrgLabels(db: Db, nodeId: string): Promise<OrgLabels> {
  const node = await orgsRepo.getOrg(db, nodeId);
  if (!node) throw new AppError('NOT_FOUND', '没有找到这个组织');
  return OrgLabels.load(db, { ...node, _id: nodeId });
}
