import type { OrgNode, OrgRef, RosterEntry } from '@zbxx/contracts';
import { maskPhone } from '@zbxx/domain';
import { orgsRepo, type BoundCaller, type Db, type MemberDoc, type OrgDoc } from '@zbxx/server';
import { seesFullPhone } from './access';

export function toOrgNode(org: OrgDoc, memberCounts: ReadonlyMap<string, number>): OrgNode {
  return {
    id: org._id,
    name: org.name,
    type: org.type,
    parentId: org.parentId,
    ancestors: org.ancestors,
    order: org.order,
    retired: org.retiredAt !== undefined,
    memberCount: memberCounts.get(org._id) ?? 0,
  };
}

export function toOrgRef(org: OrgDoc): OrgRef {
  return { id: org._id, name: org.name, type: org.type };
}

const ORGS_PER_QUERY = 100;

/** The orgs a page of members names (branches, role grants), in as few requests as their count allows. */
export async function loadOrgRefs(db: Db, ids: readonly string[]): Promise<Map<string, OrgRef>> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += ORGS_PER_QUERY) chunks.push(unique.slice(i, i + ORGS_PER_QUERY));
  const found = (await Promise.all(chunks.map((chunk) => orgsRepo.findOrgsByIds(db, chunk)))).flat();
  return new Map(found.map((org) => [org._id, toOrgRef(org)]));
}

function refOf(refs: ReadonlyMap<string, OrgRef>, id: string): OrgRef {
  return refs.get(id) ?? { id, name: '（已删除的组织）', type: 'branch' };
}

export function toRosterEntry(member: MemberDoc, refs: ReadonlyMap<string, OrgRef>, caller: BoundCaller): RosterEntry {
  return {
    memberId: member._id,
    name: member.name,
    gender: member.gender,
    phoneMasked: maskPhone(member.phone),
    ...(seesFullPhone(caller, member) ? { phone: member.phone } : {}),
    branch: refOf(refs, member.branchId),
    duty: member.duty,
    joinedPartyOn: member.joinedPartyOn,
    note: member.note ?? '',
    roles: member.roles.map((grant) => ({ role: grant.role, org: refOf(refs, grant.orgId) })),
    bound: member.openid !== undefined,
  };
}

/** Roster entries ready to send: one request for every org they name. */
export async function toRosterEntries(db: Db, members: readonly MemberDoc[], caller: BoundCaller): Promise<RosterEntry[]> {
  const refs = await loadOrgRefs(
    db,
    members.flatMap((m) => [m.branchId, ...m.roles.map((g) => g.orgId)]),
  );
  return members.map((member) => toRosterEntry(member, refs, caller));
}
