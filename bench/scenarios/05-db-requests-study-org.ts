import { DEMO_OPENIDS, demoMaterialId, demoStudyMonth, OATH } from '@zbxx/demo-data';
import type { Devcloud, Engine } from '@zbxx/devcloud';
import { startBenchApp } from '../lib/bench-app';
import { COUNTY_SCALE, DEMO_COUNTY } from '../lib/county';
import { assertEnvelope } from '../lib/envelope';
import { figure } from '../lib/figures';
import type { Figure, Scenario } from '../lib/types';

// DESIGN.md: "home screen one function call ≤ 4"; "a branch's month matrix … a constant number of requests
// whatever the size".
const HOME_CALLS_BUDGET = 1;
const HOME_REQUESTS_BUDGET = 4;
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
    '在默认演示县上用 `devcloud.invoke` 调用（真实 wx-server-sdk），每个函数先预热一次，记录党员学习路径、书记本支部学习情况、管理员组织树与花名册各动作的 `dbRequests`；书记的 branchStatus 在 20,000 名党员的县再测一次，看请求数是否随规模增长。首页按当前首页实际发出的云函数调用计（account.login + study.summary + checkin.myEvents）。',
  async run(ctx) {
    const figures: Figure[] = [];
    const demo = await startBenchApp(ctx.tmpDir, 'study-org', { ...DEMO_COUNTY, ...THIS_MONTH });
    let smallBranchStatus: number;
    try {
      const call = caller(demo.devcloud);
      const member = DEMO_OPENIDS.member;
      // The calls client/src/pages/index makes: the session, the 每月一学 card and the 主题党日 card.
      const homeCalls = [
        ['account', { action: 'login' }],
        ['study', { action: 'summary' }],
        ['checkin', { action: 'myEvents' }],
      ] as const;
      for (const [fn, event] of homeCalls) await call(fn, event, member); // warm the workers
      const homeRequests: number[] = [];
      for (const [fn, event] of homeCalls) homeRequests.push(await call(fn, event, member));
      figures.push(
        figure({ name: 'home.calls', label: '首页：云函数调用次数', value: homeCalls.length, unit: 'calls', budget: HOME_CALLS_BUDGET, note: 'account.login + study.summary + checkin.myEvents' }),
        figure({ name: 'home.dbRequests', label: '首页：数据库请求合计', value: homeRequests.reduce((a, b) => a + b, 0), unit: 'requests', budget: HOME_REQUESTS_BUDGET }),
        figure({ name: 'dbRequests.study.summary', label: 'study.summary 首页学习卡片', value: homeRequests[1] ?? 0, unit: 'requests', budget: null }),
        figure({ name: 'dbRequests.checkin.myEvents', label: 'checkin.myEvents 首页党日卡片', value: homeRequests[2] ?? 0, unit: 'requests', budget: null }),
      );
      const material = demoMaterialId(OATH);
      const member1 = async (name: string, label: string, event: unknown) =>
        figures.push(figure({ name, label, value: await call('study', event, member), unit: 'requests', budget: null }));
      await member1('dbRequests.study.overview', 'study.overview 学习页本月列表', { action: 'overview', data: { month: MONTH } });
      await member1('dbRequests.study.openMaterial', 'study.openMaterial 打开材料', { action: 'openMaterial', data: { materialId: material } });
      const report = { batchId: 'bench-batch-0001', materialId: material, dwellSeconds: 10, furthest: 0.5, position: 0.5 };
      await member1('dbRequests.study.reportProgress', 'study.reportProgress 上报一批进度', { action: 'reportProgress', data: { reports: [report] } });
      await member1('dbRequests.study.reportProgress.replay', 'study.reportProgress 重放同一批', { action: 'reportProgress', data: { reports: [report] } });

      smallBranchStatus = await branchStatusRequests(call);
      figures.push(figure({ name: 'dbRequests.study.branchStatus.demo', label: 'study.branchStatus 书记本支部学习情况（240 人县）', value: smallBranchStatus, unit: 'requests', budget: null }));

      const admin = DEMO_OPENIDS.admin;
      await call('org', { action: 'tree' }, admin); // warm the org worker
      figures.push(
        figure({ name: 'dbRequests.org.tree', label: 'org.tree 组织树（管理员）', value: await call('org', { action: 'tree' }, admin), unit: 'requests', budget: null }),
        figure({ name: 'dbRequests.org.rosterList', label: 'org.rosterList 花名册第一页', value: await call('org', { action: 'rosterList', data: {} }, admin), unit: 'requests', budget: null }),
      );
    } finally {
      await demo.close();
    }

    const county = await startBenchApp(ctx.tmpDir, 'study-county', { ...COUNTY_SCALE, ...THIS_MONTH });
    try {
      const atScale = await branchStatusRequests(caller(county.devcloud));
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
