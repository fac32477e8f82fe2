import type { Me, OrgRef } from '@zbxx/contracts';
import { maskPhone, monthOf } from '@zbxx/domain';
import { orgsRepo, type BoundCaller, type Db, type OrgDoc } from '@zbxx/server';

/** Every org the caller's view names: the path down to the branch and the scope. */
export function orgIdsOf({ member, scope }: BoundCaller): string[] {
  return [...member.orgPath, ...scope.secretaryOf, ...scope.adminOf];
}

/** The caller as the app shows them: one query for every org named (path, branch, scope). */
export async function loadMe(db: Db, caller: BoundCaller, now: Date): Promise<Me> {
  return meOf(caller, await orgsRepo.findOrgsByIds(db, orgIdsOf(caller)), now);
}

export function meOf(caller: BoundCaller, orgs: readonly Pick<OrgDoc, '_id' | 'name' | 'type'>[], now: Date): Me {
  const { member, scope } = caller;
  const byId = new Map(orgs.map((org) => [org._id, org]));
  const ref = (id: string): OrgRef => {
    const org = byId.get(id);
    if (!org) throw new Error(`member ${member._id} refers to missing org ${id}`);
    return { id, name: org.name, type: org.type };
  };
  return {
    memberId: member._id,
    name: member.name,
    phoneMasked: maskPhone(member.phone),
    roles: caller.roles,
    branch: ref(member.branchId),
    orgPath: member.orgPath.map(ref),
    scope: { secretaryOf: scope.secretaryOf.map(ref), adminOf: scope.adminOf.map(ref) },
    month: monthOf(now),
  };
}
