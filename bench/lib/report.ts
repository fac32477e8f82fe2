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

type SummaryEntry = Pick<Figure, 'name' | 'value' | 'unit' | 'budget' | 'ok'>;

/** One row per budget of DESIGN.md (and the issues): its words, the figures that measure it, met or not. */
function budgetTable(all: readonly SummaryEntry[]): string[] {
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

/** The verdict under the title: all met, or which figures miss and by how much. */
function verdict(all: readonly Figure[]): string[] {
  const over = all.filter((f) => !f.ok);
  if (over.length === 0) return ['**全部预算达标。**', ''];
  return [`**未达标 ${over.length} 项：** ${over.map(overBy).join('；')}`, ''];
}

function scenarioSection(s: ScenarioRecord): string[] {
  const lines = [`## ${s.title}`, '', '| 指标 | 名称 | 数值 | 预算 | 达标 | 备注 |', '| --- | --- | ---: | ---: | :---: | --- |'];
  for (const f of s.figures) {
    const budget = f.budget === null ? '—' : `≤ ${f.budget} ${f.unit}`;
    lines.push(`| ${cell(f.label)} | \`${f.name}\` | ${f.value} ${f.unit} | ${budget} | ${okMark(f)} | ${cell(f.note ?? '')} |`);
  }
  lines.push('');
  return lines;
}

function methodLine(s: ScenarioRecord): string {
  return `- **${s.title}**（\`bench/scenarios/${s.file}\`，${(s.durationMs / 1000).toFixed(1)} 秒）：${s.method}`;
}

/** The Markdown report: one table per scenario, what is over budget, how it was measured, on what machine. */
export function renderReport(run: RunRecord): string {
  const { machine } = run;
  const all = run.scenarios.flatMap((s) => s.figures);
  const lines: string[] = [
    '# 基准测试报告',
    '',
    `由 \`npm run bench\` 生成（${machine.date}，提交 \`${machine.commit}\`），全程 ${(run.totalMs / 1000).toFixed(0)} 秒。` +
      '预算取自 DESIGN.md 的 “Performance budgets”（都是上限）；“—” 表示该项没有预算，只作记录。' +
      '机器可读的同一份数据见 [summary.json](summary.json)（每项 `{ name, value, unit, budget, ok }`；没有预算时 `budget` 为 null，`ok` 只在测量本身失败时为 false）。',
    '',
  ];
  lines.push(...verdict(all));
  const notRun = run.scenarios.filter((s) => s.status !== 'ran');
  for (const s of notRun) lines.push(`> ⚠️ 场景 \`${s.file}\` ${s.status === 'skipped' ? '未运行' : '失败'}：${s.reason ?? ''}`, '');
  lines.push(...budgetTable(all));

  for (const s of run.scenarios.filter((x) => x.figures.length > 0)) lines.push(...scenarioSection(s));

  lines.push('## 如何测量', '');
  lines.push(
    '所有场景在同一个 Node 进程里依次运行，各自在 `bench/results/tmp/` 下的新数据目录启动与 `npm start` 相同的应用（devcloud + 云函数打包产物 + 索引清单，' +
      '运行前先执行 `scripts/build-functions.mjs` 打包云函数），数据由 `@zbxx/demo-data` 以固定种子生成，结束后删除数据目录。数据库请求数是确定的；' +
      '时间和内存随机器与负载浮动，重复运行在噪声范围内一致。延迟百分位取最近秩（nearest-rank）的实测值。',
    '',
  );
  for (const s of run.scenarios) lines.push(methodLine(s));
  lines.push('', '## 机器', '');
  lines.push(...machineTable(machine));
  lines.push('');
  return lines.join('\n');
}

function machineTable(machine: MachineInfo): string[] {
  return [
    `| 项目 | 值 |`,
    '| --- | --- |',
    `| CPU | ${machine.cpus} 核，${cell(machine.cpuModel)} |`,
    `| 内存 | ${machine.memoryGB} GB |`,
    `| 系统 | ${machine.platform} |`,
    `| Node | ${machine.node} |`,
    `| 开始时的负载（1 分钟平均） | ${machine.loadAverage} |`,
    `| 日期 | ${machine.date} |`,
  ];
}

/** summary.json after a partial run: its figures replace those of the same name in place, new ones are appended. */
export function mergeSummary(previous: readonly SummaryEntry[], run: RunRecord): SummaryEntry[] {
  const fresh = summaryOf(run);
  const byName = new Map(fresh.map((f) => [f.name, f]));
  const merged = previous.map((f) => byName.get(f.name) ?? f);
  const known = new Set(previous.map((f) => f.name));
  return [...merged, ...fresh.filter((f) => !known.has(f.name))];
}

/** Replaces the block that starts with the line `start` up to the next `## ` heading, or inserts it before `before`. */
function replaceSection(text: string, heading: string, block: string, before: string): string {
  const at = text.indexOf(`\n${heading}\n`);
  if (at >= 0) {
    const next = text.indexOf('\n## ', at + 1);
    return text.slice(0, at + 1) + block + (next < 0 ? '' : text.slice(next + 1));
  }
  const insertAt = text.indexOf(`\n${before}\n`);
  if (insertAt < 0) throw new Error(`report.md has no "${before}" section`);
  return text.slice(0, insertAt + 1) + block + text.slice(insertAt + 1);
}

/**
 * report.md after a partial run (`npm run bench -- 12 --record`): the run's scenario tables and method lines
 * replace or join the full run's, the verdict and the budget table are recomputed from the merged summary,
 * and a line under the title says which scenarios were re-run, when and on what machine load.
 */
export function mergeReport(previous: string, run: RunRecord, merged: readonly SummaryEntry[]): string {
  let text = previous;
  for (const s of run.scenarios.filter((x) => x.figures.length > 0)) {
    text = replaceSection(text, `## ${s.title}`, scenarioSection(s).join('\n') + '\n', '## 如何测量');
    const bullet = `- **${s.title}**（`;
    const lines = text.split('\n');
    const existing = lines.findIndex((l) => l.startsWith(bullet));
    if (existing >= 0) lines[existing] = methodLine(s);
    else {
      const machineAt = lines.indexOf('## 机器');
      lines.splice(machineAt - 1, 0, methodLine(s));
    }
    text = lines.join('\n');
  }
  const all = merged.map((f) => ({ ...f, label: f.name }));
  const verdictStart = text.search(/\n\*\*(全部预算达标。|未达标 )/);
  const verdictEnd = text.indexOf('\n', verdictStart + 1);
  if (verdictStart >= 0) text = text.slice(0, verdictStart + 1) + verdict(all)[0] + text.slice(verdictEnd);
  text = replaceSection(text, '## 预算一览', budgetTable(merged).join('\n') + '\n', '## 如何测量');
  const { machine } = run;
  const note = `> 部分重测：${run.scenarios.map((s) => `\`${s.file}\``).join('、')} 于 ${machine.date}（提交 \`${machine.commit}\`，开始时负载 ${machine.loadAverage}）单独运行并并入本报告；其余场景的数据来自上面所写的完整运行。`;
  const lines = text.split('\n').filter((l) => !(l.startsWith('> 部分重测：') && run.scenarios.some((s) => l.includes(`\`${s.file}\``))));
  const titleEnd = lines.findIndex((l, i) => i > 1 && l === '');
  lines.splice(titleEnd + 1, 0, note, '');
  return lines.join('\n');
}
