import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { BranchMatrix, Envelope, Rollup } from '@zbxx/contracts';
import { DEMO_OPENIDS, DEMO_ROUND_ID, generateCounty, seededRandom, type DemoCollections } from '@zbxx/demo-data';
import { sdkEnv } from '@zbxx/devcloud';
import type { AttendanceDoc, CheckinEventDoc, QuizAttemptDoc } from '@zbxx/server';
import { seedCounty } from '../../scripts/app';
import { startBenchApp } from '../lib/bench-app';
import { COUNTY_SCALE } from '../lib/county';
import { figure } from '../lib/figures';
import { PEAK_RSS_KB_EXPRESSION } from '../lib/peak-rss';
import { RssSampler } from '../lib/rss-sampler';
import { memberIdsByBranch, syntheticAttempts, syntheticPartyDays } from '../lib/synthetic-month';
import { round } from '../lib/stats';
import type { Scenario } from '../lib/types';

const MB = 1024 * 1024;
const BUDGET_MB = 256;
const MONTH = '2025-03';
const TODAY = new Date('2025-03-20T04:00:00+08:00');
const QUESTIONS_PER_PAPER = 20;
const RUNS = 3;

/**
 * The function bundle in a child process of its own, as one platform instance runs it (the SDK pointed at
 * devcloud by environment variables, the OPENID injected the platform's way): its peak RSS is what the
 * 256 MB instance limit applies to. Same harness as 09-export-scale.
 */
const CHILD = `
const [bundle, event] = process.argv.slice(1);
const { main } = require(bundle);
main(JSON.parse(event), {}).then((reply) => {
  process.stdout.write(JSON.stringify({ ok: reply.ok, maxRssKB: ${PEAK_RSS_KB_EXPRESSION} }) + '\\n');
  process.exit(0);
}, (err) => { console.error(err); process.exit(1); });
`;

/**
 * A subtree month's full member listing (党员明细, as the export reads it), in a process of its own through the
 * SDK: `memberMonthFactsPages` in pages of 1000 after the month's requirements. Prints the time, rows and pages.
 */
const LISTING_CHILD = `
const [nodeId, month] = process.argv.slice(1);
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database({ throwOnNotFound: false });
const { loadMonthRequirements, memberMonthFactsPages } = require('@zbxx/server');
(async () => {
  const { requiredMaterialIds, roundIds } = await loadMonthRequirements(db, { nodeId, nodePath: [nodeId], isBranch: false }, month);
  const started = performance.now();
  let rows = 0;
  let pages = 0;
  for await (const page of memberMonthFactsPages(db, { month, nodeId, requiredMaterialIds, roundIds }, 1000)) {
    rows += page.length;
    pages += 1;
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, rows, pages }) + '\\n');
  process.exit(0);
})().catch((err) => { console.error(err); process.exit(1); });
`;

/**
 * The measured month made busy: a 主题党日 in every branch with everyone's record, and about 80 % of members
 * answering the month's round (a third twice), attempts carrying their 20-question answers as real ones do.
 */
function busyMonth(c: DemoCollections): { checkinEvents: CheckinEventDoc[]; attendance: AttendanceDoc[]; quizAttempts: QuizAttemptDoc[] } {
  const random = seededRandom(808);
  const held = new Set(c.checkinEvents.filter((e) => e.month === MONTH).map((e) => e.branchId));
  const { checkinEvents, attendance } = syntheticPartyDays({
    month: MONTH,
    branches: c.orgs.filter((o) => o.type === 'branch' && !o.retiredAt && !held.has(o._id)),
    byBranch: memberIdsByBranch(c.members),
    template: c.checkinEvents[0] as CheckinEventDoc,
    random,
  });
  const questions = c.quizQuestions.slice(0, QUESTIONS_PER_PAPER);
  const quizAttempts = syntheticAttempts({
    month: MONTH,
    roundId: DEMO_ROUND_ID(MONTH),
    members: c.members,
    questions,
    random,
    detailed: true,
    snapshot: true,
  });
  return { checkinEvents: [...c.checkinEvents, ...checkinEvents], attendance: [...c.attendance, ...attendance], quizAttempts };
}

const scenario: Scenario = {
  title: '完成情况统计（县级规模）：一个支部的月度矩阵与全县汇总',
  requires: ['stats'],
  method:
    '演示县（20,000 名党员、600 个支部，含统计边界情况：月中转接、请假后补学、撤销的支部）补足统计月份的数据（各支部主题党日与签到记录、约八成党员答题且答卷带 20 题快照），写入 devcloud；以县委组织部管理员身份用 `devcloud.invoke` 调用 `stats.branchMatrix`（最大的支部）与 `stats.rollup`（全县），各预热一次后取 3 次中位数耗时和 devcloud 统计的数据库请求数；并与 240 人演示县的请求数比较（须相同）。再在单独子进程中加载 `stats` 函数包各调用一次，记录该进程峰值 RSS（对应云函数实例 256 MB 上限）；再在单独子进程中经 SDK 读出全县当月的全部党员明细（`memberMonthFactsPages`，每页 1000 人，导出的读法），记录耗时、行数、页数和请求数；另每 20 ms 采样 devcloud 所在进程的 RSS 取峰值（仅供参考，含内存中的全部数据）。',
  async run(ctx) {
    const rss = new RssSampler();
    try {
      const requestsAt = async (options: Parameters<typeof generateCounty>[0], label: string) => {
        let county: DemoCollections | null = generateCounty({
          ...options,
          statsEdgeCases: true,
          today: TODAY,
          studyMonth: MONTH,
        }).collections;
        county = { ...county, ...busyMonth(county) };
        const members = county.members;
        const sizes = new Map<string, number>();
        for (const m of members) sizes.set(m.branchId, (sizes.get(m.branchId) ?? 0) + 1);
        const biggest = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
        const app = await startBenchApp(ctx.tmpDir, `stats-${label}`, false);
        seedCounty(app.devcloud.engine, county);
        const documents = Object.values(county).reduce((sum, docs) => sum + docs.length, 0);
        county = null; // only the engine's copy stays, as in a running devcloud
        (globalThis as { gc?: () => void }).gc?.();
        ctx.log(
          `${label}: seeded ${members.length} members, ${documents} documents; biggest branch ${biggest} (${sizes.get(biggest)} members)`,
        );
        const measure = async <T>(action: string, data: unknown) => {
          const times: number[] = [];
          let requests = 0;
          let result: T | null = null;
          for (let i = 0; i <= RUNS; i += 1) {
            const started = performance.now();
            const reply = await app.devcloud.invoke('stats', { action, data }, DEMO_OPENIDS.admin);
            const ms = performance.now() - started;
            const envelope = reply.result as Envelope<T>;
            if (!envelope.ok) throw new Error(`${action}: ${envelope.error.code}: ${envelope.error.message}`);
            result = envelope.data;
            requests = reply.dbRequests;
            if (i > 0) times.push(ms); // the first call warms the worker
          }
          times.sort((a, b) => a - b);
          return { ms: times[Math.floor(times.length / 2)]!, requests, result: result as T };
        };
        try {
          rss.sample();
          const rssBefore = process.memoryUsage.rss();
          const matrix = await measure<BranchMatrix>('branchMatrix', { branchId: biggest, month: MONTH });
          const rollup = await measure<Rollup>('rollup', { month: MONTH });
          const functionRss = async (action: string, data: unknown) => {
            const { stdout } = await promisify(execFile)(
              process.execPath,
              ['-e', CHILD, join(ctx.repoRoot, 'cloudfunctions/stats/index.js'), JSON.stringify({ action, data })],
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
                timeout: 5 * 60_000,
              },
            );
            const run = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ok: boolean; maxRssKB: number };
            if (!run.ok) throw new Error(`${action} in a child process failed`);
            return run.maxRssKB * 1024;
          };
          const matrixRss = await functionRss('branchMatrix', { branchId: biggest, month: MONTH });
          const rollupRss = await functionRss('rollup', { month: MONTH });
          ctx.log(
            `${label}: branchMatrix ${round(matrix.ms, 0)} ms / ${matrix.requests} requests (${matrix.result.members.length} rows); ` +
              `rollup ${round(rollup.ms, 0)} ms / ${rollup.requests} requests (${rollup.result.children.length} children, ${rollup.result.total.totals.members} members); RSS before ${round(rssBefore / MB, 0)} MB`,
          );
          ctx.log(`${label}: function process peak RSS branchMatrix ${round(matrixRss / MB, 0)} MB, rollup ${round(rollupRss / MB, 0)} MB`);
          const listing = await (async () => {
            const countyId = rollup.result.node.id;
            const before = app.devcloud.stats.snapshot().dbRequests.fromScripts;
            const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', LISTING_CHILD, countyId, MONTH], {
              cwd: ctx.repoRoot,
              env: { PATH: process.env.PATH ?? '', ...sdkEnv(app.devcloud) },
              maxBuffer: 16 * MB,
              timeout: 5 * 60_000,
            });
            const run = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ms: number; rows: number; pages: number };
            // The requirements' requests are the listing's too (as in the export); the count includes them.
            return { ...run, requests: app.devcloud.stats.snapshot().dbRequests.fromScripts - before };
          })();
          ctx.log(
            `${label}: member listing ${round(listing.ms, 0)} ms, ${listing.rows} rows in ${listing.pages} pages, ${listing.requests} requests`,
          );
          return { matrix, rollup, listing, members: members.length, rssBefore, functionRss: Math.max(matrixRss, rollupRss) };
        } finally {
          await app.close();
        }
      };

      const small = await requestsAt({ seed: 20250701, now: new Date('2025-01-01T00:00:00Z') }, 'demo');
      const big = await requestsAt({ ...COUNTY_SCALE, now: new Date('2025-01-01T00:00:00Z') }, 'county');
      const peak = rss.stop();
      const sameMatrix = big.matrix.requests === small.matrix.requests;
      const sameRollup = big.rollup.requests === small.rollup.requests;
      return [
        figure({
          name: 'stats.county.branchMatrix.ms',
          label: '20,000 人规模下一个支部的月度矩阵（最大支部）耗时',
          value: round(big.matrix.ms, 0),
          unit: 'ms',
          note: `${big.matrix.result.members.length} 名党员，3 次中位数`,
        }),
        figure({
          name: 'stats.county.branchMatrix.dbRequests',
          label: '20,000 人规模下支部月度矩阵的数据库请求数',
          value: big.matrix.requests,
          unit: 'requests',
          budget: small.matrix.requests,
          ok: sameMatrix,
          note: `240 人演示县为 ${small.matrix.requests}${sameMatrix ? '，不随规模增长' : '，随规模变化了'}`,
        }),
        figure({
          name: 'stats.county.rollup.ms',
          label: '20,000 人规模下全县汇总（按党委）耗时',
          value: round(big.rollup.ms, 0),
          unit: 'ms',
          note: `${big.rollup.result.children.length} 个下级组织，3 次中位数`,
        }),
        figure({
          name: 'stats.county.rollup.dbRequests',
          label: '20,000 人规模下全县汇总的数据库请求数',
          value: big.rollup.requests,
          unit: 'requests',
          budget: small.rollup.requests,
          ok: sameRollup,
          note: `240 人演示县为 ${small.rollup.requests}${sameRollup ? '，不随规模增长' : '，随规模变化了'}`,
        }),
        figure({
          name: 'stats.county.memberListing.ms',
          label: '20,000 人规模下全县一个月的党员明细（memberMonthFactsPages，每页 1000 人）耗时',
          value: round(big.listing.ms, 0),
          unit: 'ms',
          note: `${big.listing.rows} 行，${big.listing.pages} 页；单独进程经 SDK，1 次`,
        }),
        figure({
          name: 'stats.county.memberListing.dbRequests',
          label: '全县一个月党员明细的数据库请求数（含当月要求）',
          value: big.listing.requests,
          unit: 'requests',
          note: `240 人演示县为 ${small.listing.requests}；每页 1 个请求，另有规划 2 个、当月要求 3–5 个`,
        }),
        figure({
          name: 'stats.county.function.peakRss.MB',
          label: '全县汇总 / 支部矩阵的函数进程峰值内存（RSS，单独子进程）',
          value: round(big.functionRss / MB, 0),
          unit: 'MB',
          budget: BUDGET_MB,
        }),
        figure({
          name: 'stats.county.devcloud.peakRss.MB',
          label: '统计场景期间 devcloud 进程（引擎 + 函数工作线程）的峰值内存（RSS）',
          value: round(peak / MB, 0),
          unit: 'MB',
          note: `调用前 ${round(big.rssBefore / MB, 0)} MB：devcloud 把 ${big.members.toLocaleString('en')} 人规模的全部数据放在内存里；云端数据库不在函数实例内`,
        }),
      ];
    } finally {
      rss.stop();
    }
  },
};

export default scenario;
