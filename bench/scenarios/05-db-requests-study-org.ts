import { performance } from 'node:perf_hooks';
import { DEMO_OPENIDS, demoMaterialId, demoStudyMonth, OATH } from '@zbxx/demo-data';
import type { Devcloud, Engine } from '@zbxx/devcloud';
import { startBenchApp } from '../lib/bench-app';
import { COUNTY_SCALE, DEMO_COUNTY } from '../lib/county';
import { assertEnvelope } from '../lib/envelope';
import { figure } from '../lib/figures';
import { percentile, round } from '../lib/stats';
import type { Figure, Scenario } from '../lib/types';

// DESIGN.md: "home screen one function call ≤ 4"; "a branch's month matrix … a constant number of requests
// whatever the size".
const HOME_REQUESTS_BUDGET = 4;
const HOME_SAMPLES = 20;
// The home card and the member's list follow the server's clock, so the plans must be this month's: the
// request counts do not depend on which month it is.
const MONTH = demoStudyMonth();
const THIS_MONTH = { studyMonth: MONTH };

type Call = (fn: string, event: unknown, openid: string) => Promise<number>;

function caller(devcloud: Devcloud<Engine>): Call {
  return async (fn, event, openid) => {
    const { result, dbRequests } = await devcloud.invoke(fn, event, openid);
    assertEnvelope(`${fn}.${(event as { action: string }).action}`, result, { ok: true });
    return dbRequests;
  };
}

async function branchStatusRequests(call: Call): Promise<number> {
  await call('study', { action: 'branchStatus', data: { month: MONTH } }, DEMO_OPENIDS.secretary); // warm
  return call('study', { action: 'branchStatus', data: { month: MONTH } }, DEMO_OPENIDS.secretary);
}

const scenario: Scenario = {
  title: '每次操作的数据库请求数：首页、study 与 org',
  requires: ['account', 'study', 'org', 'checkin'],
  method:
    '在默认演示县上用 `devcloud.invoke` 调用（真实 wx-server-sdk），每个函数先预热一次，记录党员学习路径、书记本支部学习情况、管理员组织树与花名册各动作的 `dbRequests`；书记的 branchStatus 在 20,000 名党员的县再测一次，看请求数是否随规模增长。首页按首页实际发出的云函数调用计（一次 account.home），并在 20,000 人县再测一次。',
  async run(ctx) {
    const figures: Figure[] = [];
    const demo = await startBenchApp(ctx.tmpDir, 'study-org', { ...DEMO_COUNTY, ...THIS_MONTH });
    let smallBranchStatus: number;
    let homeRequests: number;
    try {
      const call = caller(demo.devcloud);
      const member = DEMO_OPENIDS.member;
      // 首页 makes one call, account.home (client/src/services/home-launch.ts; scenario 10 counts the calls in the
      // browser); before it, three: account.login, study.summary and checkin.myEvents (10 requests, 7f6e479).
      await call('account', { action: 'home' }, member); // warm the worker
      homeRequests = await call('account', { action: 'home' }, member);
      figures.push(
        figure({
          name: 'home.dbRequests',
          label: '首页：数据库请求合计（党员，本月有学习计划、答题与党日）',
          value: homeRequests,
          unit: 'requests',
          budget: HOME_REQUESTS_BUDGET,
          note: '此前 10 次',
        }),
        figure({
          name: 'home.dbRequests.secretary',
          label: '首页：数据库请求合计（支部书记）',
          value: await call('account', { action: 'home' }, DEMO_OPENIDS.secretary),
          unit: 'requests',
          budget: HOME_REQUESTS_BUDGET,
        }),
        figure({
          name: 'home.dbRequests.admin',
          label: '首页：数据库请求合计（组织部管理员）',
          value: await call('account', { action: 'home' }, DEMO_OPENIDS.admin),
          unit: 'requests',
          budget: HOME_REQUESTS_BUDGET,
        }),
      );
      await call('study', { action: 'summary' }, member);
      await call('checkin', { action: 'myEvents' }, member);
      figures.push(
        figure({
          name: 'dbRequests.study.summary',
          label: 'study.summary 学习卡片（首页已不再调用）',
          value: await call('study', { action: 'summary' }, member),
          unit: 'requests',
          budget: null,
        }),
        figure({
          name: 'dbRequests.checkin.myEvents',
          label: 'checkin.myEvents 党日页',
          value: await call('checkin', { action: 'myEvents' }, member),
          unit: 'requests',
          budget: null,
        }),
      );
      const material = demoMaterialId(OATH);
      const member1 = async (name: string, label: string, event: unknown) =>
        figures.push(figure({ name, label, value: await call('study', event, member), unit: 'requests', budget: null }));
      await member1('dbRequests.study.overview', 'study.overview 学习页本月列表', { action: 'overview', data: { month: MONTH } });
      await member1('dbRequests.study.openMaterial', 'study.openMaterial 打开材料', {
        action: 'openMaterial',
        data: { materialId: material },
      });
      const report = { batchId: 'bench-batch-0001', materialId: material, dwellSeconds: 10, furthest: 0.5, position: 0.5 };
      await member1('dbRequests.study.reportProgress', 'study.reportProgress 上报一批进度', {
        action: 'reportProgress',
        data: { reports: [report] },
      });
      await member1('dbRequests.study.reportProgress.replay', 'study.reportProgress 重放同一批', {
        action: 'reportProgress',
        data: { reports: [report] },
      });

      smallBranchStatus = await branchStatusRequests(call);
      figures.push(
        figure({
          name: 'dbRequests.study.branchStatus.demo',
          label: 'study.branchStatus 书记本支部学习情况（240 人县）',
          value: smallBranchStatus,
          unit: 'requests',
          budget: null,
        }),
      );

      const admin = DEMO_OPENIDS.admin;
      await call('org', { action: 'tree' }, admin); // warm the org worker
      figures.push(
        figure({
          name: 'dbRequests.org.tree',
          label: 'org.tree 组织树（管理员）',
          value: await call('org', { action: 'tree' }, admin),
          unit: 'requests',
          budget: null,
        }),
        figure({
          name: 'dbRequests.org.rosterList',
          label: 'org.rosterList 花名册第一页',
          value: await call('org', { action: 'rosterList', data: {} }, admin),
          unit: 'requests',
          budget: null,
        }),
      );
    } finally {
      await demo.close();
    }

    const county = await startBenchApp(ctx.tmpDir, 'study-county', { ...COUNTY_SCALE, ...THIS_MONTH });
    try {
      const countyCall = caller(county.devcloud);
      const atScale = await branchStatusRequests(countyCall);
      await countyCall('account', { action: 'home' }, DEMO_OPENIDS.member); // warm
      const homeMs: number[] = [];
      let homeAtScale = 0;
      for (let i = 0; i < HOME_SAMPLES; i += 1) {
        const started = performance.now();
        homeAtScale = Math.max(homeAtScale, await countyCall('account', { action: 'home' }, DEMO_OPENIDS.member));
        homeMs.push(performance.now() - started);
      }
      const grew = homeAtScale > homeRequests;
      figures.push(
        figure({
          name: 'scale.home.dbRequests',
          label: '首页 account.home 数据库请求数（20,000 人县）',
          value: homeAtScale,
          unit: 'requests',
          budget: HOME_REQUESTS_BUDGET,
          ok: homeAtScale <= HOME_REQUESTS_BUDGET && !grew,
          note: `演示县为 ${homeRequests}${grew ? '，随规模增长了' : '，不随规模增长'}`,
        }),
        figure({
          name: 'scale.home.p50',
          label: `首页 account.home 耗时 p50（20,000 人县，逐个调用 ${HOME_SAMPLES} 次）`,
          value: round(percentile(homeMs, 50)),
          unit: 'ms',
        }),
      );
      figures.push(
        figure({
          name: 'dbRequests.study.branchStatus.county',
          label: 'study.branchStatus 书记本支部学习情况（20,000 人县）',
          value: atScale,
          unit: 'requests',
          // Constant whatever the size: the county-scale count may not exceed the demo county's.
          budget: smallBranchStatus,
        }),
      );
    } finally {
      await county.close();
    }
    return figures;
  },
};

export default scenario;
