import { performance } from 'node:perf_hooks';
import type { QuizAttemptResult, QuizPlayAttempt } from '@zbxx/contracts';
import { orgPathOf } from '@zbxx/domain';
import { codeAtStep, timeStep } from '@zbxx/domain/src/checkin/code';
import type { AttendanceDoc, CheckinEventDoc, MemberDoc, OrgDoc, QuizAttemptDoc, QuizRoundDoc } from '@zbxx/server';
import { startBenchApp } from '../lib/bench-app';
import { bindMembers } from '../lib/bind-members';
import { fixedCounty } from '../lib/county';
import { matchesEnvelope } from '../lib/envelope';
import { figure } from '../lib/figures';
import { GatewayClient, type GatewayReply } from '../lib/gateway-client';
import { round, summarize } from '../lib/stats';
import type { Figure, Scenario } from '../lib/types';

const CROWD = 200;
const COUNTY = fixedCounty({ members: 2000, branches: 60, committees: 3 });
const ROUND_ID = 'round-load-open';
const MINUTE_MS = 60_000;
const HOUR = 3_600_000;

/** The demo round's rules on a window open now (the bench county's own month is in the past). */
function openRound(template: QuizRoundDoc): QuizRoundDoc {
  const now = Date.now();
  return {
    ...template,
    _id: ROUND_ID,
    title: '负载测试答题',
    opensAt: new Date(now - 86_400_000),
    closesAt: new Date(now + 7 * 86_400_000),
  };
}

/** A 主题党日 of `branch` whose check-in is open now, with a secret the bench knows (to show codes as the secretary's phone does). */
function openEvent(template: CheckinEventDoc, branch: OrgDoc, index: number): CheckinEventDoc {
  const now = Date.now();
  return {
    ...template,
    _id: `ev-load-${branch._id}`,
    branchId: branch._id,
    branchName: branch.name,
    orgPath: orgPathOf({ id: branch._id, ancestors: branch.ancestors }),
    checkinOpensAt: new Date(now - HOUR),
    startsAt: new Date(now - 0.5 * HOUR),
    lateAfter: new Date(now + HOUR),
    endsAt: new Date(now + 2 * HOUR),
    geofence: null,
    secret: (index + 1).toString(16).padStart(40, 'a'),
    closedAt: null,
  };
}

interface Timed {
  action: 'start' | 'submit' | 'checkIn';
  openid: string;
  reply: GatewayReply;
}

/** `(CHECKIN.BAD_CODE ×3, no reply ×1)`: what the errors were, for the log. */
function describeErrors(replies: readonly GatewayReply[]): string {
  if (replies.length === 0) return '';
  const counts = new Map<string, number>();
  for (const reply of replies) {
    const code =
      reply.status === 0 ? 'no reply' : ((reply.body as { error?: { code?: string } } | null)?.error?.code ?? `HTTP ${reply.status}`);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return ` (${[...counts].map(([code, n]) => `${code} ×${n}`).join(', ')})`;
}

const scenario: Scenario = {
  title: '同一分钟内：200 人开始并交卷、200 人签到',
  requires: ['quiz', 'checkin'],
  method:
    `在 ${COUNTY.members} 名党员的县（固定种子）上发布一轮正在进行的答题（20 题），并为签到的党员所在的每个支部开一场正在签到的主题党日；直接绑定 ${2 * CROWD} 名党员，经 HTTP 网关调用。` +
    `先由这 ${2 * CROWD} 人同时调用 rounds / myEvents 预热云函数实例（不计入）。然后同时开始：${CROWD} 人各自 start（服务器抽题）后立即带全部答案 submit，另 ${CROWD} 人各自用当前签到码 checkIn。` +
    `延迟为客户端从发出请求到收完响应的时间（压测客户端与 devcloud 在同一进程、共用 2 个核）。错误 = 非 200 或信封 ok:false。结束后核对数据库：每个已确认的交卷与签到都在库中且分数与回复一致（否则计入“缺失”），无人有第二份答卷或第二条签到记录（否则计入“重复”）。`,
  async run(ctx) {
    const app = await startBenchApp(ctx.tmpDir, 'minute-load', COUNTY);
    const client = new GatewayClient(app.url);
    try {
      const engine = app.devcloud.engine;
      const [template] = engine.find('quizRounds', {}, { limit: 1 }) as unknown as QuizRoundDoc[];
      const [eventTemplate] = engine.find('checkinEvents', {}, { limit: 1 }) as unknown as CheckinEventDoc[];
      if (!template || !eventTemplate) throw new Error('the bench county has no quiz round or no check-in event');
      engine.insertMany('quizRounds', [openRound(template)] as unknown as Record<string, unknown>[]);
      const openids = bindMembers(engine, 2 * CROWD);
      const quizCrowd = openids.slice(0, CROWD);
      const checkinCrowd = openids.slice(CROWD);
      const memberOf = new Map((engine.find('members', { openid: { $in: openids } }) as unknown as MemberDoc[]).map((m) => [m.openid!, m]));
      const branchIds = [...new Set(checkinCrowd.map((openid) => memberOf.get(openid)!.branchId))];
      const branches = engine.find('orgs', { _id: { $in: branchIds } }) as unknown as OrgDoc[];
      const events = branches.map((branch, i) => openEvent(eventTemplate, branch, i));
      engine.insertMany('checkinEvents', events as unknown as Record<string, unknown>[]);
      const eventOf = new Map(events.map((e) => [e.branchId, e]));

      const isError = (reply: GatewayReply) => reply.status !== 200 || !matchesEnvelope(reply.body, { ok: true });
      // Warm-up: both functions get their instances (not measured).
      const warmStarted = performance.now();
      await Promise.all([
        ...quizCrowd.map((openid) => client.call('quiz', { action: 'rounds' }, openid)),
        ...checkinCrowd.map((openid) => client.call('checkin', { action: 'myEvents' }, openid)),
      ]);
      ctx.log(`warm-up: ${2 * CROWD} reads in ${(performance.now() - warmStarted).toFixed(0)} ms`);

      // A call without a reply is counted as an error, not allowed to end the scenario.
      const call = (name: string, event: unknown, openid: string): Promise<GatewayReply> =>
        client.call(name, event, openid).catch(() => ({ status: 0, body: null, dbRequests: null, latencyMs: Number.NaN }));
      const timed: Timed[] = [];
      const quizMember = async (openid: string) => {
        const start = await call('quiz', { action: 'start', data: { roundId: ROUND_ID } }, openid);
        timed.push({ action: 'start', openid, reply: start });
        if (isError(start)) return;
        const paper = (start.body as { data: QuizPlayAttempt }).data;
        const answers = Object.fromEntries(paper.questions.map((q) => [q.id, ['A']]));
        const submit = await call('quiz', { action: 'submit', data: { attemptId: paper.attemptId, answers, pageHiddenCount: 0 } }, openid);
        timed.push({ action: 'submit', openid, reply: submit });
      };
      const checkinMember = async (openid: string) => {
        const event = eventOf.get(memberOf.get(openid)!.branchId)!;
        const code = codeAtStep(event.secret, timeStep(new Date()));
        const reply = await call('checkin', { action: 'checkIn', data: { eventId: event._id, code } }, openid);
        timed.push({ action: 'checkIn', openid, reply });
      };
      const started = performance.now();
      await Promise.all([...quizCrowd.map(quizMember), ...checkinCrowd.map(checkinMember)]);
      const wallMs = performance.now() - started;

      // Nothing acknowledged is missing or different, nothing counted twice.
      const attempts = engine.find('quizAttempts', { roundId: ROUND_ID }) as unknown as QuizAttemptDoc[];
      const records = engine.find('attendance', { eventId: { $in: events.map((e) => e._id) } }) as unknown as AttendanceDoc[];
      const storedScore = new Map(attempts.filter((a) => a.finishedAt).map((a) => [a.memberId, a.score]));
      const checkedIn = new Set(records.filter((r) => r.state === 'present' || r.state === 'late').map((r) => r.memberId));
      const acknowledged = timed.filter((t) => t.action !== 'start' && !isError(t.reply));
      const lost = acknowledged.filter((t) => {
        const memberId = memberOf.get(t.openid)!._id;
        if (t.action === 'checkIn') return !checkedIn.has(memberId);
        return storedScore.get(memberId) !== (t.reply.body as { data: QuizAttemptResult }).data.score;
      }).length;
      // Attempt ids carry the attempt number and attendance ids the member: a double shows as a second
      // attempt of a member or as a second history entry.
      const doubled =
        attempts.length - new Set(attempts.map((a) => a.memberId)).size + records.filter((r) => r.history.length !== 1).length;

      const figures: Figure[] = [];
      for (const action of ['start', 'submit', 'checkIn'] as const) {
        const replies = timed.filter((t) => t.action === action).map((t) => t.reply);
        // A call that never got a reply is an error and has no latency.
        const s = summarize(replies.filter((r) => r.status !== 0).map((r) => r.latencyMs));
        const errors = replies.filter(isError).length + (CROWD - replies.length);
        ctx.log(
          `${action} ×${replies.length}: p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, ${errors} errors${describeErrors(replies.filter(isError))}`,
        );
        const base = `load.minute.${action}.c${CROWD}`;
        figures.push(
          figure({ name: `${base}.p50`, label: `同一分钟内 ${CROWD} 人 ${action} 延迟 p50`, value: round(s.p50), unit: 'ms' }),
          figure({ name: `${base}.p95`, label: `同一分钟内 ${CROWD} 人 ${action} 延迟 p95`, value: round(s.p95), unit: 'ms' }),
          figure({ name: `${base}.p99`, label: `同一分钟内 ${CROWD} 人 ${action} 延迟 p99`, value: round(s.p99), unit: 'ms' }),
          figure({ name: `${base}.errors`, label: `同一分钟内 ${CROWD} 人 ${action} 错误数`, value: errors, unit: 'count', budget: 0 }),
        );
      }
      ctx.log(
        `all ${3 * CROWD} calls done in ${wallMs.toFixed(0)} ms; ${acknowledged.length} acknowledged writes, ${lost} lost or changed, ${doubled} doubled`,
      );
      figures.push(
        figure({
          name: `load.minute.c${2 * CROWD}.wallMs`,
          label: `${2 * CROWD} 人的 ${3 * CROWD} 个调用全部完成（须在一分钟内）`,
          value: round(wallMs, 0),
          unit: 'ms',
          budget: MINUTE_MS,
        }),
        figure({
          name: `load.minute.c${2 * CROWD}.lost`,
          label: '数据库核对：已确认却缺失或分数不符的交卷与签到',
          value: lost,
          unit: 'count',
          budget: 0,
        }),
        figure({
          name: `load.minute.c${2 * CROWD}.doubled`,
          label: '数据库核对：重复计数（第二份答卷或第二条签到记录）',
          value: doubled,
          unit: 'count',
          budget: 0,
        }),
      );
      return figures;
    } finally {
      client.close();
      await app.close();
    }
  },
};

export default scenario;
