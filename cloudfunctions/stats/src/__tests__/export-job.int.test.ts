/**
 * The export as a resumable job: however it is cut into steps (one unit per call, steps racing each other, a
 * unit run twice, a step that failed half-way), the workbook read back with SheetJS is the one a single call
 * writes; and nobody but the job's owner can step or see it.
 */
import * as XLSX from 'xlsx';
import type { Envelope, ExportJob } from '@zbxx/contracts';
import { DEMO_OPENIDS } from '@zbxx/demo-data';
import { monthOf, monthsEndingWith } from '@zbxx/domain';
import { runExport, type DoneExport } from './export-runner';
import { useStatsCloud } from './stats-cloud';
import { statsCounty } from './stats-county';

jest.setTimeout(120_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const now = new Date('2026-12-08T10:00:00+08:00');
const months = monthsEndingWith(monthOf(now), 2);
// Over 1000 members: every month's 党员明细 takes two pages.
const raw = statsCounty({ today: now, seed: 31, members: 1100, branches: 12, committees: 3 });
const countyRoot = raw.orgs.find((o) => o.parentId === null)!;
const range = { fromMonth: months[0], toMonth: months[1] };

const stats = useStatsCloud(raw, now);

const call = async (action: string, data: unknown, openid: string = DEMO_OPENIDS.admin) =>
  (await stats.cloud.call<Envelope<ExportJob>>('stats', { action, data }, openid)).result;
const job = (exportId: string) =>
  stats.cloud.engine.find('statsExports', { _id: exportId })[0] as unknown as {
    next: number;
    units: unknown[];
    leaseId?: string;
    status: string;
  };
const parts = (exportId: string) => stats.cloud.engine.find('statsExportParts', { exportId });

async function sheetsOf(result: DoneExport): Promise<Record<string, unknown[][]>> {
  const wb = XLSX.read(Buffer.from(await (await fetch(result.url)).arrayBuffer()), { type: 'buffer' });
  return Object.fromEntries(
    wb.SheetNames.map((name) => [
      name,
      XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: true, defval: null }),
    ]),
  );
}

/** Steps until done, `parallel` calls at a time. */
async function finish(exportId: string, parallel = 1): Promise<DoneExport> {
  for (let round = 0; round < 200; round += 1) {
    const replies = await Promise.all(Array.from({ length: parallel }, () => call('exportStep', { exportId, stepBudgetMs: 0 })));
    for (const reply of replies) if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    const done = replies.find((r) => r.ok && r.data.status === 'done');
    if (done?.ok && done.data.status === 'done') return done.data;
  }
  throw new Error('not done after 200 rounds');
}

async function start(requestId: string): Promise<string> {
  const reply = await call('exportWorkbook', { ...range, requestId, stepBudgetMs: 0 });
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data.exportId;
}

let reference: Record<string, unknown[][]>;
let referenceRun: Awaited<ReturnType<typeof runExport>>;

beforeAll(async () => {
  referenceRun = await runExport(stats.cloud, DEMO_OPENIDS.admin, { ...range, requestId: 'job-reference' });
  reference = await sheetsOf(referenceRun.result);
}, 180_000);

describe('one call or many: the same workbook', () => {
  it('a county of 1,100 members over two months is done in the first call with the default budget', () => {
    expect(referenceRun.calls).toBe(1);
    expect(referenceRun.result.progress).toEqual({
      done: referenceRun.result.progress.total,
      total: referenceRun.result.progress.total,
      label: '已完成',
    });
    expect(Object.keys(reference)).toEqual(['汇总', '党员明细', '主题党日', '答题分析', '年度数据', '口径说明']);
    // Two pages of members a month: 2 × (汇总, 2 pages, 主题党日, 答题分析) + the file.
    expect(referenceRun.result.progress.total).toBe(11);
    expect(reference['党员明细']!.length - 1).toBe(referenceRun.result.sheets.find((s) => s.name === '党员明细')!.rows);
    expect(reference['党员明细']!.length - 1).toBeGreaterThan(2000);
  });

  it('one unit per step: a call per unit, progress counting up by one, cell-for-cell the same workbook', async () => {
    const run = await runExport(stats.cloud, DEMO_OPENIDS.admin, { ...range, requestId: 'job-small-steps' }, 0);
    expect(run.calls).toBe(11);
    expect(run.progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(run.progress[0]?.label).toBe(`党员明细 ${months[0]} 第1页`);
    expect(run.progress.at(-2)?.label).toBe('写入文件');
    expect(await sheetsOf(run.result)).toEqual(reference);
  });

  it('the same requestId is the same job: a start retried after its reply was lost, or after the end, adds nothing', async () => {
    const exportId = await start('job-retried-start');
    expect(await start('job-retried-start')).toBe(exportId);
    const done = await finish(exportId);
    const again = await call('exportWorkbook', { ...range, requestId: 'job-retried-start' });
    expect(again).toMatchObject({ ok: true, data: { exportId, status: 'done', fileId: done.fileId, bytes: done.bytes } });
    expect(stats.cloud.engine.count('statsExports', { requestId: 'job-retried-start' })).toBe(1);
    expect(parts(exportId)).toEqual([]);
  });
});

describe('repeated and concurrent steps', () => {
  it('steps racing each other: one holds the job, the others answer its progress; no row twice', async () => {
    const exportId = await start('job-racing');
    const result = await finish(exportId, 4);
    expect(await sheetsOf(result)).toEqual(reference);
  });

  it('a unit run again (its step died after saving the rows, before moving on) replaces its rows', async () => {
    const exportId = await start('job-rerun');
    for (let i = 0; i < 3; i += 1) await call('exportStep', { exportId, stepBudgetMs: 0 });
    const saved = parts(exportId).length;
    expect(job(exportId).next).toBe(4);
    stats.cloud.engine.update('statsExports', { _id: exportId }, { $set: { next: 1 } });
    await call('exportStep', { exportId, stepBudgetMs: 0 });
    await call('exportStep', { exportId, stepBudgetMs: 0 });
    expect(parts(exportId)).toHaveLength(saved);
    expect(await sheetsOf(await finish(exportId))).toEqual(reference);
  });
});

describe('a failed step', () => {
  it('keeps what earlier units saved, lets the next step in at once, and the retry completes the same workbook', async () => {
    const exportId = await start('job-failing');
    // 答题分析 reads the node's names: without the node the step fails at that unit, after the month's others.
    const [node] = stats.cloud.engine.find('orgs', { _id: countyRoot._id });
    stats.cloud.engine.remove('orgs', { _id: countyRoot._id });
    const failed = await call('exportStep', { exportId });
    stats.cloud.engine.insert('orgs', node!);
    expect(failed).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const after = job(exportId);
    expect(after.units[after.next]).toEqual({ sheet: 'items', month: months[0], page: 0 });
    expect(after.leaseId).toBeUndefined();
    const resumed = await call('exportStep', { exportId });
    expect(resumed).toMatchObject({ ok: true, data: { status: 'done' } });
    if (resumed.ok && resumed.data.status === 'done') expect(await sheetsOf(resumed.data)).toEqual(reference);
  });
});

describe('whose job', () => {
  it('only its owner steps or sees it: another admin (even one above it), a secretary, a member and a stranger are refused, nothing moves', async () => {
    // demo-admin2's own export of their 党委, one unit in.
    const committeeId = raw.members.find((m) => m.openid === DEMO_OPENIDS.admin2)!.roles.find((r) => r.role === 'admin')!.orgId;
    const reply = await call(
      'exportWorkbook',
      { nodeId: committeeId, ...range, requestId: 'job-admin2', stepBudgetMs: 0 },
      DEMO_OPENIDS.admin2,
    );
    if (!reply.ok) throw new Error(reply.error.message);
    const { exportId } = reply.data;
    const before = stats.cloud.snapshot(['statsExports', 'statsExportParts']);
    for (const [openid, code] of [
      [DEMO_OPENIDS.admin, 'NOT_FOUND'],
      [DEMO_OPENIDS.secretary, 'NOT_FOUND'],
      [DEMO_OPENIDS.member, 'NOT_FOUND'],
      ['stranger-openid', 'AUTH.NOT_BOUND'],
    ] as const) {
      expect(await call('exportStep', { exportId }, openid)).toMatchObject({ ok: false, error: { code } });
    }
    expect(stats.cloud.snapshot(['statsExports', 'statsExportParts'])).toEqual(before);
    expect(await call('exportStep', { exportId, stepBudgetMs: 0 }, DEMO_OPENIDS.admin2)).toMatchObject({
      ok: true,
      data: { exportId, progress: { done: 2 } },
    });
  });
});
