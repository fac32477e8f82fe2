import type {
  Envelope,
  ImportDocumentResult,
  OpenMaterialResult,
  ReportProgressResult,
  StudyOverview,
  StudySummary,
  BranchStudyStatus,
  AdminMaterial,
  AdminPlan,
} from '@zbxx/contracts';
import { DEMO_OPENIDS, demoMaterialId, generateCounty, BRANCH_WORK, MASSES, OATH } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import type { StudyProgressDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';
import { buildDocx } from './docx-fixture';

jest.setTimeout(30_000);

// The instant this suite runs at (the test clock is set to it); reading time passes by advancing the clock, not by sleeping.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(NOW);
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: month, today: NOW });
const { members, orgs } = county.collections;
const demoMember = members.find((m) => m.openid === DEMO_OPENIDS.member)!;
const secretary = members.find((m) => m.openid === DEMO_OPENIDS.secretary)!;
const otherBranch = orgs.find((org) => org.type === 'branch' && org._id !== secretary.branchId)!;

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ functions: ['study'], now: NOW, seed: county.collections as unknown as Record<string, object[]> });
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

const study = <T>(action: string, data: unknown, openid: string) => cloud.call<Envelope<T>>('study', { action, data }, openid);
const ok = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const errorCode = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.code);
/** Time the member spends reading: the server's clock moves on, the test does not wait. */
const spend = (ms: number) => cloud.clock.advance(ms);
let batchSeq = 0;
const batchId = () => `it-batch-${(batchSeq += 1)}`;
const progressDoc = (memberId: string, materialId: string) =>
  cloud.engine.find('studyProgress', { _id: `${memberId}_${materialId}` })[0] as unknown as StudyProgressDoc | undefined;

const SHORT_BODY = '# 一句话\n\n> 不忘初心，牢记使命。';
/** About 1,500 characters: a plausible reading takes 100 s. */
const LONG_BODY = `# 长文\n\n${'党支部是党的基础组织，是党组织开展工作的基本单元。'.repeat(60)}`;

/** A material authored by the 组织部 and published to `orgId` for this month. The short one is read in 5 s. */
async function publishMaterial(orgId: string, body = SHORT_BODY): Promise<string> {
  const saved = ok(
    (
      await study<{ material: AdminMaterial }>(
        'saveMaterial',
        { orgId: 'org-county', title: '学习贯彻一句话', body, source: '测试', estimatedMinutes: 1 },
        DEMO_OPENIDS.admin,
      )
    ).result,
  );
  ok(
    (
      await study<{ plan: AdminPlan }>(
        'savePlan',
        { month, orgId, theme: '测试主题', dueDate: `${month}-28`, requiredMaterialIds: [saved.material.materialId], status: 'published' },
        DEMO_OPENIDS.admin,
      )
    ).result,
  );
  return saved.material.materialId;
}

describe('who sees what', () => {
  it('gives a member of 城关镇党委 the county’s and the committee’s plans, within 4 database requests', async () => {
    const { result, dbRequests } = await study<StudyOverview>('overview', undefined, DEMO_OPENIDS.member);
    const data = ok(result);
    expect(data.month).toBe(month);
    const ids = data.plans.flatMap((plan) => plan.materials.map((m) => m.materialId));
    expect(ids).toEqual(expect.arrayContaining([demoMaterialId(BRANCH_WORK), demoMaterialId(OATH), demoMaterialId(MASSES)]));
    expect(data.months.map((m) => m.month)).toHaveLength(3);
    expect(data.months.slice(1).every((m) => m.completed === m.required)).toBe(true);
    const started = data.plans.flatMap((plan) => plan.materials).find((m) => m.materialId === demoMaterialId(BRANCH_WORK));
    expect(started?.progress).toMatchObject({ status: 'reading', percent: 35 });
    expect(dbRequests).toBeLessThanOrEqual(4);
  });

  it('keeps the committee’s material from a member outside it, in lists and when opened directly', async () => {
    const data = ok((await study<StudyOverview>('overview', { month }, DEMO_OPENIDS.member2)).result);
    const ids = data.plans.flatMap((plan) => plan.materials.map((m) => m.materialId));
    expect(ids).toContain(demoMaterialId(BRANCH_WORK));
    expect(ids).not.toContain(demoMaterialId(MASSES));
    expect(errorCode((await study('openMaterial', { materialId: demoMaterialId(MASSES) }, DEMO_OPENIDS.member2)).result)).toBe('NOT_FOUND');
  });

  it('lets a newly published plan reach its subtree and nobody else', async () => {
    const materialId = await publishMaterial('org-c01');
    const inside = ok((await study<OpenMaterialResult>('openMaterial', { materialId }, DEMO_OPENIDS.member)).result);
    expect(inside.material.blocks[0]).toEqual({ type: 'heading', level: 1, inlines: [{ text: '一句话' }] });
    expect(inside.material.blocks[1]).toEqual({ type: 'quote', paragraphs: [[{ text: '不忘初心，牢记使命。' }]] });
    expect(errorCode((await study('openMaterial', { materialId }, DEMO_OPENIDS.member2)).result)).toBe('NOT_FOUND');
    // Who made the material and the plan is in the append-only history.
    const history = cloud.engine.find('auditLog', { 'actor.openid': DEMO_OPENIDS.admin }) as unknown as {
      action: string;
      target: { id: string };
    }[];
    expect(history.filter((entry) => entry.target.id === materialId).map((entry) => entry.action)).toEqual(['studyMaterial.create']);
    expect(history.map((entry) => entry.action)).toContain('studyPlan.create');
  });

  it('shows a secretary their branch and refuses other branches and non-admins', async () => {
    const { result, dbRequests } = await study<BranchStudyStatus>('branchStatus', {}, DEMO_OPENIDS.secretary);
    const data = ok(result);
    expect(data.branch.id).toBe(secretary.branchId);
    expect(data.members.map((m) => m.memberId)).toContain(demoMember._id);
    expect(data.members.length).toBe(members.filter((m) => m.branchId === secretary.branchId).length);
    expect(dbRequests).toBeLessThanOrEqual(6);
    expect(errorCode((await study('branchStatus', { branchId: otherBranch._id }, DEMO_OPENIDS.secretary)).result)).toBe('AUTH.FORBIDDEN');
    expect(errorCode((await study('listPlans', {}, DEMO_OPENIDS.member)).result)).toBe('AUTH.FORBIDDEN');
    expect(
      errorCode(
        (
          await study(
            'savePlan',
            {
              month,
              orgId: 'org-county',
              theme: '越级',
              dueDate: `${month}-28`,
              requiredMaterialIds: [demoMaterialId(OATH)],
              status: 'draft',
            },
            DEMO_OPENIDS.admin2,
          )
        ).result,
      ),
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('reading that counts', () => {
  it('marks 已完成 after scrolling to the end with a plausible dwell, by the server’s clock', async () => {
    const materialId = await publishMaterial('org-c01');
    ok((await study('openMaterial', { materialId }, DEMO_OPENIDS.member)).result);
    spend(2_500);
    const halfway = ok(
      (
        await study<ReportProgressResult>(
          'reportProgress',
          { reports: [{ batchId: batchId(), materialId, dwellSeconds: 2, furthest: 0.5, position: 0.5 }] },
          DEMO_OPENIDS.member,
        )
      ).result,
    );
    expect(halfway.progress[0]?.progress).toMatchObject({ status: 'reading', percent: 50 });
    spend(3_500);
    const { result, dbRequests } = await study<ReportProgressResult>(
      'reportProgress',
      { reports: [{ batchId: batchId(), materialId, dwellSeconds: 3.4, furthest: 1, position: 1 }] },
      DEMO_OPENIDS.member,
    );
    expect(ok(result).progress[0]?.progress).toMatchObject({ status: 'completed', percent: 100 });
    expect(dbRequests).toBeLessThanOrEqual(6);

    const summary = ok((await study<StudySummary>('summary', undefined, DEMO_OPENIDS.member)).result);
    expect(summary.required).toBeGreaterThan(summary.completed);
  });

  it('does not count a jump straight to the end a few seconds after opening', async () => {
    const materialId = await publishMaterial('org-c01', LONG_BODY);
    ok((await study('openMaterial', { materialId }, DEMO_OPENIDS.member)).result);
    spend(1_000);
    const data = ok(
      (
        await study<ReportProgressResult>(
          'reportProgress',
          { reports: [{ batchId: batchId(), materialId, dwellSeconds: 900, furthest: 1, position: 1 }] },
          DEMO_OPENIDS.member,
        )
      ).result,
    );
    expect(data.progress[0]?.progress).toMatchObject({ status: 'reading', percent: 99 });
    expect(progressDoc(demoMember._id, materialId)?.creditedSeconds).toBeLessThan(5);
  });

  it('changes nothing for a replayed report, nor for the same report sent twice at once', async () => {
    const materialId = demoMaterialId(OATH);
    ok((await study('openMaterial', { materialId }, DEMO_OPENIDS.member)).result);
    spend(3_000);
    const report = { batchId: batchId(), materialId, dwellSeconds: 2, furthest: 0.6, position: 0.6 };
    const [first, second] = await Promise.all([
      study<ReportProgressResult>('reportProgress', { reports: [report] }, DEMO_OPENIDS.member),
      study<ReportProgressResult>('reportProgress', { reports: [report, report] }, DEMO_OPENIDS.member),
    ]);
    expect(ok(first.result).settled).toEqual([report.batchId]);
    expect(ok(second.result).settled).toEqual([report.batchId]);
    const after = progressDoc(demoMember._id, materialId)!;
    expect(after.creditedSeconds).toBe(2);
    expect(after.batchIds.filter((id) => id === report.batchId)).toHaveLength(1);

    spend(1_500);
    const before = cloud.snapshot(['studyProgress']);
    const replay = ok((await study<ReportProgressResult>('reportProgress', { reports: [report] }, DEMO_OPENIDS.member)).result);
    expect(replay.settled).toEqual([report.batchId]);
    expect(cloud.snapshot(['studyProgress'])).toEqual(before);
  });

  it('rejects malformed progress and writes nothing', async () => {
    const before = cloud.snapshot(['studyProgress']);
    const reply = await study(
      'reportProgress',
      { reports: [{ batchId: 'x', materialId: demoMaterialId(OATH), dwellSeconds: -1, furthest: 2, position: 0 }] },
      DEMO_OPENIDS.member,
    );
    expect(errorCode(reply.result)).toBe('INPUT.INVALID');
    expect(cloud.snapshot(['studyProgress'])).toEqual(before);
  });
});

describe('authoring', () => {
  it('imports a .docx keeping its headings and paragraphs, as a preview that saves nothing', async () => {
    const docx = await buildDocx([
      { style: 'Heading1', text: '《中国共产党支部工作条例（试行）》学习' },
      { text: '党支部是党的基础组织，是党组织开展工作的基本单元。' },
      { style: 'Heading2', text: '一、基本任务' },
      { text: '宣传和执行党的路线方针政策。', bold: true },
    ]);
    const before = cloud.snapshot(['studyMaterials']);
    const { result } = await study<ImportDocumentResult>(
      'importDocument',
      { format: 'docx', fileName: '支部工作条例.docx', base64: docx.toString('base64') },
      DEMO_OPENIDS.admin,
    );
    const data = ok(result);
    expect(data.title).toBe('《中国共产党支部工作条例（试行）》学习');
    expect(data.blocks).toEqual([
      { type: 'heading', level: 1, inlines: [{ text: '《中国共产党支部工作条例（试行）》学习' }] },
      { type: 'paragraph', inlines: [{ text: '党支部是党的基础组织，是党组织开展工作的基本单元。' }] },
      { type: 'heading', level: 2, inlines: [{ text: '一、基本任务' }] },
      { type: 'paragraph', inlines: [{ text: '宣传和执行党的路线方针政策。', bold: true }] },
    ]);
    expect(data.body).toContain('## 一、基本任务');
    expect(cloud.snapshot(['studyMaterials'])).toEqual(before);

    const saved = ok(
      (
        await study<{ material: AdminMaterial }>(
          'saveMaterial',
          { orgId: 'org-county', title: data.title, body: data.body, estimatedMinutes: data.suggestedMinutes },
          DEMO_OPENIDS.admin,
        )
      ).result,
    );
    const draft = ok(
      (await study<{ material: { body: string } }>('getMaterialDraft', { materialId: saved.material.materialId }, DEMO_OPENIDS.admin))
        .result,
    );
    expect(draft.material.body).toBe(data.body);
  });

  it('imports Markdown and refuses a file that is not a Word document', async () => {
    const md = ok(
      (
        await study<ImportDocumentResult>(
          'importDocument',
          { format: 'md', fileName: '党员权利.md', text: '# 党员的八项权利\n\n1. 参加党的有关会议\n2. 参加讨论' },
          DEMO_OPENIDS.admin,
        )
      ).result,
    );
    expect(md.blocks[1]).toEqual({ type: 'list', ordered: true, items: [[{ text: '参加党的有关会议' }], [{ text: '参加讨论' }]] });
    const broken = await study(
      'importDocument',
      { format: 'docx', fileName: 'x.docx', base64: Buffer.from('not a zip').toString('base64') },
      DEMO_OPENIDS.admin,
    );
    expect(errorCode(broken.result)).toBe('IMPORT.UNREADABLE');
  });
});
