import type { OrgNodeRef } from '../org-scope';

/** Node kinds, top down: 组织部 → 党委/党工委 → 党总支 → 党支部. */
export type OrgKind = 'county' | 'committee' | 'general' | 'branch';

const DEPTH: Record<OrgKind, number> = { county: 0, committee: 1, general: 2, branch: 3 };

/** A 党委 may hold 党总支 and 党支部 directly; a 党总支 only 党支部; a 党支部 nothing. */
export function canContain(parent: OrgKind, child: OrgKind): boolean {
  return child !== 'county' && DEPTH[child] > DEPTH[parent];
}

export type MoveCheck = { ok: true } | { ok: false; reason: 'into-itself' | 'kind' | 'same-parent' };

/** Whether `node` may move under `newParent` (never into its own subtree, kinds must nest). */
export function checkMove(
  node: OrgNodeRef & { type: OrgKind; parentId: string | null },
  newParent: OrgNodeRef & { type: OrgKind },
): MoveCheck {
  if (newParent.id === node.id || newParent.ancestors.includes(node.id)) return { ok: false, reason: 'into-itself' };
  if (!canContain(newParent.type, node.type)) return { ok: false, reason: 'kind' };
  if (node.parentId === newParent.id) return { ok: false, reason: 'same-parent' };
  return { ok: true };
}

/**
 * A node's or descendant's ancestors after `movedId` moves under a parent whose path (root … parent) is
 * `newParentPath`: the part above the moved node is replaced, the part below is kept.
 */
export function rebaseAncestors(ancestors: readonly string[], movedId: string, newParentPath: readonly string[]): string[] {
  const at = ancestors.indexOf(movedId);
  if (at < 0) return [...newParentPath];
  return [...newParentPath, ...ancestors.slice(at)];
}

/** Ids from the root down to and including the node, for a node after a move (see rebaseAncestors). */
export function rebasedPath(node: OrgNodeRef, movedId: string, newParentPath: readonly string[]): string[] {
  if (node.id === movedId) return [...newParentPath, node.id];
  return [...rebaseAncestors(node.ancestors, movedId, newParentPath), node.id];
}
