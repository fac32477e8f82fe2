import { DEMO_OPENIDS, DEMO_UNBOUND_ENTRY } from '@zbxx/demo-data';
import type { MemberDoc, OrgDoc } from '@zbxx/server';
import { startBenchApp } from '../lib/bench-app';
import { DEMO_COUNTY } from '../lib/county';
import { assertEnvelope, type Expected } from '../lib/envelope';
import { figure } from '../lib/figures';
import type { Figure, Scenario } from '../lib/types';

// DESIGN.md: "home screen one function call ≤ 4" — the home screen's call is account.home (scenario 05 measures
// it for a member with this month's tasks; here the callers who get no cards).
const HOME_SCREEN_BUDGET = 4;

const scenario: Scenario = {
  title: '每次操作的数据库请求数：account',
  requires: ['account'],
  method:
    '在默认演示县（240 名党员，固定种子）上用 `devcloud.invoke` 调用云函数（真实 wx-server-sdk，每个调用的数据库请求由 devcloud 按调用计数），每个动作先预热一次工作线程，记录该次调用的 `dbRequests`；并核对返回的信封（如绑定成功、错误码 BIND.NO_MATCH），确保测的是预期路径。',
  async run(ctx) {
    const app = await startBenchApp(ctx.tmpDir, 'db-requests', DEMO_COUNTY);
    try {
      const { devcloud } = app;
      const engine = devcloud.engine;
      const figures: Figure[] = [];
      const measure = async (
        name: string,
        label: string,
        event: unknown,
        openid: string,
        expected: Expected,
        budget: number | null = null,
      ) => {
        const { result, dbRequests } = await devcloud.invoke('account', event, openid);
        assertEnvelope(name, result, expected);
        figures.push(figure({ name, label, value: dbRequests, unit: 'requests', budget }));
      };

      // Cold start of the account worker, not measured.
      await devcloud.invoke('account', { action: 'login' }, DEMO_OPENIDS.member);

      // Bound callers of every role: scenario 11 (dbRequests.account.login.<role>).
      await measure('dbRequests.account.login.bound', 'account.login 已绑定党员', { action: 'login' }, DEMO_OPENIDS.member, {
        ok: true,
        status: 'bound',
      });
      await measure('dbRequests.account.login.unbound', 'account.login 未绑定用户', { action: 'login' }, 'bench-stranger', {
        ok: true,
        status: 'unbound',
      });
      await measure('dbRequests.account.login.pending', 'account.login 待审核用户', { action: 'login' }, DEMO_OPENIDS.pending, {
        ok: true,
        status: 'pending',
      });
      await measure(
        'dbRequests.account.home.unbound',
        'account.home 未绑定用户（首页）',
        { action: 'home' },
        'bench-stranger',
        { ok: true, status: 'unbound' },
        HOME_SCREEN_BUDGET,
      );
      await measure(
        'dbRequests.account.home.pending',
        'account.home 待审核用户（首页）',
        { action: 'home' },
        DEMO_OPENIDS.pending,
        { ok: true, status: 'pending' },
        HOME_SCREEN_BUDGET,
      );

      // A wrong guess at someone else's last four digits (a generated, unbound member, not the demo entry).
      const victim = (
        engine.find(
          'members',
          { openid: { $exists: false }, name: { $ne: DEMO_UNBOUND_ENTRY.name } },
          { sort: { _id: 1 }, limit: 1 },
        ) as unknown as MemberDoc[]
      )[0];
      if (!victim) throw new Error('no unbound member to guess at');
      const wrongLast4 = victim.phoneLast4 === '0000' ? '0001' : '0000';
      await measure(
        'dbRequests.account.bind.phone.wrongGuess',
        'account.bind 手机尾号猜错',
        { action: 'bind', data: { method: 'phone', name: victim.name, phoneLast4: wrongLast4 } },
        'bench-guesser',
        { ok: false, code: 'BIND.NO_MATCH' },
      );
      await measure(
        'dbRequests.account.bind.phone.success',
        'account.bind 姓名+尾号绑定成功',
        { action: 'bind', data: { method: 'phone', name: DEMO_UNBOUND_ENTRY.name, phoneLast4: DEMO_UNBOUND_ENTRY.phoneLast4 } },
        'bench-binder',
        { ok: true, status: 'bound' },
      );
      const branch = (
        engine.find('orgs', { type: 'branch', inviteCode: { $exists: true } }, { sort: { _id: 1 }, limit: 1 }) as unknown as OrgDoc[]
      )[0];
      if (!branch?.inviteCode) throw new Error('no branch with an invite code');
      await measure(
        'dbRequests.account.bind.invite',
        'account.bind 邀请码申请加入',
        { action: 'bind', data: { method: 'invite', name: '测试新人', inviteCode: branch.inviteCode } },
        'bench-newcomer',
        { ok: true, status: 'pending' },
      );
      return figures;
    } finally {
      await app.close();
    }
  },
};

export default scenario;
