/**
 * The independent recount: every number a member, a secretary and an admin can see, and every export sheet,
 * against `recount.ts`'s hand count from the raw records, over a county month whose 主题党日 stand at the
 * instants of `recount-county.ts` (before, during, ended unclosed, closed with make-ups; last month = month end).
 */
import * as XLSX from 'xlsx';
import type { BranchMatrix, Envelope, ExportJob, HomeResult, MemberDetail, Rollup, StudyOverview, Trend } from '@zbxx/contracts';
import { DEMO_OPENIDS, monthBefore } from '@zbxx/demo-data';
import { FIGURE_SHEET_HEADER, figureSheetRows, monthOf } from '@zbxx/domain';
import { startTestCloud, type TestCloud } from '@zbxx/testing';
import { PHASES, recountCounty } from './recount-county';
import { eventRecount, expectedTotals, membersOf, ratesOfTotals, sheetTally, yearRecount } from './recount';

jest.setTimeout(180_000);

// The instant of the whole suite (devcloud's test clock is set to it); the county's party days are placed around it.
const now = new Date('2026-12-17T15:00:00+08:00');
const month = monthOf(now);
const previous = monthBefore(month, 1);
const county = recountCounty(now);
const { raw } = county;
const countyId = raw.orgs.find((o) => o.parentId === null)!._id;
const committees = raw.orgs.filter((o) => o.type === 'committee');
const branches = raw.orgs.filter((o) => o.type === 'branch');

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    now,
    functions: ['stats', 'checkin', 'account', 'study'],
    seed: raw as unknown as Record<string, object[]>,
  });
}, 240_000);
afterAll(async () => {
  await cloud?.close();
});

async function call<T>(fn: string, action: string, data: unknown, openid: string): Promise<T> {
  const { result } = await cloud.call<Envelope<T>>(fn, { action, data }, openid);
  if (!result.ok) throw new Error(`${fn}.${action}: ${result.error.code} ${result.error.message}`);
  return result.data;
}
const closeTotals = (t: object) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, k === 'quizScoreSum' ? expect.closeTo(v as number, 6) : v]));
const closeRates = (r: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : expect.closeTo(v, 9)]));

describe('secretary: the attendance sheet at each instant', () => {
  it.each(PHASES)('%s: the tally equals the hand count (never 缺席 before the event is over)', async (phase) => {
    const { eventId, secretaryOpenid } = county.phases[phase];
    const sheet = await call<{ tally: Record<string, number> }>('checkin', 'sheet', { eventId }, secretaryOpenid);
    const expected = sheetTally(raw, eventId, now);
    expect(sheet.tally).toEqual(expected);
    if (phase === 'before' || phase === 'during') expect(sheet.tally.absent).toBe(0);
    else expect(sheet.tally.expected).toBe(0);
  });
});

describe.each([
  ['this month', month],
  ['last month (month end)', previous],
])('%s', (_label, which) => {
  it('secretary: every branch matrix (totals and every member cell) equals the hand count', async () => {
    const members = membersOf(raw, which, now);
    for (const branch of branches) {
      const matrix = await call<BranchMatrix>('stats', 'branchMatrix', { branchId: branch._id, month: which }, DEMO_OPENIDS.admin);
      const mine = members.filter((m) => m.branchId === branch._id);
      expect(matrix.totals).toEqual(closeTotals(expectedTotals(mine)));
      expect(matrix.rates).toEqual(closeRates(ratesOfTotals(expectedTotals(mine))));
      expect(matrix.members.map((r) => [r.memberId, r.study, r.quiz.status, r.partyDay.status, r.complete]).sort()).toEqual(
        mine.map((m) => [m.memberId, m.study, m.quiz.status, m.partyDay, m.complete]).sort(),
      );
    }
  });

  it('admin: the dashboard roll-up of the county and of every committee equals the hand count, child by child', async () => {
    const members = membersOf(raw, which, now);
    for (const node of [raw.orgs.find((o) => o._id === countyId)!, ...committees]) {
      const rollup = await call<Rollup>('stats', 'rollup', { nodeId: node._id, month: which }, DEMO_OPENIDS.admin);
      const inside = members.filter((m) => m.orgPath.includes(node._id));
      expect(rollup.total.totals).toEqual(closeTotals(expectedTotals(inside)));
      const depth = node.ancestors.length + 1;
      for (const child of rollup.children) {
        const theirs = inside.filter((m) => m.orgPath[depth] === child.org.id);
        expect(child.totals).toEqual(closeTotals(expectedTotals(theirs)));
        expect(child.rates).toEqual(closeRates(ratesOfTotals(expectedTotals(theirs))));
      }
    }
  });
});

describe('secretary: member detail', () => {
  it('says for each member of the phase branches what the matrix says, and each event’s state at this instant', async () => {
    const members = membersOf(raw, month, now);
    for (const phase of PHASES) {
      const { branchId, eventId } = county.phases[phase];
      for (const m of members.filter((x) => x.branchId === branchId).slice(0, 6)) {
        const detail = await call<MemberDetail>('stats', 'memberDetail', { memberId: m.memberId, month }, DEMO_OPENIDS.admin);
        expect(detail.row.partyDay.status).toBe(m.partyDay);
        const stored = raw.attendance.find((a) => a.eventId === eventId && a.memberId === m.memberId)?.state ?? 'expected';
        const over = phase === 'ended' || phase === 'madeUp';
        expect(detail.partyDay.find((e) => e.eventId === eventId)?.state).toBe(stored === 'expected' && over ? 'absent' : stored);
      }
    }
  });
});

describe('admin: trend', () => {
  it('shows each month’s county totals as the hand count', async () => {
    const trend = await call<Trend>('stats', 'trend', { nodeId: countyId, endMonth: month, months: 2 }, DEMO_OPENIDS.admin);
    for (const point of trend.points) expect(point.totals).toEqual(closeTotals(expectedTotals(membersOf(raw, point.month, now))));
  });
});

describe('member: home cards and the 学习 tab', () => {
  it('the study card counts the month’s required materials read, as the hand count does (incl. a member bound late)', async () => {
    const members = membersOf(raw, month, now);
    for (const openid of [county.phases.before.secretaryOpenid, county.phases.madeUp.secretaryOpenid, 'recount-late-member']) {
      const me = raw.members.find((m) => m.openid === openid)!;
      const home = await call<Extract<HomeResult, { status: 'bound' }>>('account', 'home', {}, openid);
      const expected = members.find((m) => m.memberId === me._id)!;
      expect([home.study.completed, home.study.required]).toEqual([expected.study.done, expected.study.required]);
      // 学习 tab: each month's read / required, this month and last.
      const overview = await call<StudyOverview>('study', 'overview', {}, openid);
      // Last month's plans are still listed for a member entered this month, but their month counts nowhere.
      for (const which of me._id === county.lateMemberId ? [month] : [month, previous]) {
        const counted = membersOf(raw, which, now).find((m) => m.memberId === me._id);
        const tally = overview.months.find((t) => t.month === which);
        expect([openid, which, tally?.completed ?? 0, tally?.required ?? 0]).toEqual([
          openid,
          which,
          counted?.study.done ?? 0,
          counted?.study.required ?? 0,
        ]);
      }
    }
    // The member entered this month counts this month and not last month.
    expect(membersOf(raw, month, now).some((m) => m.memberId === county.lateMemberId)).toBe(true);
    expect(membersOf(raw, previous, now).some((m) => m.memberId === county.lateMemberId)).toBe(false);
  });
});

describe('admin: every export sheet', () => {
  let wb: XLSX.WorkBook;
  const rowsOf = (name: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: true, defval: null }).slice(1);

  beforeAll(async () => {
    let job = await call<ExportJob>(
      'stats',
      'exportWorkbook',
      { fromMonth: previous, toMonth: month, requestId: 'recount-export' },
      DEMO_OPENIDS.admin,
    );
    for (let i = 0; job.status === 'running' && i < 100; i += 1)
      job = await call<ExportJob>('stats', 'exportStep', { exportId: job.exportId }, DEMO_OPENIDS.admin);
    if (job.status !== 'done') throw new Error(`export ended ${job.status}`);
    const response = await fetch(job.url);
    wb = XLSX.read(Buffer.from(await response.arrayBuffer()), { type: 'buffer' });
  }, 240_000);

  it('汇总: each month’s county total is the hand count', () => {
    for (const which of [previous, month]) {
      const total = rowsOf('汇总').find((r) => r[0] === which && r[2] === '合计')!;
      const t = expectedTotals(membersOf(raw, which, now));
      const rates = ratesOfTotals(t);
      expect(total[3]).toBe(t.members);
      expect(total[9]).toBe(t.complete);
      const expected = [rates.study, rates.quizParticipation, rates.quizAverageScore, rates.quizPass, rates.partyDay, rates.completion];
      [total[4], total[5], total[6], total[7], total[8], total[10]].forEach((cell, i) => {
        const want = expected[i] ?? null;
        if (want === null) expect(cell).toBeNull();
        // The average is written rounded to one decimal (the one score rule).
        else expect(cell).toBeCloseTo(i === 2 ? Math.round(want * 10) / 10 : want, i === 2 ? 9 : 9);
      });
    }
  });

  it('主题党日: every event’s counts at this instant (未签到 apart from 缺席 until the event is over)', () => {
    const rows = rowsOf('主题党日');
    const events = raw.checkinEvents.filter((e) => e.month === previous || e.month === month);
    expect(rows).toHaveLength(events.length);
    for (const event of events) {
      const row = rows.find((r) => r[2] === event.theme && r[1] === event.branchName && r[0] === event.month)!;
      const c = eventRecount(raw, event._id, now);
      expect(row.slice(5, 12)).toEqual([c.expected, c.present, c.late, c.excused, c.madeUp, c.absent, c.pending]);
    }
    const before = eventRecount(raw, county.phases.before.eventId, now);
    expect([before.absent, before.pending > 0]).toEqual([0, true]);
  });

  it('年度数据: held events, person-times, coverage and quiz figures as counted by hand (no 0 次 next to N 人次)', () => {
    const rows = rowsOf('年度数据');
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    const y = yearRecount(raw, [previous, month], now);
    expect(value('开展主题党日')).toBe(y.held);
    expect(value('主题党日参加人次（出席+迟到）')).toBe(y.personTimes);
    expect(value('主题党日补学人次')).toBe(y.madeUpPersonTimes);
    expect(value('党员人数（统计期内在册，去重）')).toBe(y.members);
    expect(value('至少参加（或补学）一次主题党日的党员')).toBe(y.reached);
    expect(value('主题党日覆盖率')).toBeCloseTo(y.reached / y.members, 9);
    expect(value('发布必学资料')).toBe(y.materials);
    expect(value('完成必学资料学习')).toBe(y.studyPersonTimes);
    expect(value('参加党规答题党员')).toBe(y.quizParticipants);
    expect(value('参加党规答题人次')).toBe(y.quizPersonTimes);
    expect(value('党规答题平均分')).toBe(Math.round(y.quizAverage! * 10) / 10);
    expect(value('党规答题合格率')).toBeCloseTo(y.quizPassRate!, 9);
    // The event not yet started is not held, and its leave request is no 人次.
    expect(eventRecount(raw, county.phases.before.eventId, now).held).toBe(false);
  });

  it('党员明细: one row per member-month; scores rounded by the one rule; a round nobody answered leaves its members 未答题 or 未合格', () => {
    const rows = rowsOf('党员明细');
    const expected = [previous, month].flatMap((m) => membersOf(raw, m, now));
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) {
      const score = row[7];
      if (score !== null) expect(Math.round((score as number) * 10) / 10).toBe(score);
    }
    expect(rows.some((r) => r[6] === '已及格' || r[6] === '未及格')).toBe(false);
  });

  it('口径说明: the figure table, row for row', () => {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['口径说明'] as XLSX.WorkSheet, { header: 1, raw: true, defval: '' });
    expect(rows[0]).toEqual(FIGURE_SHEET_HEADER);
    expect(rows.slice(1)).toEqual(figureSheetRows());
  });
});
