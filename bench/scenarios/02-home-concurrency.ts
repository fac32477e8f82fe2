import { performance } from 'node:perf_hooks';
import { demoStudyMonth } from '@zbxx/demo-data';
import { startBenchApp } from '../lib/bench-app';
import { bindMembers } from '../lib/bind-members';
import { fixedCounty } from '../lib/county';
import { matchesEnvelope } from '../lib/envelope';
import { figure } from '../lib/figures';
import { functionInstances } from '../lib/function-instances';
import { GatewayClient, type GatewayReply } from '../lib/gateway-client';
import { round, summarize } from '../lib/stats';
import type { Figure, Scenario } from '../lib/types';

const CONCURRENCY = 200;
const MEASURED_ROUNDS = 3;
// Instances start one at a time and a cold start takes seconds on 2 busy cores: warm until the pool is full,
// but never longer than this.
const WARM_UP_LIMIT_MS = 45_000;
// A county slice big enough that 2 × 200 members can be bound without touching the demo identities, with
// this month's plans and round, so every member's home screen has its full cards.
const COUNTY = { ...fixedCounty({ members: 2000, branches: 60, committees: 3 }), studyMonth: demoStudyMonth() };
// The home screen's one call (account.home: who I am + the month's cards).
const HOME = { action: 'home' } as const;

const scenario: Scenario = {
  title: '并发打开首页：200 名党员同时调用 account.home',
  requires: ['account'],
  method:
    `在 ${COUNTY.members} 名党员的县（固定种子）上直接绑定 ${2 * CONCURRENCY} 名党员（A、B 两组各 ${CONCURRENCY} 人），经 HTTP 网关 \`POST /api/functions/account\`（\`X-Dev-Openid\`）调用首页的 \`home\`（本月有学习计划与答题）。` +
    `冷启动：新启动的 devcloud 上 A 组 ${CONCURRENCY} 人同时调用一次（云函数实例从 0 个开始逐个冷启动）。` +
    `预热：A 组 ${CONCURRENCY} 个虚拟用户循环调用，直到 devcloud 为该函数启动满全部实例（上限 8 个，最多 ${WARM_UP_LIMIT_MS / 1000} 秒），不计入结果。` +
    `稳态：B 组 ${CONCURRENCY} 人同时调用，共 ${MEASURED_ROUNDS} 轮。延迟为客户端从发出请求到收完响应的时间；压测客户端与 devcloud 在同一进程、共用 2 个核。错误 = 非 200、信封 ok:false 或状态不是 bound。`,
  async run(ctx) {
    const app = await startBenchApp(ctx.tmpDir, 'home-load', COUNTY);
    const client = new GatewayClient(app.url);
    try {
      const openids = bindMembers(app.devcloud.engine, 2 * CONCURRENCY);
      const groupA = openids.slice(0, CONCURRENCY);
      const groupB = openids.slice(CONCURRENCY);
      const isError = (reply: GatewayReply): boolean => reply.status !== 200 || !matchesEnvelope(reply.body, { ok: true, status: 'bound' });
      const burst = async (ids: readonly string[]) => {
        const started = performance.now();
        const replies = await Promise.all(ids.map((openid) => client.call('account', HOME, openid)));
        return { replies, wallMs: performance.now() - started };
      };

      const cold = await burst(groupA);
      const coldLatency = summarize(cold.replies.map((r) => r.latencyMs));
      const coldErrors = cold.replies.filter(isError).length;
      ctx.log(`cold burst: p50 ${coldLatency.p50.toFixed(0)} ms, p99 ${coldLatency.p99.toFixed(0)} ms, ${coldErrors} errors`);

      // Warm-up: closed loop, every virtual user calls again as soon as its reply arrives.
      const warmStarted = performance.now();
      const pool = () => functionInstances(app.devcloud, 'account');
      const warmDone = (): boolean => {
        const elapsed = performance.now() - warmStarted;
        const p = pool();
        return elapsed >= WARM_UP_LIMIT_MS || p.size >= p.max;
      };
      let warmCalls = 0;
      let warmErrors = 0;
      await Promise.all(
        groupA.map(async (openid) => {
          while (!warmDone()) {
            warmCalls += 1;
            if (isError(await client.call('account', HOME, openid))) warmErrors += 1;
          }
        }),
      );
      const instances = pool();
      const warmMs = performance.now() - warmStarted;
      ctx.log(
        `warm-up: ${warmCalls} calls (${warmErrors} errors) in ${(warmMs / 1000).toFixed(1)} s, instances ${instances.size}/${instances.max}`,
      );

      const latencies: number[] = [];
      const roundTimes: number[] = [];
      let errors = 0;
      let maxDbRequests = 0;
      for (let r = 0; r < MEASURED_ROUNDS; r += 1) {
        const { replies, wallMs } = await burst(groupB);
        roundTimes.push(wallMs);
        for (const reply of replies) {
          latencies.push(reply.latencyMs);
          if (isError(reply)) errors += 1;
          maxDbRequests = Math.max(maxDbRequests, reply.dbRequests ?? 0);
        }
      }
      const s = summarize(latencies);
      const wall = summarize(roundTimes);
      ctx.log(
        `steady: p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, errors ${errors}, rounds ${roundTimes.map((t) => t.toFixed(0)).join('/')} ms`,
      );

      const base = `load.account.home.c${CONCURRENCY}`;
      const instancesNote = instances ? `云函数实例 ${instances.size} 个` : undefined;
      const figures: Figure[] = [
        figure({
          name: `${base}.p50`,
          label: `${CONCURRENCY} 并发 home 延迟 p50（稳态）`,
          value: round(s.p50),
          unit: 'ms',
          note: instancesNote,
        }),
        figure({ name: `${base}.p95`, label: `${CONCURRENCY} 并发 home 延迟 p95（稳态）`, value: round(s.p95), unit: 'ms' }),
        figure({ name: `${base}.p99`, label: `${CONCURRENCY} 并发 home 延迟 p99（稳态）`, value: round(s.p99), unit: 'ms' }),
        figure({
          name: `${base}.errors`,
          label: `${CONCURRENCY} 并发 home 错误数（稳态 ${latencies.length} 次调用）`,
          value: errors,
          unit: 'count',
          budget: 0,
        }),
        figure({
          name: `${base}.roundMs`,
          label: `一轮 ${CONCURRENCY} 个调用全部完成（稳态，中位数）`,
          value: round(wall.p50, 0),
          unit: 'ms',
        }),
        figure({ name: `${base}.throughput`, label: '吞吐量（稳态）', value: round((CONCURRENCY * 1000) / wall.p50), unit: 'calls/s' }),
        figure({
          name: `${base}.maxDbRequests`,
          label: '并发下单次 home 的最多数据库请求数',
          value: maxDbRequests,
          unit: 'requests',
          budget: 4,
        }),
        figure({
          name: `${base}.cold.p50`,
          label: `冷启动时 ${CONCURRENCY} 并发 home 延迟 p50`,
          value: round(coldLatency.p50),
          unit: 'ms',
        }),
        figure({
          name: `${base}.cold.p99`,
          label: `冷启动时 ${CONCURRENCY} 并发 home 延迟 p99`,
          value: round(coldLatency.p99),
          unit: 'ms',
        }),
        figure({
          name: `${base}.cold.errors`,
          label: `冷启动时 ${CONCURRENCY} 并发 home 错误数`,
          value: coldErrors,
          unit: 'count',
          budget: 0,
        }),
        figure({
          name: `${base}.warmUp.errors`,
          label: `预热期间错误数（${warmCalls} 次调用）`,
          value: warmErrors,
          unit: 'count',
          budget: 0,
        }),
      ];
      return figures;
    } finally {
      client.close();
      await app.close();
    }
  },
};

export default scenario;
