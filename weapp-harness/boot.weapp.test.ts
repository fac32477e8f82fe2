import { parseDemoBank } from '@zbxx/demo-data';
import type { TestCloud } from '@zbxx/testing';
import { useWeappSuite } from './support/suite';

/**
 * Every page in app.json (main package and subpackages) opens for each role that can reach it, on the
 * compiled package: no uncaught error, no element without a template (the suite's afterEach), and the page
 * gets past loading to its content. This is also the early warning for Taro internals the harness relies on.
 */
type Role = 'demo-member' | 'demo-secretary' | 'demo-admin' | 'demo-unbound';
const BOUND: Role[] = ['demo-member', 'demo-secretary', 'demo-admin'];

interface Ids {
  month: string;
  roundId: string;
  materialId: string;
  eventId: string;
  memberId: string;
  branchId: string;
  attemptId: string;
}

interface PageCase {
  roles: Role[];
  query?: (ids: Ids) => Record<string, string>;
  /** Text the loaded page shows (beyond "not loading, not failed"). */
  shows: string | RegExp;
}

const PAGES: Record<string, PageCase> = {
  'pages/index/index': { roles: BOUND, shows: '同志，您好' },
  'pages/study/index': { roles: BOUND, shows: '每月一学' },
  'pages/quiz/index': { roles: BOUND, shows: '党规答题' },
  'pages/party-day/index': { roles: BOUND, shows: '主题党日' },
  'pages/mine/index': { roles: BOUND, shows: '所在支部' },
  'pages/bind/index': { roles: ['demo-unbound'], shows: '确认绑定' },
  'pages/reader/index': { roles: BOUND, query: (ids) => ({ id: ids.materialId }), shows: '重温入党誓词' },
  'subpackages/secretary/pages/index': { roles: ['demo-secretary'], shows: '支部管理' },
  'subpackages/secretary/study/index': { roles: ['demo-secretary'], shows: '人已学完' },
  'subpackages/secretary/members/index': { roles: ['demo-secretary'], shows: '已绑定' },
  'subpackages/secretary/approvals/index': { roles: ['demo-secretary'], shows: '邀请码' },
  'subpackages/secretary/party-day/index': { roles: ['demo-secretary'], shows: '出示签到码' },
  'subpackages/secretary/party-day/code': { roles: ['demo-secretary'], query: (ids) => ({ eventId: ids.eventId }), shows: '考勤表' },
  'subpackages/secretary/party-day/sheet': { roles: ['demo-secretary'], query: (ids) => ({ eventId: ids.eventId }), shows: '出席' },
  'subpackages/secretary/quiz/index': { roles: ['demo-secretary'], shows: '合格' },
  'subpackages/secretary/stats/index': { roles: ['demo-secretary'], query: (ids) => ({ month: ids.month }), shows: '完成率' },
  'subpackages/secretary/stats/member': {
    roles: ['demo-secretary'],
    query: (ids) => ({ month: ids.month, memberId: ids.memberId }),
    shows: '李秀英',
  },
  'subpackages/secretary/stats/remind-log': { roles: ['demo-secretary'], query: (ids) => ({ month: ids.month }), shows: '催学记录' },
  'subpackages/secretary/stats/share': { roles: ['demo-secretary'], query: (ids) => ({ month: ids.month }), shows: '转发到支部群' },
  'subpackages/quiz/play': { roles: BOUND, query: (ids) => ({ round: ids.roundId }), shows: /已答\s*0\s*\/\s*20/ },
  'subpackages/quiz/review': { roles: ['demo-member'], query: (ids) => ({ attempt: ids.attemptId }), shows: '分' },
  'subpackages/quiz/practice': { roles: BOUND, shows: '错题本' },
  'subpackages/quiz/leaderboard': { roles: BOUND, query: (ids) => ({ round: ids.roundId }), shows: '参学率' },
  'subpackages/member/study-reminder': { roles: BOUND, shows: '学习提醒' },
  'subpackages/admin/pages/index': { roles: ['demo-admin'], shows: '组织部后台' },
  'subpackages/admin/study/index': { roles: ['demo-admin'], shows: '学习计划' },
  'subpackages/admin/org-tree/index': { roles: ['demo-admin'], shows: '城关镇党委' },
  'subpackages/admin/roster/index': { roles: ['demo-admin'], shows: /共\s*240\s*人/ },
  'subpackages/admin/import/index': { roles: ['demo-admin'], shows: '选择花名册文件' },
  'subpackages/admin/quiz/index': { roles: ['demo-admin'], shows: new RegExp(`共\\s*${parseDemoBank().length}\\s*题`) },
  'subpackages/admin/quiz/rounds/index': { roles: ['demo-admin'], shows: '新建答题活动' },
  'subpackages/admin/quiz/items/index': { roles: ['demo-admin'], query: (ids) => ({ roundId: ids.roundId }), shows: '通过率' },
  'subpackages/admin/stats/index': { roles: ['demo-admin'], shows: '综合完成率' },
  'subpackages/admin/stats/trend': { roles: ['demo-admin'], shows: '完成率趋势' },
  'subpackages/admin/stats/settings': { roles: ['demo-admin'], shows: '达标线' },
  'subpackages/admin/stats/export': { roles: ['demo-admin'], shows: '导出 Excel' },
};

const openidOfMember = (cloud: TestCloud, openid: string) =>
  (cloud.engine.find('bindings', { _id: openid })[0] as { memberId: string }).memberId;

describe('every page of the compiled package boots for each role that reaches it', () => {
  const suite = useWeappSuite();
  let ids: Ids;

  beforeAll(async () => {
    const { engine } = suite.cloud;
    const round = engine.find('quizRounds', {}, { sort: { opensAt: -1 } })[0] as { _id: string; month: string };
    const material = engine.find('studyMaterials', { title: '重温入党誓词' })[0] as { _id: string };
    // demo-member answers once outside the app, so the review page has a finished attempt to show.
    const started = await suite.cloud.call<{ ok: boolean; data: { attemptId: string } }>(
      'quiz',
      { action: 'start', data: { roundId: round._id } },
      'demo-member',
    );
    const submitted = await suite.cloud.call<{ ok: boolean }>(
      'quiz',
      { action: 'submit', data: { attemptId: started.result.data.attemptId } },
      'demo-member',
    );
    expect(submitted.result.ok).toBe(true);
    const memberId = openidOfMember(suite.cloud, 'demo-member');
    const member = engine.find('members', { _id: memberId })[0] as { orgId: string };
    ids = {
      month: round.month,
      roundId: round._id,
      materialId: material._id,
      eventId: 'ev-demo-today',
      memberId,
      branchId: member.orgId,
      attemptId: started.result.data.attemptId,
    };
  });

  it('covers every page in app.json, and nothing else', () => {
    expect(Object.keys(PAGES).sort()).toEqual([...suite.build.pages].sort());
  });

  const cases = Object.entries(PAGES).flatMap(([route, page]) => page.roles.map((role) => [route, role, page] as const));
  it.each(cases)('%s as %s', async (route, role, page) => {
    const app = await suite.launch(suite.phone(), role, { path: route, query: page.query?.(ids) ?? {} });
    await app.waitForText(page.shows);
    // Some pages load in parts (the invite code, then the pending list): every part must arrive.
    await app.waitForNoText('正在加载');
    expect(app.text()).not.toMatch(/加载失败/);
    expect(app.page.route).toBe(route);
  });

  it('an unbound user opening the app lands on the bind page', async () => {
    const app = await suite.launch(suite.phone(), 'demo-unbound');
    await app.waitForRoute('pages/bind/index');
    await app.waitForText('确认绑定');
  });
});
