import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { figure } from '../lib/figures';
import { round } from '../lib/stats';
import type { Figure, Scenario } from '../lib/types';

/** The functions a member's everyday screens call: their cold start is what a member waits for. */
const MEMBER_PATH = ['account', 'study', 'quiz', 'checkin'];
/** Issue 13: a member-path bundle loads within 1.1x of wx-server-sdk alone. */
const RATIO_BUDGET = 1.1;
const ROUNDS = 15;
const SDK = 'wx-server-sdk';

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** One fresh `node` that requires `target` and exits: the whole process, as a cold instance pays it. */
function loadOnce(target: string, cwd: string): Sample {
  const script = `require(${JSON.stringify(target)});const c=process.cpuUsage();process.stdout.write(String((c.user+c.system)/1000));`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`require(${target}) failed: ${child.stderr.slice(0, 500)}`);
  return { wallMs, cpuMs: Number(child.stdout) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const scenario: Scenario = {
  title: '云函数冷启动：加载打包产物与只加载 wx-server-sdk 之比',
  method:
    `每个目标在新的 \`node\` 进程里 \`require\` 后退出，计整个进程从启动到退出的时间（墙钟）与它用掉的 CPU 时间（user+sys）；` +
    `基准是只 \`require('wx-server-sdk')\` 的进程。${ROUNDS} 轮，每轮依次运行基准和每个云函数一次（交错运行，机器负载的起伏对各方相同），取中位数。` +
    `比值 = 云函数中位数 ÷ 基准中位数；党员常用的 ${MEMBER_PATH.join('、')} 预算 ≤ ${RATIO_BUDGET}（issue 13），其余只作记录。` +
    '只在管理员导入导出时用到的 exceljs、mammoth 由 `scripts/build-functions.mjs` 打包到 `lazy/` 下单独的文件，首次使用时才加载，不计入冷启动。',
  async run(ctx) {
    const functionsRoot = join(ctx.repoRoot, 'cloudfunctions');
    const targets = [SDK, ...ctx.functions];
    const samples = new Map<string, Sample[]>(targets.map((t) => [t, []]));
    const pathOf = (t: string) => (t === SDK ? SDK : join(functionsRoot, t, 'index.js'));
    for (let i = 0; i < ROUNDS; i += 1) {
      // Rotating the order too: no target always runs right after the same neighbour.
      const order = targets.map((_, k) => targets[(k + i) % targets.length]!);
      for (const target of order) samples.get(target)!.push(loadOnce(pathOf(target), join(functionsRoot, ctx.functions[0] ?? '')));
    }
    const wall = (t: string) => median(samples.get(t)!.map((s) => s.wallMs));
    const cpu = (t: string) => median(samples.get(t)!.map((s) => s.cpuMs));
    const base = { wall: wall(SDK), cpu: cpu(SDK) };
    ctx.log(`wx-server-sdk alone: ${base.wall.toFixed(0)} ms wall, ${base.cpu.toFixed(0)} ms CPU`);

    const figures: Figure[] = [
      figure({ name: 'coldStart.sdk.ms', label: '只加载 wx-server-sdk 的进程（墙钟，中位数）', value: round(base.wall), unit: 'ms' }),
      figure({ name: 'coldStart.sdk.cpuMs', label: '只加载 wx-server-sdk 的进程（CPU 时间，中位数）', value: round(base.cpu), unit: 'ms' }),
    ];
    for (const name of ctx.functions) {
      const member = MEMBER_PATH.includes(name);
      const ratio = wall(name) / base.wall;
      ctx.log(
        `${name}: ${wall(name).toFixed(0)} ms wall (${ratio.toFixed(2)}x), ${cpu(name).toFixed(0)} ms CPU (${(cpu(name) / base.cpu).toFixed(2)}x)`,
      );
      figures.push(
        figure({
          name: `coldStart.${name}.ms`,
          label: `加载 ${name}/index.js 的进程（墙钟，中位数）`,
          value: round(wall(name)),
          unit: 'ms',
        }),
        figure({
          name: `coldStart.${name}.ratio`,
          label: `${name} ÷ wx-server-sdk（墙钟）${member ? '，党员常用' : ''}`,
          value: round(ratio, 2),
          unit: 'x',
          budget: member ? RATIO_BUDGET : null,
        }),
        figure({
          name: `coldStart.${name}.cpuRatio`,
          label: `${name} ÷ wx-server-sdk（CPU 时间）`,
          value: round(cpu(name) / base.cpu, 2),
          unit: 'x',
          note: `${round(cpu(name))} ms CPU`,
        }),
      );
    }
    return figures;
  },
};

export default scenario;
