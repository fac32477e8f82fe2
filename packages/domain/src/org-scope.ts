/**
 * The org tree (county 组织部 → 党委/党工委 → 党总支 → 党支部) is stored with each node's ancestor ids, from the
 * county down, so "is X inside Y's subtree" is an array lookup instead of a walk up the tree.
 */
export interface OrgNodeRef {
  id: string;
  /** Ancestor ids from the root down, excluding the node itself. */
  ancestors: readonly string[];
}

/** Ids from the root down to and including the node. */
export function orgPathOf(node: OrgNodeRef): string[] {
  return [...node.ancestors, node.id];
}

/** True when `node` is `rootId` itself or lies below it. */
export function isInSubtree(node: OrgNodeRef, rootId: string): boolean {
  return node.id === rootId || node.ancestors.includes(rootId);
}

/** True when an org path (root … branch, as stored on members) passes through `rootId`. */
export function isPathInSubtree(orgPath: readonly string[], rootId: string): boolean {
  return orgPath.includes(rootId);
}
