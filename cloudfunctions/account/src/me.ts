import type { Me, OrgRef } from '@zbxx/contracts';
import { maskPhone, monthOf } from '@zbxx/domain';
import { orgsRepo, type BoundCaller, type Db, type OrgDoc } from '@zbxx/server';

/** The caller as the app shows them: one query for every org named (path, branch, scope). */
export async function loadMe(db: Db, caller: BoundCaller, now: Date): Promise<Me> {
  const { member, scope } = caller;
  const orgs = await orgsRepo.findOrgsByIds(db, [...member.orgPath, ...scope.secretaryOf, ...scope.adminOf]);
  const byId = new Map<string, OrgDoc>(orgs.map((org) => [org._id, org]));
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
