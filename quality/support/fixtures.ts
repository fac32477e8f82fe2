import ExcelJS from 'exceljs';
import type { Envelope } from '@zbxx/contracts';
import { codeAtStep, timeStep } from '@zbxx/domain/src/checkin/code';
import { testClockNow } from '@zbxx/testing';
import { fillTemplate, rowOf } from '../../cloudfunctions/org/src/__tests__/roster-sheet';
import type { QualityCloud } from './quality-cloud';
import { CALLER_OPENIDS, SUBJECT, type QualityCounty } from './quality-county';

/**
 * Records the probes need that only exist once someone has used the system: an open and a finished quiz
 * attempt of the subject member, a 错题本 card, a missed event with a 补学 paper, a leave request, staged roster
 * and question imports. Made through the functions (as people would), before the baseline is taken.
 */
export interface Fixtures {
  county: QualityCounty;
  openAttemptId: string;
  openQuestionIds: string[];
  finishedAttemptId: string;
  wrongQuestionId: string;
  makeUpEventId: string;
  makeUpPaperId: string;
  makeUpQuestionIds: string[];
  orgTemplateFileId: string;
  orgImportId: string;
  questionSheet: { fileName: string; base64: string };
  quizImportId: string;
  /** An export job of the subject's 党委, started by its admin (the job's owner). */
  statsExportId: string;
  /** The subject event's check-in code right now (it rotates every 30 s). */
  checkinCode(eventId: string): string;
}

function data<T>(reply: Envelope<unknown>, what: string): T {
  if (!reply.ok) throw new Error(`fixture ${what}: ${reply.error.code} ${reply.error.message}`);
  return reply.data as T;
}

/** One question in the layout exam tools export (题目, 题型, 选项A…F, 答案, 解析, 分类). */
export async function questionSheet(): Promise<{ fileName: string; base64: string }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['题目', '题型', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '分类']);
  sheet.addRow([
    '质量测试：支部委员会会议一般每月召开几次？',
    '单选题',
    '1次',
    '2次',
    '3次',
    '4次',
    '',
    '',
    'A',
    '依据《中国共产党支部工作条例（试行）》。',
    '质量测试',
  ]);
  return { fileName: '题库.xlsx', base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

const at = (offsetMinutes: number) => new Date(testClockNow().getTime() + offsetMinutes * 60_000).toISOString();

export async function prepareFixtures(qc: QualityCloud, county: QualityCounty): Promise<Fixtures> {
  const { member, ownSecretary, ownAdmin } = CALLER_OPENIDS;
  const hosted = new Set(qc.hosted.hosted);
  const need = (fn: string) => {
    if (!hosted.has(fn)) throw new Error(`fixtures need the ${fn} function`);
  };
  need('quiz');
  need('checkin');
  need('org');
  need('stats');
  // Loading a 2–3 MB bundle into a worker is most of a function's first call: load them all at once.
  await Promise.all(qc.hosted.hosted.map((fn) => qc.call(fn, 'qm-warm-up', undefined, member)));

  const first = data<{ attemptId: string }>(await qc.call('quiz', 'start', { roundId: SUBJECT.roundId }, member), 'quiz.start');
  data(await qc.call('quiz', 'submit', { attemptId: first.attemptId }, member), 'quiz.submit');
  const open = data<{ attemptId: string; questions: { id: string }[] }>(
    await qc.call('quiz', 'start', { roundId: SUBJECT.roundId }, member),
    'quiz.start 2',
  );
  // Both attempts used: the first one's keys are visible, so its unanswered questions become 错题本 cards.
  data(await qc.call('quiz', 'practiceQueue', {}, member), 'quiz.practiceQueue');
  const [card] = qc.cloud.engine.find('quizCards', { memberId: county.memberIds.member }) as unknown as { questionId: string }[];
  if (!card) throw new Error('fixture: the unanswered attempt left no 错题本 card');

  const makeUpEvent = data<{ event: { eventId: string } }>(
    await qc.call(
      'checkin',
      'saveEvent',
      { place: '党群服务中心', startsAt: at(-30), checkinOpensAt: at(-40), endsAt: at(60), materialIds: [SUBJECT.materialId] },
      ownSecretary,
    ),
    'checkin.saveEvent',
  ).event;
  data(await qc.call('checkin', 'closeEvent', { eventId: makeUpEvent.eventId }, ownSecretary), 'checkin.closeEvent');
  const paper = data<{ paperId: string; questions: { id: string }[] }>(
    await qc.call('checkin', 'makeUpQuizStart', { eventId: makeUpEvent.eventId }, member),
    'checkin.makeUpQuizStart',
  );
  data(await qc.call('checkin', 'requestLeave', { eventId: SUBJECT.nextEventId, reason: '外出学习' }, member), 'checkin.requestLeave');

  const template = data<{ fileID: string; url: string }>(await qc.call('org', 'rosterTemplate', {}, ownAdmin), 'org.rosterTemplate');
  // One new member for the subject branch: a preview with something to commit is staged for its admin.
  const subjectMember = county.collections.members.find((m) => m._id === county.memberIds.member)!;
  const newcomer = { ...subjectMember, name: '钱质检', phone: '13912340001' };
  const roster = await fillTemplate(Buffer.from(await (await fetch(template.url)).arrayBuffer()), [
    rowOf(newcomer, county.collections.orgs, 1),
  ]);
  const rosterPreview = data<{ importId: string; canCommit: boolean }>(
    await qc.call('org', 'importPreview', { file: { fileName: '花名册.xlsx', base64: roster.toString('base64') } }, ownAdmin),
    'org.importPreview',
  );
  if (!rosterPreview.canCommit) throw new Error('fixture: the roster preview has nothing to commit');
  const sheet = await questionSheet();
  const quizPreview = data<{ importId: string }>(await qc.call('quiz', 'importPreview', { file: sheet }, ownAdmin), 'quiz.importPreview');
  const statsExport = data<{ exportId: string }>(
    await qc.call(
      'stats',
      'exportWorkbook',
      { nodeId: SUBJECT.committeeId, fromMonth: county.month, toMonth: county.month, requestId: 'qm-fixture-export' },
      ownAdmin,
    ),
    'stats.exportWorkbook',
  );

  return {
    county,
    openAttemptId: open.attemptId,
    openQuestionIds: open.questions.map((q) => q.id),
    finishedAttemptId: first.attemptId,
    wrongQuestionId: card.questionId,
    makeUpEventId: makeUpEvent.eventId,
    makeUpPaperId: paper.paperId,
    makeUpQuestionIds: paper.questions.map((q) => q.id),
    orgTemplateFileId: template.fileID,
    orgImportId: rosterPreview.importId,
    questionSheet: sheet,
    quizImportId: quizPreview.importId,
    statsExportId: statsExport.exportId,
    checkinCode(eventId) {
      const [event] = qc.cloud.engine.find('checkinEvents', { _id: eventId }) as unknown as { secret: string }[];
      return event ? codeAtStep(event.secret, timeStep(testClockNow())) : '000000';
    },
  };
}
