import { performance } from 'node:perf_hooks';
import type { QuizPlayAttempt } from '@zbxx/contracts';
import type { QuizRoundDoc } from '@zbxx/server';
import { startBenchApp } from '../lib/bench-app';
import { bindMembers } from '../lib/bind-members';
import { fixedCounty } from '../lib/county';
import { assertEnvelope, matchesEnvelope } from '../lib/envelope';
import { figure } from '../lib/figures';
import { GatewayClient, type GatewayReply } from '../lib/gateway-client';
import { round, summarize } from '../lib/stats';
import type { Figure, Scenario } from '../lib/types';

const CONCURRENCY = 200;
const COUNTY = fixedCounty({ members: 2000, branches: 60, committees: 3 });
const ROUND_ID = 'round-bench-open';

/** The demo round's rules on a window open now (the bench county's own month is in the past). */
function openRound(template: QuizRoundDoc): QuizRoundDoc {
  const now = Date.now();
  return { ...template, _id: ROUND_ID, title: '压测答题', opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 7 * 86_400_000) };
}

const scenario: Scenario = {
  title: '党规答题：交卷的数据库请求数与 200 人同时开始、交卷',
  requires: ['quiz'],
  method:
    `在 ${COUNTY.members} 名党员的县（固定种子，演示题库 151 题）上发布一轮正在进行的答题（20 题，按 7 个分类抽题），直接绑定 ${CONCURRENCY} 名党员，经 HTTP 网关调用 \`quiz\`。` +
    `数据库请求数取单次调用响应头 \`X-Devcloud-Db-Requests\`：新开一次答题（start）、保存答案（answer）、交卷（submit）和重复交卷。` +
    `并发：先由 ${CONCURRENCY} 人同时调用 rounds 预热实例（不计入），再 ${CONCURRENCY} 人同时 start（服务器抽题、打乱选项、写入答卷），再 ${CONCURRENCY} 人同时带全部答案 submit（服务器判分）。延迟为客户端从发出请求到收完响应的时间；压测客户端与 devcloud 在同一进程、共用 2 个核。`,
  async run(ctx) {
    const app = await startBenchApp(ctx.tmpDir, 'quiz-load', COUNTY);
    const client = new GatewayClient(app.url);
    try {
      const engine = app.devcloud.engine;
      const [template] = engine.find('quizRounds', {}, { limit: 1 }) as unknown as QuizRoundDoc[];
      if (!template) throw new Error('the bench county has no quiz round');
      engine.insertMany('quizRounds', [openRound(template)] as unknown as Record<string, unknown>[]);
      const openids = bindMembers(engine, CONCURRENCY + 1);
      const single = openids[CONCURRENCY] as string;
      const crowd = openids.slice(0, CONCURRENCY);

      // One member, one call at a time: database requests per action.
      const start = await client.call('quiz', { action: 'start', data: { roundId: ROUND_ID } }, single);
      assertEnvelope('start', start.body, { ok: true });
      const paper = (start.body as { data: QuizPlayAttempt }).data;
      const allA = Object.fromEntries(paper.questions.map((q) => [q.id, ['A']]));
      const firstHalf = Object.fromEntries(paper.questions.slice(0, 10).map((q) => [q.id, ['A']]));
      const answer = await client.call('quiz', { action: 'answer', data: { attemptId: paper.attemptId, answers: firstHalf } }, single);
      assertEnvelope('answer', answer.body, { ok: true });
      const submit = await client.call('quiz', { action: 'submit', data: { attemptId: paper.attemptId, answers: allA } }, single);
      assertEnvelope('submit', submit.body, { ok: true });
      const retry = await client.call('quiz', { action: 'submit', data: { attemptId: paper.attemptId, answers: allA } }, single);
      assertEnvelope('submit (retry)', retry.body, { ok: true });
      ctx.log(
        `db requests: start ${start.dbRequests}, answer ${answer.dbRequests}, submit ${submit.dbRequests}, retry ${retry.dbRequests}`,
      );

      const burst = async (event: (openid: string, i: number) => unknown) => {
        const started = performance.now();
        const replies = await Promise.all(crowd.map((openid, i) => client.call('quiz', event(openid, i), openid)));
        return { replies, wallMs: performance.now() - started };
      };
      const isError = (reply: GatewayReply) => reply.status !== 200 || !matchesEnvelope(reply.body, { ok: true });

      await burst(() => ({ action: 'rounds' }));
      const starts = await burst(() => ({ action: 'start', data: { roundId: ROUND_ID } }));
      const papers = starts.replies.map((reply) => (isError(reply) ? null : (reply.body as { data: QuizPlayAttempt }).data));
      const submits = await burst((_openid, i) => {
        const p = papers[i];
        return {
          action: 'submit',
          data: { attemptId: p?.attemptId ?? 'missing', answers: Object.fromEntries((p?.questions ?? []).map((q) => [q.id, ['A']])) },
        };
      });

      const figures: Figure[] = [
        figure({
          name: 'dbRequests.quiz.start.new',
          label: '开始答题（抽题、写入答卷）的数据库请求数',
          value: start.dbRequests ?? -1,
          unit: 'requests',
        }),
        figure({ name: 'dbRequests.quiz.answer', label: '保存答案的数据库请求数', value: answer.dbRequests ?? -1, unit: 'requests' }),
        figure({
          name: 'dbRequests.quiz.submit',
          label: '交卷（判分）的数据库请求数',
          value: submit.dbRequests ?? -1,
          unit: 'requests',
          budget: 3,
        }),
        figure({
          name: 'dbRequests.quiz.submit.retry',
          label: '重复交卷（返回同一结果）的数据库请求数',
          value: retry.dbRequests ?? -1,
          unit: 'requests',
          budget: 3,
        }),
      ];
      for (const [action, run] of [
        ['start', starts],
        ['submit', submits],
      ] as const) {
        const s = summarize(run.replies.map((r) => r.latencyMs));
        const errors = run.replies.filter(isError).length;
        const maxDb = Math.max(...run.replies.map((r) => r.dbRequests ?? 0));
        ctx.log(
          `${action} ×${CONCURRENCY}: p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, ${errors} errors, all done in ${run.wallMs.toFixed(0)} ms`,
        );
        const base = `load.quiz.${action}.c${CONCURRENCY}`;
        figures.push(
          figure({ name: `${base}.p50`, label: `${CONCURRENCY} 人同时 ${action} 延迟 p50`, value: round(s.p50), unit: 'ms' }),
          figure({ name: `${base}.p95`, label: `${CONCURRENCY} 人同时 ${action} 延迟 p95`, value: round(s.p95), unit: 'ms' }),
          figure({ name: `${base}.p99`, label: `${CONCURRENCY} 人同时 ${action} 延迟 p99`, value: round(s.p99), unit: 'ms' }),
          figure({ name: `${base}.errors`, label: `${CONCURRENCY} 人同时 ${action} 错误数`, value: errors, unit: 'count', budget: 0 }),
          figure({ name: `${base}.roundMs`, label: `${CONCURRENCY} 个 ${action} 全部完成`, value: round(run.wallMs, 0), unit: 'ms' }),
          figure({
            name: `${base}.maxDbRequests`,
            label: `并发下单次 ${action} 的最多数据库请求数`,
            value: maxDb,
            unit: 'requests',
            ...(action === 'submit' ? { budget: 3 } : {}),
          }),
        );
      }
      return figures;
    } finally {
      client.close();
      await app.close();
    }
  },
};

export default scenario;
