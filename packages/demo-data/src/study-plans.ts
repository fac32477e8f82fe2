import { monthOf, orgPathOf, readingLength } from '@zbxx/domain';
import type { MemberDoc, OrgDoc, StudyMaterialDoc, StudyPlanDoc, StudyProgressDoc } from '@zbxx/server';
import { markdownToBlocks } from '@zbxx/server/src/markdown-blocks';
import { seededRandom } from './random';
import { BRANCH_WORK, DISCIPLINE, EDUCATION, MASSES, OATH, RIGHTS, type DemoStudyText } from './study-texts';

export interface DemoStudyCollections {
  studyPlans: StudyPlanDoc[];
  studyMaterials: StudyMaterialDoc[];
  studyProgress: StudyProgressDoc[];
}

export interface DemoStudyOptions {
  orgs: readonly OrgDoc[];
  members: readonly MemberDoc[];
  /** The month the demo treats as "this month" (YYYY-MM); the two before it get plans too. */
  currentMonth: string;
  seed: number;
}

/** YYYY-MM, `back` months earlier. */
export function monthBefore(month: string, back: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** An instant in a month, Asia/Shanghai (UTC+8). */
function atShanghai(month: string, day: number, hour: number): Date {
  return new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

export const demoMaterialId = (text: DemoStudyText) => `mat-demo-${text.key}`;

/**
 * 每月一学 of the demo county: three months of plans (the current one and the two before), the county's for
 * everyone and one of 城关镇党委 for its own branches only; and reading progress in 城关镇党委's branches (past
 * months mostly done, this month under way) so secretaries' views have something to show. demo-member has
 * finished past months and started one text this month; the short 入党誓词 is left unread for a first try.
 */
export function generateStudy({ orgs, members, currentMonth, seed }: DemoStudyOptions): DemoStudyCollections {
  const county = orgs.find((org) => org.type === 'county');
  const committee = orgs.find((org) => org._id === 'org-c01') ?? orgs.find((org) => org.type === 'committee');
  if (!county || !committee) throw new Error('generateStudy: the county and a committee are needed');
  const random = seededRandom(seed ^ 0x5eed);
  const months = [monthBefore(currentMonth, 2), monthBefore(currentMonth, 1), currentMonth] as const;

  const material = (text: DemoStudyText, owner: OrgDoc, month: string): StudyMaterialDoc => {
    const length = readingLength(text.body);
    const at = atShanghai(month, 1, 9);
    return {
      _id: demoMaterialId(text),
      title: text.title,
      body: text.body,
      blocks: markdownToBlocks(text.body),
      source: text.source,
      estimatedMinutes: Math.max(1, Math.round(length.textLength / 300)),
      textLength: length.textLength,
      imageCount: length.imageCount,
      imageFileIds: [],
      orgId: owner._id,
      orgName: owner.name,
      orgType: owner.type,
      orgPath: orgPathOf({ id: owner._id, ancestors: owner.ancestors }),
      version: 1,
      createdBy: 'seed',
      createdAt: at,
      updatedAt: at,
    };
  };
  const studyMaterials = [
    material(EDUCATION, county, months[0]),
    material(DISCIPLINE, county, months[1]),
    material(BRANCH_WORK, county, months[2]),
    material(OATH, county, months[2]),
    material(RIGHTS, county, months[2]),
    material(MASSES, committee, months[2]),
  ];

  const plan = (owner: OrgDoc, month: string, theme: string, required: DemoStudyText[], optional: DemoStudyText[]): StudyPlanDoc => {
    const at = atShanghai(month, 1, 9);
    const requiredMaterialIds = required.map(demoMaterialId);
    const optionalMaterialIds = optional.map(demoMaterialId);
    return {
      _id: `plan-demo-${month}-${owner._id}`,
      month,
      orgId: owner._id,
      orgName: owner.name,
      orgType: owner.type,
      orgPath: orgPathOf({ id: owner._id, ancestors: owner.ancestors }),
      theme,
      dueDate: `${month}-25`,
      requiredMaterialIds,
      optionalMaterialIds,
      materialIds: [...requiredMaterialIds, ...optionalMaterialIds],
      status: 'published',
      publishedAt: at,
      createdBy: 'seed',
      createdAt: at,
      updatedAt: at,
    };
  };
  const studyPlans = [
    plan(county, months[0], '加强党员教育管理', [EDUCATION], []),
    plan(county, months[1], '严明党的纪律和规矩', [DISCIPLINE], []),
    plan(county, months[2], '学习支部工作条例，建强战斗堡垒', [BRANCH_WORK, OATH], [RIGHTS]),
    plan(committee, months[2], '走好新时代群众路线', [MASSES], []),
  ];

  const lengthOf = new Map(studyMaterials.map((m) => [m._id, m]));
  const studyProgress: StudyProgressDoc[] = [];
  const record = (member: MemberDoc, text: DemoStudyText, month: string, furthest: number, completed: boolean) => {
    const materialId = demoMaterialId(text);
    const at = atShanghai(month, month === currentMonth ? 2 : 12, 20);
    const needed = Math.ceil((lengthOf.get(materialId)?.textLength ?? 0) / 8);
    studyProgress.push({
      _id: `${member._id}_${materialId}`,
      memberId: member._id,
      materialId,
      branchId: member.branchId,
      textLength: lengthOf.get(materialId)?.textLength ?? 0,
      imageCount: 0,
      creditedSeconds: completed ? needed : Math.round(needed * furthest),
      furthest: completed ? 1 : furthest,
      position: completed ? 1 : furthest,
      lastSeenAt: at,
      completedAt: completed ? at : null,
      batchIds: [],
      updatedAt: at,
    });
  };
  const reading = members.filter((m) => m.orgPath.includes(committee._id));
  for (const member of reading) {
    const isDemoMember = member.openid === 'demo-member';
    for (const [text, month] of [
      [EDUCATION, months[0]],
      [DISCIPLINE, months[1]],
    ] as const) {
      if (isDemoMember || random() < 0.8) record(member, text, month, 1, true);
      else if (random() < 0.5) record(member, text, month, 0.3 + random() * 0.6, false);
    }
    if (isDemoMember) {
      record(member, BRANCH_WORK, months[2], 0.35, false);
      continue;
    }
    const roll = random();
    if (roll < 0.3) record(member, BRANCH_WORK, months[2], 1, true);
    else if (roll < 0.6) record(member, BRANCH_WORK, months[2], 0.2 + random() * 0.7, false);
    if (random() < 0.4) record(member, OATH, months[2], 1, true);
    if (random() < 0.3) record(member, MASSES, months[2], 1, true);
  }
  return { studyPlans, studyMaterials, studyProgress };
}

/** The month the demo county calls "this month": the real one, so the demo never looks stale. */
export function demoStudyMonth(now: Date = new Date()): string {
  return monthOf(now);
}
