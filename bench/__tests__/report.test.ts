import { mergeReport, mergeSummary, renderReport, summaryOf, type RunRecord } from '../lib/report';
import { figure } from '../lib/figures';

const machine = {
  cpus: 2,
  cpuModel: 'cpu',
  memoryGB: 8,
  platform: 'linux',
  node: 'v20',
  loadAverage: 0.5,
  date: '2026-11-22T06:00:00Z',
  commit: 'abc1234',
};

function run(figures: ReturnType<typeof figure>[]): RunRecord {
  return {
    machine,
    totalMs: 1000,
    scenarios: [{ file: '05-x.ts', title: '首页', method: '测量方法', status: 'ran', durationMs: 10, figures }],
  };
}

describe('renderReport', () => {
  it('says by how much a figure misses its budget, and why when the figure says', () => {
    const text = renderReport(
      run([figure({ name: 'home.dbRequests', label: '首页', value: 6, unit: 'requests', budget: 4, note: '多查了两次' })]),
    );
    expect(text).toContain('**未达标 1 项：** `home.dbRequests` = 6 requests（预算 ≤ 4，超出 2；多查了两次）');
  });

  it('lists every budget with the figures that measure it, and the ones nothing measured', () => {
    const text = renderReport(run([figure({ name: 'home.calls', label: '首页调用', value: 1, unit: 'calls', budget: 1 })]));
    expect(text).toContain('## 预算一览');
    expect(text).toMatch(/\| home screen one function call \| DESIGN\.md \| `home\.calls` = 1 calls（≤ 1） \| ✅ \|/);
    expect(text).toMatch(/\| Quiz submit ≤ 3 \| DESIGN\.md \| — \| ⚠️ 未测 \|/);
  });

  it('puts exactly name, value, unit, budget and ok into summary.json', () => {
    const entries = summaryOf(run([figure({ name: 'a.b', label: 'x', value: 1, unit: 'ms', note: 'n' })]));
    expect(entries).toEqual([{ name: 'a.b', value: 1, unit: 'ms', budget: null, ok: true }]);
  });
});

describe('a partial run merged into the full one (npm run bench -- 12 --record)', () => {
  const full: RunRecord = {
    machine,
    totalMs: 1000,
    scenarios: [
      {
        file: '01-a.ts',
        title: '首页',
        method: '方法一',
        status: 'ran',
        durationMs: 10,
        figures: [figure({ name: 'home.calls', label: '首页调用', value: 1, unit: 'calls', budget: 1 })],
      },
      {
        file: '02-b.ts',
        title: '冷启动',
        method: '旧方法',
        status: 'ran',
        durationMs: 10,
        figures: [figure({ name: 'cold.x', label: '旧', value: 9, unit: 'x' })],
      },
    ],
  };
  const partial = (value: number): RunRecord => ({
    machine: { ...machine, date: '2026-12-08T01:00:00Z', commit: 'def5678' },
    totalMs: 500,
    scenarios: [
      {
        file: '02-b.ts',
        title: '冷启动',
        method: '新方法',
        status: 'ran',
        durationMs: 20,
        figures: [
          figure({ name: 'cold.x', label: '新', value, unit: 'x', budget: 2 }),
          figure({ name: 'cold.y', label: '新增', value: 3, unit: 'x' }),
        ],
      },
    ],
  });

  it('replaces figures of the same name in place and appends new ones in summary.json', () => {
    const merged = mergeSummary(summaryOf(full), partial(1.5));
    expect(merged.map((f) => [f.name, f.value])).toEqual([
      ['home.calls', 1],
      ['cold.x', 1.5],
      ['cold.y', 3],
    ]);
  });

  it('replaces the scenario table and method line, keeps the others, and says what was re-run', () => {
    const text = mergeReport(renderReport(full), partial(1.5), mergeSummary(summaryOf(full), partial(1.5)));
    expect(text).toContain('| 新 | `cold.x` | 1.5 x | ≤ 2 x | ✅ |  |');
    expect(text).not.toContain('`cold.x` | 9 x');
    expect(text).toContain('| 首页调用 | `home.calls` | 1 calls |');
    expect(text).toContain('新方法');
    expect(text).not.toContain('旧方法');
    expect(text).toContain('> 部分重测：`02-b.ts` 于 2026-12-08T01:00:00Z');
    expect(text.match(/## 冷启动/g)).toHaveLength(1);
  });

  it('recomputes the verdict from the merged figures, and re-running leaves one note', () => {
    const once = mergeReport(renderReport(full), partial(3), mergeSummary(summaryOf(full), partial(3)));
    expect(once).toContain('**未达标 1 项：** `cold.x` = 3 x（预算 ≤ 2，超出 1）');
    const twice = mergeReport(once, partial(1.5), mergeSummary(summaryOf(full), partial(1.5)));
    expect(twice).toContain('**全部预算达标。**');
    expect(twice.match(/> 部分重测/g)).toHaveLength(1);
  });
});
