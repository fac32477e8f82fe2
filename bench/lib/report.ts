import { BUDGETS } from './budgets';
import type { Figure } from './types';

export interface ScenarioRecord {
  file: string;
  title: string;
  method: string;
  status: 'ran' | 'skipped' | 'failed';
  /** Why it was skipped or how it failed. */
  reason?: string;
  durationMs: number;
  figures: Figure[];
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  platform: string;
  node: string;
  /** 1-minute load average when the run started: other work on the machine shows up in the timings. */
  loadAverage: number;
  date: string;
  commit: string;
}

export interface RunRecord {
  machine: MachineInfo;
  totalMs: number;
  scenarios: ScenarioRecord[];
}

/** What `summary.json` holds: exactly `{ name, value, unit, budget, ok }` per figure. */
export function summaryOf(run: RunRecord): Pick<Figure, 'name' | 'value' | 'unit' | 'budget' | 'ok'>[] {
  return run.scenarios.flatMap((s) => s.figures.map(({ name, value, unit, budget, ok }) => ({ name, value, unit, budget, ok })));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function okMark(f: Figure): string {
  if (!f.ok) return f.budget === null || f.value <= f.budget ? '❌' : '❌ 超出';
  return f.budget === null ? '—' : '✅';
}

/** "`name` = 5 requests（预算 ≤ 4，超出 1）" — by how much (when over); the figure's note says why. */
function overBy(f: Figure): string {
  const by = f.budget !== null && f.value > f.budget ? `，超出 ${Math.round((f.value - f.budget) * 10) / 10}` : '';
  return `\`${f.name}\` = ${f.value} ${f.unit}（预算 ≤ ${f.budget ?? '—'}${by}${f.note ? `；${f.note}` : ''}）`;
}

/** One row per budget of DESIGN.md (and the issues): its words, the figures that measure it, met or not. */
function budgetTable(all: readonly Figure[]): string[] {
  const lines = ['## 预算一览', '', '| 预算（原文） | 出处 | 测量值 | 达标 |', '| --- | --- | --- | :---: |'];
  for (const spec of BUDGETS) {
    const measured = all.filter((f) => spec.figures.test(f.name));
    const values = measured.map((f) => `\`${f.name}\` = ${f.value} ${f.unit}${f.budget === null ? '' : `（≤ ${f.budget}）`}`).join('<br>');
    const status = measured.length === 0 ? '⚠️ 未测' : measured.every((f) => f.ok) ? '✅' : '❌';
    lines.push(`| ${cell(spec.quote.replace(/\s+/g, ' '))} | ${spec.source} | ${values || '—'} | ${status} |`);
  }
  lines.push('');
  return lines;
}

/** The Markdown report: one table per scenario, what is over budget, how it was measured, on what machine. */
export function renderReport(run: RunRecord): string {
  const { machine } = run;
  const all = run.scenarios.flatMap((s) => s.figures);
  const over = all.filter((f) => !f.ok);
  const lines: string[] = [
    '# 基准测试报告',
    '',
    `由 \`npm run bench\` 生成（${machine.date}，提交 \`${machine.commit}\`），全程 ${(run.totalMs / 1000).toFixed(0)} 秒。` +
      '预算取自 DESIGN.md 的 “Performance budgets”（都是上限）；“—” 表示该项没有预算，只作记录。' +
      '机器可读的同一份数据见 [summary.json](summary.json)（每项 `{ name, value, unit, budget, ok }`；没有预算时 `budget` 为 null，`ok` 只在测量本身失败时为 false）。',
    '',
  ];
  if (over.length === 0) lines.push('**全部预算达标。**', '');
  else lines.push(`**未达标 ${over.length} 项：** ${over.map(overBy).join('；')}`, '');
  const notRun = run.scenarios.filter((s) => s.status !== 'ran');
  for (const s of notRun) lines.push(`> ⚠️ 场景 \`${s.file}\` ${s.status === 'skipped' ? '未运行' : '失败'}：${s.reason ?? ''}`, '');
  lines.push(...budgetTable(all));

  for (const s of run.scenarios.filter((x) => x.figures.length > 0)) {
    lines.push(`## ${s.title}`, '', '| 指标 | 名称 | 数值 | 预算 | 达标 | 备注 |', '| --- | --- | ---: | ---: | :---: | --- |');
    for (const f of s.figures) {
      const budget = f.budget === null ? '—' : `≤ ${f.budget} ${f.unit}`;
      lines.push(`| ${cell(f.label)} | \`${f.name}\` | ${f.value} ${f.unit} | ${budget} | ${okMark(f)} | ${cell(f.note ?? '')} |`);
    }
    lines.push('');
  }

  lines.push('## 如何测量', '');
  lines.push(
    '所有场景在同一个 Node 进程里依次运行，各自在 `bench/results/tmp/` 下的新数据目录启动与 `npm start` 相同的应用（devcloud + 云函数打包产物 + 索引清单，' +
      '运行前先执行 `scripts/build-functions.mjs` 打包云函数），数据由 `@zbxx/demo-data` 以固定种子生成，结束后删除数据目录。数据库请求数是确定的；' +
      '时间和内存随机器与负载浮动，重复运行在噪声范围内一致。延迟百分位取最近秩（nearest-rank）的实测值。',
    '',
  );
  for (const s of run.scenarios)
    lines.push(`- **${s.title}**（\`bench/scenarios/${s.file}\`，${(s.durationMs / 1000).toFixed(1)} 秒）：${s.method}`);
  lines.push('', '## 机器', '');
  lines.push(`| 项目 | 值 |`, '| --- | --- |');
  lines.push(`| CPU | ${machine.cpus} 核，${cell(machine.cpuModel)} |`);
  lines.push(`| 内存 | ${machine.memoryGB} GB |`);
  lines.push(`| 系统 | ${machine.platform} |`);
  lines.push(`| Node | ${machine.node} |`);
  lines.push(`| 开始时的负载（1 分钟平均） | ${machine.loadAverage} |`);
  lines.push(`| 日期 | ${machine.date} |`);
  lines.push('');
  return lines.join('\n');
}
