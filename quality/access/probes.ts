import { DEMO_OPENIDS, DEMO_UNBOUND_ENTRY } from '@zbxx/demo-data';
import { testClockNow } from '@zbxx/testing';
import { SUBJECT } from '../support/quality-county';
import type { Fixtures } from '../support/fixtures';

/**
 * One valid request per action, aimed at the subject branch (or its member, event, round, plan, material):
 * what an allowed caller would really send. `undefined` sends no `data`. A probe must pass the action's
 * contract (the access suite checks it), so a denial can only come from the access rules.
 */
export type Probe = (fx: Fixtures) => unknown;

/** Every probe's event carries a requestId (writes that must be idempotent require one). */
export const probeRequestId = (fn: string, action: string) => `qm-${fn}-${action}`.slice(0, 64);

const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
// Relative to the test clock (the suite sets it), so a probe is as valid at any hour.
const iso = (offsetMinutes: number) => new Date(testClockNow().getTime() + offsetMinutes * 60_000).toISOString();
const dueDate = (month: string) => `${month}-25`;

export const PROBES: Readonly<Record<string, Readonly<Record<string, Probe>>>> = {
  account: {
    login: () => ({}),
    home: () => ({}),
    bind: () => ({ method: 'phone', name: DEMO_UNBOUND_ENTRY.name, phoneLast4: DEMO_UNBOUND_ENTRY.phoneLast4 }),
  },
  org: {
    tree: () => ({}),
    createNode: () => ({ parentId: SUBJECT.committeeId, name: '质量测试新建党支部', type: 'branch' }),
    renameNode: () => ({ id: SUBJECT.branchId, name: '城关镇东关社区第一党支部' }),
    moveNode: () => ({ id: SUBJECT.branchId, parentId: SUBJECT.committeeId }),
    retireNode: () => ({ id: SUBJECT.branchId }),
    rosterList: () => ({ orgId: SUBJECT.branchId }),
    rosterTemplate: () => ({}),
    importUpload: () => ({}),
    importPreview: (fx) => ({ file: { fileID: fx.orgTemplateFileId } }),
    importCommit: (fx) => ({ importId: fx.orgImportId }),
    assignRole: (fx) => ({ memberId: fx.county.memberIds.member, role: 'secretary', orgId: SUBJECT.branchId }),
    revokeRole: (fx) => ({ memberId: fx.county.memberIds.ownSecretary, role: 'secretary', orgId: SUBJECT.branchId }),
    transferMember: (fx) => ({ memberId: fx.county.memberIds.member, toBranchId: SUBJECT.siblingBranchId }),
    inviteCode: () => ({ branchId: SUBJECT.branchId }),
    resetInviteCode: () => ({ branchId: SUBJECT.branchId }),
    pendingBindings: () => ({ branchId: SUBJECT.branchId }),
    approveBinding: (fx) => ({ openid: DEMO_OPENIDS.pending, memberId: fx.county.unclaimedMemberId }),
    declineBinding: () => ({ openid: DEMO_OPENIDS.pending }),
    branchMembers: () => ({ branchId: SUBJECT.branchId }),
  },
  study: {
    overview: (fx) => ({ month: fx.county.month }),
    summary: () => ({}),
    openMaterial: () => ({ materialId: SUBJECT.materialId }),
    reportProgress: () => ({
      reports: [{ batchId: 'qm-batch-0001', materialId: SUBJECT.materialId, dwellSeconds: 30, furthest: 0.5, position: 0.5 }],
    }),
    branchStatus: (fx) => ({ branchId: SUBJECT.branchId, month: fx.county.month }),
    listPlans: (fx) => ({ month: fx.county.month }),
    savePlan: (fx) => ({
      planId: SUBJECT.planId,
      month: fx.county.month,
      orgId: SUBJECT.branchId,
      theme: '支部学习（修改）',
      dueDate: dueDate(fx.county.month),
      requiredMaterialIds: [SUBJECT.materialId],
      status: 'published',
    }),
    listMaterials: () => ({}),
    getMaterialDraft: () => ({ materialId: SUBJECT.materialId }),
    saveMaterial: () => ({
      materialId: SUBJECT.materialId,
      orgId: SUBJECT.branchId,
      title: '支部学习材料（修改）',
      body: '# 标题\n\n正文。',
      estimatedMinutes: 5,
    }),
    previewMaterial: () => ({ body: '# 标题\n\n正文。' }),
    importDocument: () => ({ format: 'md', fileName: '材料.md', text: '# 标题\n\n正文。' }),
    uploadImage: () => ({ fileName: '图.png', base64: TINY_PNG }),
  },
  quiz: {
    rounds: () => ({}),
    start: () => ({ roundId: SUBJECT.roundId }),
    answer: (fx) => ({ attemptId: fx.openAttemptId, answers: { [fx.openQuestionIds[0]!]: ['A'] } }),
    submit: (fx) => ({ attemptId: fx.openAttemptId }),
    review: (fx) => ({ attemptId: fx.finishedAttemptId }),
    practiceQueue: () => ({}),
    practiceRate: (fx) => ({ questionId: fx.wrongQuestionId, rating: 'good' }),
    leaderboard: () => ({ roundId: SUBJECT.roundId }),
    branchResults: () => ({ roundId: SUBJECT.roundId, branchId: SUBJECT.branchId }),
    itemAnalysis: () => ({ roundId: SUBJECT.roundId }),
    listRounds: () => ({}),
    saveRound: (fx) => {
      const round = fx.county.collections.quizRounds.find((r) => r._id === SUBJECT.roundId)!;
      return {
        roundId: SUBJECT.roundId,
        orgId: SUBJECT.branchId,
        title: '支部答题（改名）',
        month: round.month,
        opensAt: round.opensAt.toISOString(),
        closesAt: round.closesAt.toISOString(),
        quota: round.quota,
        timeLimitSeconds: round.timeLimitSeconds,
        attemptsAllowed: round.attemptsAllowed,
        grading: round.grading,
        passMark: round.passMark,
        multipleChoice: round.multipleChoice,
        review: round.review,
      };
    },
    bankOverview: () => ({}),
    questionTemplate: () => ({}),
    importPreview: (fx) => ({ file: fx.questionSheet }),
    importCommit: (fx) => ({ importId: fx.quizImportId }),
  },
  checkin: {
    listEvents: () => ({}),
    saveEvent: () => ({
      eventId: SUBJECT.nextEventId,
      place: '党群服务中心三楼',
      startsAt: iso(60 * 24 * 20),
      endsAt: iso(60 * 24 * 20 + 120),
    }),
    removeEvent: () => ({ eventId: SUBJECT.nextEventId }),
    currentCode: () => ({ eventId: SUBJECT.todayEventId }),
    sheet: () => ({ eventId: SUBJECT.todayEventId }),
    mark: (fx) => ({
      eventId: SUBJECT.todayEventId,
      memberId: fx.county.memberIds.member,
      to: 'present',
      reason: '现场签到未成功，书记代签',
    }),
    decideLeave: (fx) => ({ eventId: SUBJECT.nextEventId, memberId: fx.county.memberIds.member, approve: true }),
    closeEvent: () => ({ eventId: SUBJECT.todayEventId }),
    sendDueReminders: () => ({}),
    myEvents: () => ({}),
    checkIn: (fx) => ({ eventId: SUBJECT.todayEventId, code: fx.checkinCode(SUBJECT.todayEventId) }),
    requestLeave: () => ({ eventId: SUBJECT.nextEventId, reason: '外出学习' }),
    subscribeReminder: () => ({ eventId: SUBJECT.nextEventId }),
    makeUp: (fx) => ({ eventId: fx.makeUpEventId }),
    makeUpQuizStart: (fx) => ({ eventId: fx.makeUpEventId }),
    makeUpQuizSubmit: (fx) => ({
      eventId: fx.makeUpEventId,
      paperId: fx.makeUpPaperId,
      answers: Object.fromEntries(fx.makeUpQuestionIds.map((id) => [id, ['A']])),
    }),
    completeMakeUp: (fx) => ({ eventId: fx.makeUpEventId }),
  },
  stats: {
    branchMatrix: (fx) => ({ branchId: SUBJECT.branchId, month: fx.county.month }),
    memberDetail: (fx) => ({ memberId: fx.county.memberIds.member, month: fx.county.month }),
    remind: (fx) => ({ branchId: SUBJECT.branchId, month: fx.county.month, requestId: 'qm-remind-0001' }),
    remindLog: (fx) => ({ branchId: SUBJECT.branchId, month: fx.county.month }),
    shareCard: (fx) => ({ branchId: SUBJECT.branchId, month: fx.county.month }),
    subscribe: () => ({ results: { 'tmpl-study-reminder': 'accept' }, requestId: 'qm-subscribe-0001' }),
    subscription: () => ({}),
    rollup: (fx) => ({ nodeId: SUBJECT.committeeId, month: fx.county.month }),
    trend: (fx) => ({ nodeId: SUBJECT.committeeId, months: 6, endMonth: fx.county.month }),
    thresholds: () => ({ nodeId: SUBJECT.committeeId }),
    saveThresholds: () => ({
      nodeId: SUBJECT.committeeId,
      thresholds: { study: 70, quizParticipation: 70, quizPass: 60, partyDay: 80, completion: 60 },
      reminderDays: [20, 25],
    }),
    exportWorkbook: (fx) => ({
      nodeId: SUBJECT.committeeId,
      fromMonth: fx.county.month,
      toMonth: fx.county.month,
      requestId: 'qm-export-0001',
    }),
    exportStep: (fx) => ({ exportId: fx.statsExportId }),
  },
};
