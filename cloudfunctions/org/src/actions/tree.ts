import type { orgContract } from '@zbxx/contracts';
import { membersRepo, orgsRepo, type FunctionHandler, type OrgDoc } from '@zbxx/server';
import { outermostRoots, requireStaff } from '../access';
import { toOrgNode } from '../views';

/**
 * 组织树: an admin's subtrees (a secretary's branches), with member counts per node. Per root: the root, its
 * descendants (one indexed query on `ancestors`) and one aggregate for the counts, whatever the size.
 */
export const tree: FunctionHandler<typeof orgContract, 'tree'> = async ({ includeRetired }, { caller, db }) => {
  const me = requireStaff(caller);
  const rootIds = me.scope.adminOf.length > 0 ? me.scope.adminOf : me.scope.secretaryOf;
  const roots = outermostRoots(me, await orgsRepo.findOrgsByIds(db, rootIds));
  const subtrees = await Promise.all(
    roots.map(async (root) => {
      const [descendants, counts] = await Promise.all([
        root.type === 'branch' ? Promise.resolve([] as OrgDoc[]) : orgsRepo.findDescendants(db, root._id),
        membersRepo.countMembersPerOrg(db, root._id, 5000),
      ]);
      return [root, ...descendants].map((org) => toOrgNode(org, counts));
    }),
  );
  const nodes = subtrees.flat().filter((node) => includeRetired || !node.retired);
  nodes.sort((a, b) => a.ancestors.length - b.ancestors.length || a.order - b.order || a.id.localeCompare(b.id));
  return { roots: roots.map((root) => root._id), nodes };
};
