import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoStudyMonth } from '@zbxx/demo-data';
import { sdkEnv, startDevcloud } from '@zbxx/devcloud';
import { startApp } from '../../scripts/app';
import { bindMembers } from '../lib/bind-members';
import { fixedCounty } from '../lib/county';
import { matchesEnvelope } from '../lib/envelope';
import { figure } from '../lib/figures';
import { GatewayClient, type GatewayReply } from '../lib/gateway-client';
import { round, summarize } from '../lib/stats';
import type { Figure, Scenario } from '../lib/types';

const SDK_CALLS = 300;
const SDK_CONCURRENCY = 8;
const BURST = 200;
const COUNTY = { ...fixedCounty({ members: 1200, branches: 30, committees: 3 }), studyMonth: demoStudyMonth() };
const HOME = { action: 'home' } as const;

/** The floor: the smallest server that answers the SDK's `doc().get()` (no parsing beyond reading the body). */
async function startFloorServer(): Promise<{ url: string; close(): Promise<void> }> {
  const reply = JSON.stringify({ requestId: 'floor', data: { list: ['{"_id":"d1","value":{"$numberInt":"1"}}'], offset: 0, limit: 100 } });
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(reply) });
      res.end(reply);
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** `doc('d1').get()` SDK_CALLS times through this process's wx-server-sdk, SDK_CONCURRENCY at a time; ms per call. */
async function sdkRoundTrips(env: Record<string, string>): Promise<number> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    const doc = cloud.database().collection('bench').doc('d1');
    for (let i = 0; i < 20; i++) await doc.get(); // warm the keep-alive sockets and the JIT
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SDK_CONCURRENCY }, async () => {
        while (next < SDK_CALLS) {
          next += 1;
          await doc.get();
        }
      }),
    );
    return (performance.now() - started) / SDK_CALLS;
  } finally {
    process.env = saved;
  }
}

const scenario: Scenario = {
  title: 'devcloud 自身开销与冷启动突发：裸 SDK 往返 vs 经 devcloud；200 个冷调用 vs 热调用',
  requires: ['account'],
  method:
    `开销：同一进程里的真实 wx-server-sdk 对同一文档做 ${SDK_CALLS} 次 \`doc().get()\`（${SDK_CONCURRENCY} 路并发），先打到一个只回固定应答的最小 HTTP 服务（下限），再打到 devcloud，比值 = devcloud 每次耗时 ÷ 下限。` +
    `突发：在 ${COUNTY.members} 名党员的县上，新启动的应用里 ${BURST} 名党员同时经网关调用 account.home（实例从 0 个开始），记整批完成时间；` +
    `随后同一批人再同时调用一次（热），比值 = 冷 ÷ 热。分别在“实例逐个冷启动”（改前，parallelStarts=1）和“按 CPU 核数并行冷启动”（改后）下各测一次，另测启动时预热（prewarm=2）。机器为共享的 2 核，负载见报告头部的 load average。`,
  async run(ctx) {
    const figures: Figure[] = [];

    // ── overhead ratio ────────────────────────────────────────────────────────────────────────
    const floor = await startFloorServer();
    let floorMs: number;
    try {
      floorMs = await sdkRoundTrips({ ...sdkEnv({ url: floor.url, envId: 'devcloud', token: 'floor' }) });
    } finally {
      await floor.close();
    }
    const devcloud = await startDevcloud({ dataDir: ':memory:' });
    let devcloudMs: number;
    try {
      devcloud.engine.createCollection('bench');
      devcloud.engine.insert('bench', { _id: 'd1', value: 1 });
      devcloudMs = await sdkRoundTrips(sdkEnv(devcloud));
    } finally {
      await devcloud.close();
    }
    ctx.log(`SDK doc().get(): floor ${floorMs.toFixed(2)} ms, devcloud ${devcloudMs.toFixed(2)} ms per call`);
    figures.push(
      figure({ name: 'overhead.sdkFloor.msPerCall', value: round(floorMs, 2), unit: 'ms', label: '裸 SDK 往返（最小 HTTP 服务，下限）' }),
      figure({ name: 'overhead.devcloud.msPerCall', value: round(devcloudMs, 2), unit: 'ms', label: '同样调用经 devcloud' }),
      figure({
        name: 'overhead.ratio',
        value: round(devcloudMs / floorMs, 2),
        unit: '×',
        budget: 2,
        label: 'devcloud 开销比（目标 ≤ 2×）',
      }),
    );

    // ── cold vs warm bursts ───────────────────────────────────────────────────────────────────
    const isError = (reply: GatewayReply): boolean => reply.status !== 200 || !matchesEnvelope(reply.body, { ok: true, status: 'bound' });
    const modes = [
      { key: 'sequentialStarts', label: '改前：实例逐个冷启动', parallelStarts: 1, prewarm: 0 },
      {
        key: 'parallelStarts',
        label: `改后：按 CPU 核数（${os.availableParallelism()}）并行冷启动`,
        parallelStarts: undefined,
        prewarm: 0,
      },
      { key: 'prewarm2', label: '改后 + 启动时预热 2 个实例', parallelStarts: undefined, prewarm: 2 },
    ] as const;
    for (const mode of modes) {
      const dataDir = mkdtempSync(join(ctx.tmpDir, `burst-${mode.key}-`));
      const app = await startApp({ port: 0, dataDir, seed: COUNTY, parallelStarts: mode.parallelStarts, prewarm: mode.prewarm });
      const client = new GatewayClient(app.url);
      try {
        const openids = bindMembers(app.devcloud.engine, BURST);
        if (mode.prewarm > 0) {
          while (app.devcloud.functions.instances('account').size < mode.prewarm) await new Promise((r) => setTimeout(r, 100));
          await new Promise((r) => setTimeout(r, 3000)); // let the prewarmed instances finish loading
        }
        const burst = async () => {
          const started = performance.now();
          const replies = await Promise.all(openids.map((openid) => client.call('account', HOME, openid)));
          return { wallMs: performance.now() - started, replies };
        };
        const cold = await burst();
        const warm = await burst();
        const coldLatency = summarize(cold.replies.map((r) => r.latencyMs));
        const warmLatency = summarize(warm.replies.map((r) => r.latencyMs));
        const errors = [...cold.replies, ...warm.replies].filter(isError).length;
        ctx.log(
          `${mode.key}: cold ${cold.wallMs.toFixed(0)} ms (p50 ${coldLatency.p50.toFixed(0)}, p95 ${coldLatency.p95.toFixed(0)}), warm ${warm.wallMs.toFixed(0)} ms (p50 ${warmLatency.p50.toFixed(0)}, p95 ${warmLatency.p95.toFixed(0)}), ${errors} errors`,
        );
        figures.push(
          figure({
            name: `burst.${mode.key}.cold.wallMs`,
            value: round(cold.wallMs, 0),
            unit: 'ms',
            label: `${mode.label}：${BURST} 个冷调用整批完成`,
          }),
          figure({ name: `burst.${mode.key}.cold.p50`, value: round(coldLatency.p50, 0), unit: 'ms', label: `${mode.label}：冷调用 p50` }),
          figure({ name: `burst.${mode.key}.cold.p95`, value: round(coldLatency.p95, 0), unit: 'ms', label: `${mode.label}：冷调用 p95` }),
          figure({
            name: `burst.${mode.key}.warm.wallMs`,
            value: round(warm.wallMs, 0),
            unit: 'ms',
            label: `${mode.label}：${BURST} 个热调用整批完成`,
          }),
          figure({ name: `burst.${mode.key}.warm.p50`, value: round(warmLatency.p50, 0), unit: 'ms', label: `${mode.label}：热调用 p50` }),
          figure({ name: `burst.${mode.key}.warm.p95`, value: round(warmLatency.p95, 0), unit: 'ms', label: `${mode.label}：热调用 p95` }),
          figure({
            name: `burst.${mode.key}.coldOverWarm`,
            value: round(cold.wallMs / warm.wallMs, 2),
            unit: '×',
            budget: mode.key === 'sequentialStarts' ? null : 2,
            label: `${mode.label}：冷 ÷ 热（目标 ≤ 2×）`,
          }),
          figure({ name: `burst.${mode.key}.errors`, value: errors, unit: '个', budget: 0, label: `${mode.label}：错误数` }),
        );
      } finally {
        await app.close();
      }
    }
    return figures;
  },
};

export default scenario;
