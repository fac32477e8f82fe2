import { renderReport, summaryOf, type RunRecord } from '../lib/report';
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
