import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { ExportJob } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty, monthBefore, seededRandom, type DemoCollections } from '@zbxx/demo-data';
import { sdkEnv } from '@zbxx/devcloud';
import type { AttendanceDoc, CheckinEventDoc, QuizAttemptDoc, QuizRoundDoc, StudyPlanDoc, StudyProgressDoc } from '@zbxx/server';
import { seedCounty } from '../../scripts/app';
import { startBenchApp } from '../lib/bench-app';
import { COUNTY_SCALE } from '../lib/county';
import { figure } from '../lib/figures';
import { PEAK_RSS_KB_EXPRESSION } from '../lib/peak-rss';
import { round } from '../lib/stats';
import { atShanghai, memberIdsByBranch, syntheticAttempts, syntheticPartyDays } from '../lib/synthetic-month';
import type { Figure, Scenario, ScenarioContext } from '../lib/types';

const MB = 1024 * 1024;
const BUDGET_MB = 256;
export const LAST_MONTH = '2025-03';
export const MONTHS = Array.from({ length: 12 }, (_, i) => monthBefore(LAST_MONTH, 11 - i));
const QUESTIONS_PER_PAPER = 20;
/**
 * Attempts keep their answers and per-question outcomes (what 答题分析 reads) in the last two months only:
 * devcloud copies every document of a joined collection per aggregate request, and a year of full papers makes
 * each request outlast the SDK's 15 s timeout (see the report). Scores, pass marks and times are there for all.
 */
const DETAILED_MONTHS = MONTHS.slice(-2);

/**
 * The function bundle run in a child process of its own, as one platform instance runs it: the SDK pointed at
 * devcloud by environment variables, the caller's OPENID injected the platform's way. It reports the
 * process's peak RSS, which is what the 256 MB instance limit applies to.
 */
const CHILD = `
const [bundle, event] = process.argv.slice(1);
const { main } = require(bundle);
const started = performance.now();
main(JSON.parse(event), {}).then((reply) => {
  process.stdout.write(JSON.stringify({ reply, ms: performance.now() - started, maxRssKB: ${PEAK_RSS_KB_EXPRESSION} }) + '\\n');
  process.exit(0);
}, (err) => { console.error(err); process.exit(1); });
`;

export /**
 * The writer alone in a process of its own: a county's year of 党员明细 (20,000 × 12 rows) as fast as it can
 * take them, no database. Separates what exceljs costs from what the queries cost.
 */
const WRITER_CHILD = `
const { writeStatsWorkbook, withTempWorkbookPath } = require('./packages/server/src/xlsx/stats-workbook');
const { memberMonthStatus } = require('./packages/domain/src');
const rows = Number(process.argv[1]);
const status = memberMonthStatus(
  { memberId: 'm', branchId: 'b', orgPath: ['c', 'b'], completedMaterialIds: ['x'], attempts: [{ roundId: 'r', score: 85, passed: true, finishedAt: new Date() }], attendance: [{ eventId: 'e', state: 'present' }] },
  { plans: [{ orgId: 'c', requiredMaterialIds: ['x', 'y'] }], rounds: [{ roundId: 'r', orgId: 'c', grading: 'best', maxScore: 100 }], eventsByBranch: { b: ['e'] } },
);
async function* members() {
  for (let i = 0; i < rows; i += 1) yield { month: '2025-03', branchName: '城关镇第' + (i % 600) + '党支部', name: '党员' + i, duty: '党员', status };
}
const figures = { nodeName: '清河县', fromMonth: '2024-04', toMonth: '2025-03', members: 0, partyDaysHeld: 0, partyDayPersonTimes: 0, madeUpPersonTimes: 0, membersReachedByPartyDay: 0, materialsPublished: 0, studyPersonTimes: 0, quizParticipants: 0, quizPersonTimes: 0, quizAverageScore: null, quizPassRate: null };
const started = performance.now();
withTempWorkbookPath('w.xlsx', (file) => writeStatsWorkbook(file, { summary: [], members: members(), events: [], items: [], yearFigures: () => figures })).then((written) => {
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, bytes: written.bytes, maxRssKB: ${PEAK_RSS_KB_EXPRESSION} }) + '\\n');
});
`;

/**
 * History for every member in `months` (the demo county holds three months of plans and events, no answers): each month a county plan with
 * one required material, a county quiz round, a 主题党日 in every branch; most members read, answer (a third
 * twice) and attend, a few are excused and make up or are absent. Months the demo already fills keep its data.
 */
type History = Pick<DemoCollections, 'studyPlans' | 'studyProgress' | 'quizRounds' | 'checkinEvents' | 'attendance'> & {
  quizAttempts: QuizAttemptDoc[];
};

export function historyOf(c: DemoCollections, months: readonly string[]): History {
  const random = seededRandom(909 + months.length);
  const county = c.orgs.find((o) => o.parentId === null)!;
  const branches = c.orgs.filter((o) => o.type === 'branch');
  const templatePlan = c.studyPlans.find((p) => p.orgId === county._id)!;
  const templateRound = c.quizRounds[0] as QuizRoundDoc;
  const templateEvent = c.checkinEvents[0] as CheckinEventDoc;
  const questions = c.quizQuestions.slice(0, QUESTIONS_PER_PAPER);
  const byBranch = memberIdsByBranch(c.members);

  const studyPlans: StudyPlanDoc[] = [];
  const studyProgress: StudyProgressDoc[] = [];
  const quizRounds: QuizRoundDoc[] = [];
  const quizAttempts: QuizAttemptDoc[] = [];
  const checkinEvents: CheckinEventDoc[] = [];
  const attendance: AttendanceDoc[] = [];
  for (const month of months) {
    const materialId = `mat-bench-${month}`;
    if (!c.studyPlans.some((p) => p.month === month)) {
      studyPlans.push({
        ...templatePlan,
        _id: `plan-bench-${month}`,
        month,
        requiredMaterialIds: [materialId],
        optionalMaterialIds: [],
        materialIds: [materialId],
      });
      for (const member of c.members) {
        if (random() < 0.85) {
          const at = atShanghai(month, 5, 20);
          studyProgress.push({
            _id: `${member._id}_${materialId}`,
            memberId: member._id,
            materialId,
            branchId: member.branchId,
            textLength: 3000,
            imageCount: 0,
            creditedSeconds: 400,
            furthest: 1,
            position: 1,
            lastSeenAt: at,
            completedAt: at,
            batchIds: [],
            updatedAt: at,
          });
        }
      }
    }
    let roundId = c.quizRounds.find((r) => r.month === month)?._id;
    if (!roundId) {
      roundId = `round-bench-${month}`;
      quizRounds.push({
        ...templateRound,
        _id: roundId,
        month,
        title: `${month}党内法规知识答题`,
        opensAt: atShanghai(month, 1, 0),
        closesAt: atShanghai(monthBefore(month, -1), 1, 0),
      });
    }
    // (Appended one by one: a county month is ~20,000 documents, too many for a spread's arguments.)
    for (const attempt of syntheticAttempts({
      month,
      roundId,
      members: c.members,
      questions,
      random,
      detailed: DETAILED_MONTHS.includes(month),
      snapshot: false,
    }))
      quizAttempts.push(attempt);
    const held = new Set(c.checkinEvents.filter((e) => e.month === month).map((e) => e.branchId));
    const days = syntheticPartyDays({
      month,
      branches: branches.filter((b) => !held.has(b._id)),
      byBranch,
      template: templateEvent,
      random,
    });
    for (const event of days.checkinEvents) checkinEvents.push(event);
    for (const record of days.attendance) attendance.push(record);
  }
  return { studyPlans, studyProgress, quizRounds, quizAttempts, checkinEvents, attendance };
}

interface ChildRun {
  reply: { ok: boolean; data?: ExportJob; error?: { code: string; message: string } };
  ms: number;
  maxRssKB: number;
}

/** The function's timeout on the platform: no single call may take longer. */
const CALL_LIMIT_MS = 60_000;

interface ExportScale {
  /** Figure ids: `export.<key>.…` */
  key: string;
  /** 中文 for labels, e.g. 全县 (20,000 人). */
  name: string;
  members: number;
  branches: number;
  committees: number;
}

/**
 * DESIGN.md's county, and one a tenth its size. Both years run as export jobs: no call does more than about
 * 20 s of units (the file's write excepted), so a year is a few calls for the town and a dozen for the county.
 */
const SCALES: readonly ExportScale[] = [
  { key: 'town', name: '2,000 人 / 60 个支部', members: 2_000, branches: 60, committees: 6 },
  {
    key: 'county',
    name: '全县 20,000 人 / 600 个支部',
    members: COUNTY_SCALE.members!,
    branches: COUNTY_SCALE.branches!,
    committees: COUNTY_SCALE.committees!,
  },
];

async function exportsAtScale(ctx: ScenarioContext, scale: ExportScale): Promise<Figure[]> {
  const county = generateCounty({
    ...COUNTY_SCALE,
    members: scale.members,
    branches: scale.branches,
    committees: scale.committees,
    today: atShanghai(LAST_MONTH, 15, 12),
    now: new Date('2024-01-01T00:00:00Z'),
  });
  // Another bench run on the machine may have cleared the shared scratch space meanwhile.
  mkdirSync(ctx.tmpDir, { recursive: true });
  const app = await startBenchApp(ctx.tmpDir, `export-${scale.key}`, false);
  const figures: Figure[] = [];
  const insert = (history: History) => {
    for (const [name, docs] of Object.entries(history))
      if (docs.length > 0) app.devcloud.engine.insertMany(name, docs as unknown as Parameters<typeof app.devcloud.engine.insertMany>[1]);
    ctx.log(
      `${scale.key}: seeded ${history.quizAttempts.length} attempts, ${history.attendance.length} attendance records, ${history.studyProgress.length} progress records`,
    );
  };

  /** One call of the function in a process of its own, as one platform instance runs it. */
  const callInChild = async (event: unknown): Promise<ChildRun & { stderr: string }> => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['-e', CHILD, join(ctx.repoRoot, 'cloudfunctions/stats/index.js'), JSON.stringify(event)],
      {
        env: {
          PATH: process.env.PATH ?? '',
          ...sdkEnv(app.devcloud),
          WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_CLIENTIP',
          WX_OPENID: DEMO_OPENIDS.admin,
          WX_APPID: 'wx-bench',
          WX_CLIENTIP: '127.0.0.1',
        },
        maxBuffer: 16 * MB,
        timeout: 30 * 60_000,
      },
    );
    return { ...(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildRun), stderr };
  };

  /** The export as the client drives it: `exportWorkbook` (the first step), then `exportStep` until done. */
  const exportOf = async (label: '1m' | '12m', fromMonth: string): Promise<void> => {
    const what = label === '12m' ? `${scale.name} 12 个月（${fromMonth}至${LAST_MONTH}）` : `${scale.name} 1 个月（${LAST_MONTH}）`;
    const id = `export.${scale.key}.${label}`;
    const before = app.devcloud.stats.snapshot().dbRequests.total;
    const started = performance.now();
    const calls: ChildRun[] = [];
    let event: unknown = {
      action: 'exportWorkbook',
      data: { fromMonth, toMonth: LAST_MONTH, requestId: `bench-${id.replace(/\./g, '-')}` },
    };
    for (;;) {
      const run = await callInChild(event);
      calls.push(run);
      const job = run.reply.data;
      if (!run.reply.ok || !job) {
        // Reported, not thrown: the other exports' figures still count.
        const dbRequests = app.devcloud.stats.snapshot().dbRequests.total - before;
        const rssMB = round(Math.max(...calls.map((c) => c.maxRssKB)) / 1024, 0);
        const reason = /request timeout/.test(run.stderr)
          ? 'devcloud 聚合请求超过 SDK 的 15 s 超时'
          : `${run.reply.error?.code}: ${run.reply.error?.message}`;
        ctx.log(
          `${id} failed at call ${calls.length} after ${round((performance.now() - started) / 1000)} s, ${dbRequests} requests: ${reason}`,
        );
        figures.push(
          figure({
            name: `${id}.ms`,
            label: `导出${what}耗时（未完成）`,
            value: round(performance.now() - started, 0),
            unit: 'ms',
            ok: false,
            note: `第 ${calls.length} 次调用失败：${reason}；已发出 ${dbRequests} 个请求，峰值 RSS ${rssMB} MB`,
          }),
        );
        return;
      }
      ctx.log(
        `${id} call ${calls.length}: ${round(run.ms / 1000)} s, ${round(run.maxRssKB / 1024, 0)} MB, ${job.progress.done}/${job.progress.total} ${job.progress.label}`,
      );
      if (job.status === 'done') break;
      event = { action: 'exportStep', data: { exportId: job.exportId } };
    }
    const ms = performance.now() - started;
    const dbRequests = app.devcloud.stats.snapshot().dbRequests.total - before;
    const result = calls.at(-1)!.reply.data as Extract<ExportJob, { status: 'done' }>;
    const longest = Math.max(...calls.map((c) => c.ms));
    const rssMB = round(Math.max(...calls.map((c) => c.maxRssKB)) / 1024, 0);
    const rows = result.sheets.map((sheet) => `${sheet.name} ${sheet.rows}`).join('，');
    ctx.log(
      `${id}: ${round(ms / 1000)} s in ${calls.length} calls (longest ${round(longest / 1000)} s), ${dbRequests} requests, ${round(result.bytes / MB)} MB, peak RSS ${rssMB} MB (${rows})`,
    );
    figures.push(
      figure({
        name: `${id}.ms`,
        label: `导出${what}总耗时（全部调用）`,
        value: round(ms, 0),
        unit: 'ms',
        note: `${calls.length} 次调用，每次在单独进程中（含进程启动）`,
      }),
      figure({
        name: `${id}.calls`,
        label: `导出${what}的调用次数（开始 + 各步）`,
        value: calls.length,
        unit: 'calls',
        note: `每步默认最多工作约 20 s；共 ${result.progress.total} 个工作单元`,
      }),
      figure({
        name: `${id}.maxCall.ms`,
        label: `导出${what}单次调用最长耗时`,
        value: round(longest, 0),
        unit: 'ms',
        budget: CALL_LIMIT_MS,
        note: '云函数超时上限 60 s',
      }),
      figure({
        name: `${id}.dbRequests`,
        label: `导出${what}数据库请求数（全部调用）`,
        value: dbRequests,
        unit: 'requests',
        note: '每月常数个请求 + 每 1000 名党员一页明细 + 每个单元 2 次（存部分结果、移动进度）',
      }),
      figure({ name: `${id}.MB`, label: `导出${what}文件大小`, value: round(result.bytes / MB), unit: 'MB', note: rows }),
      figure({
        name: `${id}.peakRss.MB`,
        label: `导出${what}的函数进程峰值内存（RSS，各次调用中最大）`,
        value: rssMB,
        unit: 'MB',
        budget: BUDGET_MB,
      }),
    );
  };

  try {
    seedCounty(app.devcloud.engine, county.collections);
    // The month alone first, then the eleven before it: the year's export reads a year of history.
    insert(historyOf(county.collections, [LAST_MONTH]));
    await exportOf('1m', LAST_MONTH);
    insert(historyOf(county.collections, MONTHS.slice(0, -1)));
    await exportOf('12m', MONTHS[0] as string);
    return figures;
  } finally {
    await app.close();
  }
}

const scenario: Scenario = {
  title: '统计导出：2,000 人与 20,000 人（600 个支部）的 1 个月与 12 个月',
  requires: ['stats'],
  method:
    '先在单独进程里只用写出器写 24 万行党员明细（无查询）；再分别在 2,000 人（60 个支部）和 20,000 人（600 个支部）的演示县上先补足最后一个月、导出 1 个月，再补足其余 11 个月的历史（每月全县学习计划、答题活动、各支部主题党日与签到记录，约八成党员答题、三成答两次；最近两个月的答卷带逐题作答供答题分析），写入 devcloud；然后在单独的子进程中加载 `stats` 函数包（SDK 通过环境变量指向 devcloud，OPENID 按平台方式注入），以县委组织部管理员身份调用 `exportWorkbook` 开始导出任务，再像客户端一样反复调用 `exportStep` 直到完成，每次调用都在一个新的子进程中：记录总墙钟时间、调用次数、单次调用最长耗时（上限 60 s）、devcloud 统计的数据库请求数、文件大小、各子进程峰值 RSS 中的最大值（`/proc/self/status` 的 VmHWM，对应云函数实例 256 MB 的内存上限）。',
  async run(ctx) {
    const writerRows = COUNTY_SCALE.members! * MONTHS.length;
    const idle = JSON.parse(
      (await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', WRITER_CHILD, '0'], { cwd: ctx.repoRoot })).stdout.trim(),
    ) as { maxRssKB: number };
    const writer = JSON.parse(
      (
        await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', WRITER_CHILD, String(writerRows)], {
          cwd: ctx.repoRoot,
          timeout: 15 * 60_000,
        })
      ).stdout.trim(),
    ) as { ms: number; bytes: number; maxRssKB: number };
    ctx.log(
      `writer alone: ${writerRows} rows in ${round(writer.ms / 1000)} s, ${round(writer.bytes / MB)} MB, peak RSS ${round(writer.maxRssKB / 1024, 0)} MB (idle ${round(idle.maxRssKB / 1024, 0)} MB)`,
    );
    const writerFigures = [
      figure({
        name: 'export.writer.rows240k.ms',
        label: `仅写文件：${writerRows} 行党员明细（无查询）耗时`,
        value: round(writer.ms, 0),
        unit: 'ms',
      }),
      figure({
        name: 'export.writer.rows240k.MB',
        label: `仅写文件：${writerRows} 行党员明细文件大小`,
        value: round(writer.bytes / MB),
        unit: 'MB',
      }),
      figure({
        name: 'export.writer.rows240k.peakRss.MB',
        label: `仅写文件：${writerRows} 行党员明细的进程峰值内存（RSS）`,
        value: round(writer.maxRssKB / 1024, 0),
        unit: 'MB',
        budget: BUDGET_MB,
        note: `含 tsx 加载 TypeScript 的开销：同一进程不写任何行时为 ${round(idle.maxRssKB / 1024, 0)} MB`,
      }),
    ];
    const figures: Figure[] = [...writerFigures];
    for (const scale of SCALES) figures.push(...(await exportsAtScale(ctx, scale)));
    return figures;
  },
};

export default scenario;
