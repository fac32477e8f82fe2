import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { seedCounty, startApp } from '../../scripts/app';
import { startBenchApp } from '../lib/bench-app';
import { bindMembers } from '../lib/bind-members';
import { COUNTY_SCALE } from '../lib/county';
import { assertEnvelope } from '../lib/envelope';
import { figure } from '../lib/figures';
import { RssSampler } from '../lib/rss-sampler';
import { round, summarize } from '../lib/stats';
import type { Scenario } from '../lib/types';

const LOGIN_SAMPLES = 200;
const MB = 1024 * 1024;

function bytesOfDatabase(dataDir: string): number {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('devcloud.sqlite'))
    .reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0);
}

const scenario: Scenario = {
  title: '县级规模：20,000 名党员 / 600 个支部',
  requires: ['account'],
  method:
    '`generateCounty`（20,000 名党员、600 个支部、20 个党委，固定种子）计时；在空数据目录启动 devcloud 后用 `engine.insertMany` 逐集合写入 SQLite 计时；关闭后在同一目录重新启动（读回并解析全部文档、重建索引、起服务）计时；再直接绑定 200 名党员，`devcloud.invoke` 依次调用 200 次 `account.login`（预热后，墙钟时间）。整个场景期间每 20 ms 采样一次本进程 RSS（含云函数工作线程）取峰值。',
  async run(ctx) {
    const rssAtStart = process.memoryUsage.rss();
    const rss = new RssSampler();
    try {
      let started = performance.now();
      let county: ReturnType<typeof generateCounty> | null = generateCounty(COUNTY_SCALE);
      const generateMs = performance.now() - started;
      rss.sample();
      const documents = Object.values(county.collections).reduce((sum, docs) => sum + docs.length, 0);
      ctx.log(`generated ${county.collections.members.length} members, ${documents} documents in ${generateMs.toFixed(0)} ms`);

      const app = await startBenchApp(ctx.tmpDir, 'county-scale', false);
      let seedMs: number;
      let closeMs: number;
      try {
        started = performance.now();
        seedCounty(app.devcloud.engine, county.collections);
        seedMs = performance.now() - started;
        rss.sample();
        county = null; // only the engine's copy stays, as in a running devcloud
        ctx.log(`seeded in ${seedMs.toFixed(0)} ms`);
        bindMembers(app.devcloud.engine, LOGIN_SAMPLES);
      } finally {
        started = performance.now();
        await app.close();
        closeMs = performance.now() - started;
      }
      const dataDir = app.dataDir;
      const databaseBytes = bytesOfDatabase(dataDir);

      started = performance.now();
      const reopened = await startApp({ port: 0, dataDir, seed: false });
      const reopenMs = performance.now() - started;
      rss.sample();
      try {
        const { devcloud } = reopened;
        const memberCount = devcloud.engine.count('members');
        if (memberCount !== COUNTY_SCALE.members) throw new Error(`after reopen: ${memberCount} members, expected ${COUNTY_SCALE.members}`);
        ctx.log(`reopened in ${reopenMs.toFixed(0)} ms (close ${closeMs.toFixed(0)} ms), ${memberCount} members`);

        // Warm the worker, then the home screen's call at scale.
        await devcloud.invoke('account', { action: 'login' }, DEMO_OPENIDS.member);
        const login = await devcloud.invoke('account', { action: 'login' }, DEMO_OPENIDS.member);
        assertEnvelope('login at county scale', login.result, { ok: true, status: 'bound' });

        const bound = devcloud.engine.find('bindings', { _id: { $regex: '^bench-' } }, { sort: { _id: 1 } }).map((doc) => String(doc._id));
        const latencies: number[] = [];
        let maxDbRequests = login.dbRequests;
        for (const openid of bound) {
          const t = performance.now();
          const { result, dbRequests } = await devcloud.invoke('account', { action: 'login' }, openid);
          latencies.push(performance.now() - t);
          assertEnvelope(`login as ${openid}`, result, { ok: true, status: 'bound' });
          maxDbRequests = Math.max(maxDbRequests, dbRequests);
        }
        const s = summarize(latencies);
        const peakRss = rss.stop();

        // "Must not grow with size": compare with the demo county's count when scenario 01 measured it.
        const small = ctx.previous.find((f) => f.name === 'dbRequests.account.login.bound')?.value;
        const notGrown = small === undefined || maxDbRequests <= small;
        return [
          figure({
            name: 'scale.generate.ms',
            label: '生成 20,000 名党员 / 600 个支部的演示数据',
            value: round(generateMs, 0),
            unit: 'ms',
            note: `${documents} 个文档`,
          }),
          figure({ name: 'scale.seed.insertMany.ms', label: 'insertMany 写入 devcloud（SQLite）', value: round(seedMs, 0), unit: 'ms' }),
          figure({ name: 'scale.database.MB', label: 'SQLite 数据文件大小', value: round(databaseBytes / MB), unit: 'MB' }),
          figure({ name: 'scale.close.ms', label: 'devcloud 关闭', value: round(closeMs, 0), unit: 'ms' }),
          figure({ name: 'scale.reopen.ms', label: 'devcloud 重新启动（读回全部数据）', value: round(reopenMs, 0), unit: 'ms' }),
          figure({
            name: 'scale.dbRequests.account.login.bound',
            label: '20,000 人规模下 account.login 数据库请求数（201 次调用中最多）',
            value: maxDbRequests,
            unit: 'requests',
            budget: 4,
            ok: maxDbRequests <= 4 && notGrown,
            note: small === undefined ? undefined : `演示县（240 人）为 ${small}${notGrown ? '，不随规模增长' : '，随规模增长了'}`,
          }),
          figure({ name: 'scale.account.login.p50', label: '20,000 人规模下 login 延迟 p50（逐个调用）', value: round(s.p50), unit: 'ms' }),
          figure({ name: 'scale.account.login.p95', label: '20,000 人规模下 login 延迟 p95（逐个调用）', value: round(s.p95), unit: 'ms' }),
          figure({
            name: 'scale.peakRss.MB',
            label: '县级规模场景的进程峰值内存（RSS）',
            value: round(peakRss / MB, 0),
            unit: 'MB',
            note: `场景开始时 ${round(rssAtStart / MB, 0)} MB`,
          }),
        ];
      } finally {
        await reopened.close();
      }
    } finally {
      rss.stop();
    }
  },
};

export default scenario;
