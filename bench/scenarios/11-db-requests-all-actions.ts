import { ACCESS_MATRIX, type AccessCaller, type Envelope } from '@zbxx/contracts';
import { PROBES, probeRequestId } from '../../quality/access/probes';
import { prepareFixtures } from '../../quality/support/fixtures';
import { overTheWire, startQualityCloud } from '../../quality/support/quality-cloud';
import { CALLER_OPENIDS, qualityCounty } from '../../quality/support/quality-county';
import { figure } from '../lib/figures';
import type { Figure, Scenario } from '../lib/types';

/** The three paths of issue 8, each walked by the subject branch's own person in that role. */
const PATHS: readonly { caller: AccessCaller; role: string; label: string }[] = [
  { caller: 'member', role: 'member', label: '党员' },
  { caller: 'ownSecretary', role: 'secretary', label: '支部书记' },
  { caller: 'ownAdmin', role: 'admin', label: '组织部管理员' },
];

/** DESIGN.md's per-action budgets. */
const BUDGETS: Readonly<Record<string, number>> = { 'quiz.submit': 3, 'account.home': 4 };

const scenario: Scenario = {
  title: '每次操作的数据库请求数：党员、书记、管理员路径上的每个动作',
  requires: ['account', 'org', 'study', 'quiz', 'checkin'],
  method:
    '复用访问控制矩阵的测试装置（`quality/support`：演示县 + 一个目标支部，先经云函数做出进行中/已交卷的答卷、错题、补学试卷、请假、待导入的花名册与题库），' +
    '对每个已打包云函数契约里的每个动作，按 `packages/contracts/src/access-matrix.ts` 取允许调用的本支部党员、本支部书记、上级党委管理员，' +
    '用 `quality/access/probes.ts` 中该动作的有效请求经 devcloud 调用一次（真实 wx-server-sdk），记录 `dbRequests`；每次写操作之后把数据库恢复到基线，各动作互不影响。' +
    '返回业务拒绝（如已交卷、已绑定）的调用也记录，并在备注写明错误码。',
  async run(ctx) {
    const county = qualityCounty();
    const qc = await startQualityCloud(county.collections as unknown as Record<string, object[]>);
    try {
      const fx = await prepareFixtures(qc, county);
      qc.markBaseline();
      const figures: Figure[] = [];
      const unprobed: string[] = [];
      for (const fn of qc.hosted.hosted) {
        const rows = ACCESS_MATRIX[fn] ?? {};
        const probes = PROBES[fn] ?? {};
        for (const action of Object.keys(rows)) {
          const probe = probes[action];
          if (!probe) {
            unprobed.push(`${fn}.${action}`);
            continue;
          }
          for (const path of PATHS) {
            if (rows[action]?.[path.caller] !== 'allowed') continue;
            const input = probe(fx);
            const event = overTheWire({ action, ...(input === undefined ? {} : { data: input }), requestId: probeRequestId(fn, action) });
            const { result, dbRequests } = await qc.cloud.call<Envelope<unknown>>(fn, event, CALLER_OPENIDS[path.caller]);
            qc.reset();
            const refusal = result.ok ? undefined : `业务拒绝 ${result.error.code}`;
            figures.push(
              figure({
                name: `dbRequests.${fn}.${action}.${path.role}`,
                label: `${fn}.${action}（${path.label}）`,
                value: dbRequests,
                unit: 'requests',
                budget: BUDGETS[`${fn}.${action}`] ?? null,
                note: refusal,
              }),
            );
          }
        }
      }
      const missing = [...qc.hosted.missing.keys()];
      if (missing.length > 0) ctx.log(`functions not built: ${missing.join(', ')}`);
      if (unprobed.length > 0) ctx.log(`actions without a probe: ${unprobed.join(', ')}`);
      figures.push(
        figure({
          name: 'dbRequests.coverage.actionsNotMeasured',
          label: '没有测到的动作（缺少有效请求样例或云函数未打包）',
          value: unprobed.length + missing.length,
          unit: 'count',
          budget: 0,
          note: [...unprobed, ...missing.map((fn) => `${fn}（未打包）`)].join('、') || undefined,
        }),
      );
      return figures;
    } finally {
      await qc.close();
    }
  },
};

export default scenario;
