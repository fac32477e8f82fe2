import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as XLSX from 'xlsx';
import type { Envelope, ExportResult } from '@zbxx/contracts';
import { DEMO_OPENIDS, DEMO_ROUND_ID, generateCounty, monthBefore, seededRandom } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import type { MemberDoc, QuizAttemptDoc, TransferDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';
import { countsOf, monthEndOf, memberMonths, ratesRow, type MemberMonth, type RawCollections } from './export-expected';
import { runExport } from './export-runner';

jest.setTimeout(60_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const now = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(now);
const months = [monthBefore(month, 2), monthBefore(month, 1), month];
// The stats edge cases: a transfer mid-month, an excused member who made up, a retired branch.
const county = generateCounty({ seed: 20250701, studyMonth: month, today: now, statsEdgeCases: true });
const c = county.collections;
const countyRoot = c.orgs.find((o) => o.parentId === null)!;
const admin2 = c.members.find((m) => m.openid === DEMO_OPENIDS.admin2)!;
const committeeId = admin2.roles.find((g) => g.role === 'admin')!.orgId;
const branches = c.orgs.filter((o) => o.type === 'branch');

/**
 * Finished attempts of last month's round for two thirds of the county (a third of those a second, better
 * try), an unfinished one that must not count, and scores a fixed seed decides.
 */
function seededAttempts(): QuizAttemptDoc[] {
  const random = seededRandom(7);
  const round = c.quizRounds.find((r) => r._id === DEMO_ROUND_ID(months[1] as string))!;
  const questions = c.quizQuestions.slice(0, 20);
  const attempts: QuizAttemptDoc[] = [];
  const finishedAt = new Date(round.opensAt.getTime() + 3 * 24 * 3600 * 1000);
  c.members.forEach((member, i) => {
    if (i % 3 === 0) return;
    const tries = i % 5 === 0 ? 2 : 1;
    for (let n = 1; n <= tries + (i % 7 === 0 ? 1 : 0); n += 1) {
      const unfinished = n > tries;
      const outcomes = questions.map(
        (q) => ({ questionId: q._id, outcome: random() < 0.7 ? 'correct' : 'wrong', earned: 0, points: 5 }) as const,
      );
      const answers = Object.fromEntries(
        questions.map((q, k) => [q._id, outcomes[k]?.outcome === 'correct' ? q.key : k % 4 === 0 ? [] : ['C']]),
      );
      const score = outcomes.filter((o) => o.outcome === 'correct').length * 5;
      attempts.push({
        _id: `${round._id}_${member._id}_${n}`,
        roundId: round._id,
        memberId: member._id,
        branchId: member.branchId,
        attemptNumber: n,
        finishedAt: unfinished ? null : new Date(finishedAt.getTime() + n * 3600_000),
        score: unfinished ? null : score,
        passed: unfinished ? null : score >= round.passMark,
        maxScore: 100,
        answers,
        outcomes: unfinished ? null : outcomes.map((o) => ({ ...o })),
      } as unknown as QuizAttemptDoc);
    }
  });
  return attempts;
}

const edgeTransfers: TransferDoc[] = (c as { transfers?: TransferDoc[] }).transfers ?? [];

/** 组织关系转接 this month: the member counts in their old branch for the earlier months, the new one now. */
function transferred(): { members: MemberDoc[]; transfers: TransferDoc[] } {
  const mover = c.members.find((m) => !m.openid && m.branchId === branches[3]?._id && !edgeTransfers.some((t) => t.memberId === m._id))!;
  const to = branches[5]!;
  const toOrgPath = [...to.ancestors, to._id];
  const at = new Date(monthEndOf(months[1] as string).getTime() + 3600_000);
  return {
    members: c.members.map((m) => (m._id === mover._id ? { ...m, branchId: to._id, orgPath: toOrgPath } : m)),
    transfers: [
      {
        _id: 'tr-export-1',
        memberId: mover._id,
        fromBranchId: mover.branchId,
        fromOrgPath: mover.orgPath,
        toBranchId: to._id,
        toOrgPath,
        at,
        reason: 'transfer',
        actor: { openid: DEMO_OPENIDS.admin, memberId: null },
        requestId: null,
      },
    ],
  };
}

const moved = transferred();
const raw: RawCollections = {
  orgs: c.orgs,
  members: moved.members,
  transfers: [...edgeTransfers, ...moved.transfers],
  studyPlans: c.studyPlans,
  studyProgress: c.studyProgress,
  quizRounds: c.quizRounds,
  quizAttempts: seededAttempts(),
  checkinEvents: c.checkinEvents,
  attendance: c.attendance,
};

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    functions: ['stats'],
    now,
    seed: { ...county.collections, ...raw } as unknown as Record<string, object[]>,
  });
}, 120_000);
afterAll(async () => {
  await cloud?.close();
});

const stats = <T>(action: string, data: unknown, openid: string) => cloud.call<Envelope<T>>('stats', { action, data }, openid);
const rowsOf = (wb: XLSX.WorkBook, name: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: true, defval: null }).slice(1);
const exportDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('stats-export-'));

async function download(result: ExportResult): Promise<XLSX.WorkBook> {
  const response = await fetch(result.url);
  expect(response.status).toBe(200);
  const content = Buffer.from(await response.arrayBuffer());
  expect(content.length).toBe(result.bytes);
  return XLSX.read(content, { type: 'buffer' });
}

const nameOf = (id: string) => c.orgs.find((o) => o._id === id)?.name ?? '';
/** As 汇总 names a branch: retired ones marked. */
const summaryNameOf = (id: string) => {
  const org = c.orgs.find((o) => o._id === id);
  return org?.retiredAt ? `${org.name}（已撤销）` : (org?.name ?? '');
};
const expectRates = (actual: unknown[], expected: (number | null)[]) => {
  expected.forEach((value, i) => {
    if (value === null) expect(actual[i]).toBeNull();
    else expect(actual[i]).toBeCloseTo(value, 9);
  });
};

describe('stats.exportWorkbook for the county (demo-admin), read back with SheetJS', () => {
  let result: ExportResult;
  let wb: XLSX.WorkBook;
  let expected: MemberMonth[];
  let dbRequests: number;
  /** Just before the export was asked for: no event of the demo starts or ends within the minutes it takes. */
  let exportedAt: Date;

  beforeAll(async () => {
    exportedAt = cloud.clock.date();
    const run = await runExport(cloud, DEMO_OPENIDS.admin, { fromMonth: months[0], toMonth: months[2], requestId: 'export-county-3m' });
    result = run.result;
    dbRequests = run.dbRequests;
    wb = await download(result);
    expected = months.flatMap((m) => memberMonths(raw, countyRoot._id, m, exportedAt));
  }, 120_000);

  it('names the file after the node and the range and lists its sheets with their row counts', () => {
    expect(result.fileName).toBe(`${countyRoot.name}_${months[0]}至${months[2]}_统计.xlsx`);
    expect(result.fileId).toMatch(/^cloud:\/\//);
    expect(wb.SheetNames).toEqual(['汇总', '党员明细', '主题党日', '答题分析', '年度数据', '口径说明']);
    expect(result.sheets.map((s) => s.name)).toEqual(wb.SheetNames);
    for (const sheet of result.sheets) expect(rowsOf(wb, sheet.name)).toHaveLength(sheet.rows);
  });

  it('党员明细 holds every member of every month with the numbers counted from the raw records', () => {
    const tuple = (r: MemberMonth) => [
      r.month,
      nameOf(r.branchId),
      r.name,
      r.duty,
      r.studyDone,
      r.studyRequired,
      r.quiz,
      r.score,
      r.partyDay,
      r.complete ? '是' : '否',
      r.missing.join('、') || null,
    ];
    const sort = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sort(rowsOf(wb, '党员明细'))).toEqual(sort(expected.map(tuple)));
    // The seeded history really exercises the rule: every state shows up somewhere.
    const quizStates = new Set(expected.map((r) => r.quiz));
    expect([...quizStates].sort()).toEqual(['已合格', '无要求', '未合格', '未答题'].sort());
    expect(new Set(expected.map((r) => r.partyDay))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(expected.some((r) => r.partyDay === '补学')).toBe(true);
  });

  it('汇总: a row per branch and month and a total per month, equal to the hand counts', () => {
    const rows = rowsOf(wb, '汇总');
    for (const m of months) {
      const ofMonth = expected.filter((r) => r.month === m);
      const branchIds = [...new Set(ofMonth.map((r) => r.branchId))];
      const monthRows = rows.filter((r) => r[0] === m);
      expect(monthRows).toHaveLength(branchIds.length + 1);
      for (const branchId of branchIds) {
        const row = monthRows.find((r) => r[2] === summaryNameOf(branchId));
        expect(row).toBeDefined();
        const counts = countsOf(ofMonth.filter((r) => r.branchId === branchId));
        expect([row?.[3], row?.[9]]).toEqual([counts.members, counts.complete]);
        expectRates([row?.[4], row?.[5], row?.[6], row?.[7], row?.[8], row?.[10]], ratesRow(counts));
      }
      const total = monthRows.at(-1) as unknown[];
      const counts = countsOf(ofMonth);
      expect(total.slice(0, 4)).toEqual([m, countyRoot.name, '合计', counts.members]);
      expectRates([total[4], total[5], total[6], total[7], total[8], total[10]], ratesRow(counts));
    }
  });

  it('counts the transferred member in the old branch before the transfer and the new one after', () => {
    const mover = raw.transfers[0] as TransferDoc;
    const where = (m: string) => expected.find((r) => r.month === m && r.memberId === mover.memberId)?.branchId;
    expect([where(months[1] as string), where(months[2] as string)]).toEqual([mover.fromBranchId, mover.toBranchId]);
  });

  it('主题党日: every event of the range with its attendance counted from the records', () => {
    const rows = rowsOf(wb, '主题党日');
    const events = c.checkinEvents.filter((e) => months.includes(e.month));
    expect(rows).toHaveLength(events.length);
    for (const event of events) {
      const records = raw.attendance.filter((a) => a.eventId === event._id);
      const n = (...states: string[]) => records.filter((r) => states.includes(r.state)).length;
      const members = expected.filter((r) => r.month === event.month && r.branchId === event.branchId).length;
      const expectedCount = Math.max(members, records.length);
      const row = rows.find((r) => r[1] === event.branchName && r[2] === event.theme && r[0] === event.month);
      const unmarked = n('expected') + expectedCount - records.length;
      const over = Boolean(event.closedAt) || new Date(event.endsAt) <= exportedAt;
      expect(row?.slice(5, 12)).toEqual([
        expectedCount,
        n('present'),
        n('late'),
        n('excused', 'leaveRequested'),
        n('madeUp'),
        n('absent') + (over ? unmarked : 0),
        over ? 0 : unmarked,
      ]);
      if (expectedCount > 0) expect(row?.[12]).toBeCloseTo((n('present') + n('late')) / expectedCount, 9);
    }
  });

  it('答题分析: per question, examinees and the share correct over finished attempts', () => {
    const rows = rowsOf(wb, '答题分析');
    const finished = raw.quizAttempts.filter((a) => a.finishedAt !== null);
    const questionIds = [...new Set(finished.flatMap((a) => (a.outcomes ?? []).map((o) => o.questionId)))];
    expect(rows).toHaveLength(questionIds.length);
    for (const id of questionIds) {
      const question = c.quizQuestions.find((q) => q._id === id)!;
      let examinees = 0;
      let correct = 0;
      let unanswered = 0;
      for (const a of finished) {
        const outcome = a.outcomes?.find((o) => o.questionId === id);
        if (!outcome) continue;
        examinees += 1;
        if (outcome.outcome === 'correct') correct += 1;
        if ((a.answers[id] ?? []).length === 0) unanswered += 1;
      }
      const row = rows.find((r) => r[2] === question.stem);
      expect([row?.[1], row?.[6], row?.[10]]).toEqual([months[1], examinees, unanswered]);
      expect(row?.[7]).toBeCloseTo(correct / examinees, 3);
    }
  });

  it('年度数据: events held, person-times, coverage and quiz figures, counted by hand', () => {
    const rows = rowsOf(wb, '年度数据');
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    const events = c.checkinEvents.filter((e) => months.includes(e.month));
    const records = raw.attendance.filter((a) => events.some((e) => e._id === a.eventId));
    const everyone = new Set(expected.map((r) => r.memberId));
    const reached = new Set(expected.filter((r) => ['出席', '迟到', '补学'].includes(r.partyDay)).map((r) => r.memberId));
    const counts = countsOf(expected);
    const materials = new Set(
      c.studyPlans.filter((p) => months.includes(p.month) && p.status === 'published').flatMap((p) => p.requiredMaterialIds),
    );
    const attended = (id: string) => records.filter((r) => r.eventId === id && (r.state === 'present' || r.state === 'late')).length;
    const held = events.filter((e) => new Date(e.startsAt) <= exportedAt || e.closedAt || attended(e._id) > 0);
    expect(value('开展主题党日')).toBe(held.length);
    expect(value('主题党日参加人次（出席+迟到）')).toBe(held.reduce((sum, e) => sum + attended(e._id), 0));
    expect(value('主题党日补学人次')).toBe(records.filter((r) => r.state === 'madeUp').length);
    expect(value('党员人数（统计期内在册，去重）')).toBe(everyone.size);
    expect(value('至少参加（或补学）一次主题党日的党员')).toBe(reached.size);
    expect(value('主题党日覆盖率')).toBeCloseTo(reached.size / everyone.size, 9);
    expect(value('发布必学资料')).toBe(materials.size);
    expect(value('完成必学资料学习')).toBe(expected.reduce((sum, r) => sum + r.studyDone, 0));
    expect(value('参加党规答题党员')).toBe(new Set(expected.filter((r) => r.score !== null).map((r) => r.memberId)).size);
    expect(value('参加党规答题人次')).toBe(counts.quizTaken);
    expect(value('党规答题平均分')).toBe(Math.round((counts.scoreSum / counts.quizTaken) * 10) / 10);
    expect(value('党规答题合格率')).toBeCloseTo(counts.quizPassed / counts.quizTaken, 9);
    expect(String(rows.at(-1)?.[1])).toMatch(/^开展主题党日\d+次，参与\d+人次，/);
  });

  it('reads with a fixed number of requests per month and per round (one page of members here)', () => {
    const rounds = c.quizRounds.filter((r) => months.includes(r.month)).length;
    // One call here. The start and the job: caller, node, job, roster count, creation and lease (two transactions),
    // org names, 4 part reads, done, parts removed (about 20); per month: requirements (5), branch totals (2),
    // leavers + 1 page (2), events (1), attendance counts (1), and a part and a cursor per unit (8); per round: the
    // item analysis (2, one more per 1000 attempts).
    expect(dbRequests).toBeLessThanOrEqual(26 + 19 * months.length + 3 * rounds);
  });

  it('leaves no temp file behind, and no parts: the job is done with its file', () => {
    expect(exportDirs()).toEqual([]);
    expect(cloud.engine.find('statsExportParts', {})).toEqual([]);
    expect(cloud.engine.find('statsExports', { requestId: 'export-county-3m' })).toEqual([
      expect.objectContaining({ status: 'done', file: expect.objectContaining({ fileId: result.fileId }) }),
    ]);
  });
});

describe('scope and input checks', () => {
  it('a committee admin exports their own subtree: only its branches', async () => {
    const { result } = await runExport(cloud, DEMO_OPENIDS.admin2, {
      nodeId: committeeId,
      fromMonth: months[1],
      toMonth: months[1],
      requestId: 'export-committee-1m',
    });
    const wb = await download(result);
    const inside = new Set(branches.filter((b) => b.ancestors.includes(committeeId)).map((b) => b.name));
    const names = rowsOf(wb, '汇总')
      .filter((r) => r[2] !== '合计')
      .map((r) => String(r[2]).replace('（已撤销）', ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(inside.has(name)).toBe(true);
    expect(result.fileName).toBe(`${nameOf(committeeId)}_${months[1]}_统计.xlsx`);
  });

  it('refuses an admin of another subtree, a secretary and a member, reading nothing', async () => {
    for (const [openid, nodeId] of [
      [DEMO_OPENIDS.admin2, countyRoot._id],
      [DEMO_OPENIDS.secretary, undefined],
      [DEMO_OPENIDS.member, undefined],
    ] as const) {
      const { result, dbRequests } = await stats(
        'exportWorkbook',
        { nodeId, fromMonth: months[1], toMonth: months[1], requestId: 'export-refused' },
        openid,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
      expect(dbRequests).toBeLessThanOrEqual(2);
    }
  });

  it('refuses ranges over 12 months, reversed or in the future, with nothing written', async () => {
    const collections = [...Object.keys(raw), 'statsExports', 'statsExportParts'];
    const before = cloud.snapshot(collections);
    const cases = [
      { fromMonth: monthBefore(month, 12), toMonth: month, message: '一次最多导出12个月，请缩小月份范围' },
      // Refused by the contract itself, before the handler runs.
      { fromMonth: month, toMonth: monthBefore(month, 1), message: '起始月份不能晚于结束月份' },
      { fromMonth: month, toMonth: monthBefore(month, -1), message: '结束月份不能晚于本月' },
    ];
    for (const { message, ...range } of cases) {
      const { result, dbRequests } = await stats('exportWorkbook', { ...range, requestId: 'export-bad-range' }, DEMO_OPENIDS.admin);
      expect(result).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
      expect(JSON.stringify(result)).toContain(message);
      expect(dbRequests).toBeLessThanOrEqual(1);
    }
    expect(cloud.snapshot(collections)).toEqual(before);
    expect(exportDirs()).toEqual([]);
  });
});
