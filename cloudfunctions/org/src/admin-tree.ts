import { normalizeOrgName } from '@zbxx/domain';
import { orgsRepo, type BoundCaller, type Db, type OrgDoc } from '@zbxx/server';
import { outermostRoots } from './access';

/** Every node an admin administers (roots and descendants): 1 + 1 request per subtree root. */
export async function loadAdminOrgs(db: Db, me: BoundCaller): Promise<OrgDoc[]> {
  const roots = outermostRoots(me, await orgsRepo.findOrgsByIds(db, me.scope.adminOf));
  const descendants = await Promise.all(roots.map((root) => orgsRepo.findDescendants(db, root._id)));
  return [...roots, ...descendants.flat()];
}

/**
 * A branch's name as a sheet writes it: from below the admin's root down ("城关镇党委/东关社区党支部"), which
 * the importer resolves whether or not the name alone is unique.
 */
export function branchPathNames(orgs: readonly OrgDoc[], rootIds: readonly string[]): Map<string, string> {
  const byId = new Map(orgs.map((org) => [org._id, org]));
  const paths = new Map<string, string>();
  for (const org of orgs) {
    if (org.type !== 'branch') continue;
    const below = org.ancestors.filter((id) => byId.has(id) && !rootIds.includes(id));
    paths.set(org._id, [...below.map((id) => byId.get(id)!.name), org.name].map(normalizeOrgName).join('/'));
  }
  return paths;
}
