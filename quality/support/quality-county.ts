import { DEMO_OPENIDS, generateCounty, type DemoCollections } from '@zbxx/demo-data';
import { monthOf, orgPathOf } from '@zbxx/domain';
import type { AccessCaller } from '@zbxx/contracts';
import type { MemberDoc, OrgDoc } from '@zbxx/server';

/**
 * The demo county every quality suite (access matrix, fuzzing, secret scan) runs on, plus the identities and
 * fixtures the demo lacks. Everything targets one SUBJECT branch (demo-secretary's, 城关镇东关社区党支部); the
 * "other" callers sit as close to it as the org tree allows (a sibling branch under the same 党委, a sibling
 * 党委), so a check that only compares the committee would show.
 */

export const SUBJECT = {
  branchId: 'org-b0002',
  committeeId: 'org-c01',
  siblingBranchId: 'org-b0001',
  otherCommitteeId: 'org-c02',
  /** Seeded below: a plan, a required material and a quiz round published to the subject branch only. */
  planId: 'qm-plan-branch',
  materialId: 'qm-mat-branch',
  roundId: 'qm-round-branch',
  /** Demo events of the subject branch: one running today, one next month (see demo-data checkin-events). */
  todayEventId: 'ev-demo-today',
  nextEventId: 'ev-demo-next',
} as const;

/** OPENIDs of the matrix's callers. Demo ones where the demo has the right person, seeded ones otherwise. */
export const CALLER_OPENIDS: Readonly<Record<AccessCaller, string>> = {
  unbound: 'qm-unbound',
  member: DEMO_OPENIDS.member,
  memberOtherBranch: 'qm-member-other-branch',
  secretaryOtherBranch: 'qm-secretary-other-branch',
  adminOtherSubtree: 'qm-admin-other-subtree',
  ownSecretary: DEMO_OPENIDS.secretary,
  ownAdmin: DEMO_OPENIDS.admin2,
};

export interface QualityCounty {
  collections: DemoCollections;
  /** memberId of each bound caller. */
  memberIds: Readonly<Record<Exclude<AccessCaller, 'unbound'>, string>>;
  /** A roster entry of the subject branch nobody has claimed (for approveBinding). */
  unclaimedMemberId: string;
  orgs: ReadonlyMap<string, OrgDoc>;
  month: string;
}

function bind(
  members: MemberDoc[],
  bindings: DemoCollections['bindings'],
  member: MemberDoc,
  openid: string,
  roles?: MemberDoc['roles'],
): void {
  const index = members.indexOf(member);
  members[index] = { ...member, openid, boundAt: member.createdAt, ...(roles ? { roles } : {}) };
  bindings.push({ _id: openid, status: 'bound', memberId: member._id, method: 'seed', createdAt: member.createdAt });
}

/** The instant the quality suites run at (their test clock is set to it; the demo's today). */
export const QUALITY_NOW = new Date('2026-12-08T10:00:00+08:00');

export function qualityCounty(now: Date = QUALITY_NOW): QualityCounty {
  const month = monthOf(now);
  const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: month, today: now });
  const collections = county.collections;
  const members = collections.members;
  const orgs = new Map(collections.orgs.map((org) => [org._id, org]));
  const plain = (branchId: string) => members.find((m) => m.branchId === branchId && !m.openid && m.roles.length === 0)!;

  bind(members, collections.bindings, plain(SUBJECT.siblingBranchId), CALLER_OPENIDS.memberOtherBranch);
  const siblingSecretary = members.find((m) => m.branchId === SUBJECT.siblingBranchId && m.roles.some((r) => r.role === 'secretary'))!;
  bind(members, collections.bindings, siblingSecretary, CALLER_OPENIDS.secretaryOtherBranch);
  const otherAdminSeat = members.find((m) => m.orgPath.includes(SUBJECT.otherCommitteeId) && !m.openid && m.roles.length === 0)!;
  bind(members, collections.bindings, otherAdminSeat, CALLER_OPENIDS.adminOtherSubtree, [
    { role: 'admin', orgId: SUBJECT.otherCommitteeId },
  ]);

  const branch = orgs.get(SUBJECT.branchId)!;
  const branchFields = { orgId: branch._id, orgName: branch.name, orgPath: orgPathOf({ id: branch._id, ancestors: branch.ancestors }) };
  // Branch-level copies of the demo's committee plan, material and round, so "a sibling branch" is really outside.
  const material = collections.studyMaterials.find((m) => m.orgId === SUBJECT.committeeId)!;
  collections.studyMaterials.push({ ...material, ...branchFields, _id: SUBJECT.materialId, title: '支部学习材料（质量测试）' });
  const plan = collections.studyPlans.find((p) => p.orgId === SUBJECT.committeeId && p.month === month)!;
  collections.studyPlans.push({
    ...plan,
    ...branchFields,
    orgType: 'branch',
    _id: SUBJECT.planId,
    requiredMaterialIds: [SUBJECT.materialId],
    optionalMaterialIds: [],
    materialIds: [SUBJECT.materialId],
  });
  const round = collections.quizRounds.find((r) => r.month === month)!;
  collections.quizRounds.push({ ...round, ...branchFields, _id: SUBJECT.roundId, title: '支部答题（质量测试）', attemptsAllowed: 2 });

  const byOpenid = (openid: string) => members.find((m) => m.openid === openid)!._id;
  return {
    collections,
    orgs,
    month,
    memberIds: {
      member: byOpenid(CALLER_OPENIDS.member),
      memberOtherBranch: byOpenid(CALLER_OPENIDS.memberOtherBranch),
      secretaryOtherBranch: byOpenid(CALLER_OPENIDS.secretaryOtherBranch),
      adminOtherSubtree: byOpenid(CALLER_OPENIDS.adminOtherSubtree),
      ownSecretary: byOpenid(CALLER_OPENIDS.ownSecretary),
      ownAdmin: byOpenid(CALLER_OPENIDS.ownAdmin),
    },
    unclaimedMemberId: members.find((m) => m.branchId === SUBJECT.branchId && !m.openid)!._id,
  };
}
