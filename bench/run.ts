/**
 * `npm run bench`: runs every scenario under bench/scenarios/ (in file-name order) and writes
 * bench/results/summary.json and bench/results/report.md. A new cloud function gets its figures by adding a
 * scenario file there (see lib/types.ts); nothing here changes.
 *
 *   npm run bench                 everything; writes the results
 *   npm run bench -- 02 03        only scenarios whose file name contains one of the arguments; prints the
 *                                 figures, writes nothing (partial results never replace a full report)
 *   npm run bench -- 12 --record  the same, then merges those scenarios' figures into summary.json and
 *                                 report.md (replacing their earlier figures; the report says what was re-run)
 *
 * Environment: BENCH_BUILD=1 rebuilds the weapp even when client/dist/weapp exists; BENCH_BUILD_FUNCTIONS=0
 * uses the function bundles as they are instead of rebuilding them first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mergeReport, mergeSummary, renderReport, summaryOf, type MachineInfo, type RunRecord, type ScenarioRecord } from './lib/report';
import type { Figure, Scenario } from './lib/types';

const REPO_ROOT = resolve(__dirname, '..');
const BENCH_ROOT = join(REPO_ROOT, 'bench');
const RESULTS = join(BENCH_ROOT, 'results');
const SCENARIOS = join(BENCH_ROOT, 'scenarios');

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

function buildFunctions(): void {
  if (process.env.BENCH_BUILD_FUNCTIONS === '0') return;
  log('building cloud functions (scripts/build-functions.mjs)…');
  const build = spawnSync(process.execPath, ['scripts/build-functions.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('cloud functions failed to build: the bench measures the bundles, fix the build first');
}

function builtFunctions(): string[] {
  const root = join(REPO_ROOT, 'cloudfunctions');
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'index.js')))
    .sort();
}

function machineInfo(): MachineInfo {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += '+未提交改动';
  } catch {
    // not a git checkout: the report just says so
  }
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
  };
}

/** Each scenario starts from a collected heap (npm run bench passes --expose-gc), so memory figures do not carry the last one's garbage. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function loadScenario(file: string): Promise<Scenario> {
  const mod = (await import(join(SCENARIOS, file))) as { default?: Scenario | { default?: Scenario } };
  // tsx's CommonJS interop may wrap the default export once more.
  const candidate = mod.default && 'default' in mod.default ? mod.default.default : mod.default;
  if (!candidate || typeof (candidate as Scenario).run !== 'function') throw new Error(`${file}: no default-exported scenario`);
  return candidate as Scenario;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const record = args.includes('--record');
  const filters = args.filter((a) => a !== '--record');
  const started = performance.now();
  const machine = machineInfo();
  buildFunctions();
  const functions = builtFunctions();
  const files = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .filter((f) => filters.length === 0 || filters.some((part) => f.includes(part)));
  const tmpRoot = join(RESULTS, 'tmp');
  mkdirSync(tmpRoot, { recursive: true });

  const records: ScenarioRecord[] = [];
  const previous: Figure[] = [];
  try {
    for (const file of files) {
      const scenario = await loadScenario(file);
      const missing = (scenario.requires ?? []).filter((name) => !functions.includes(name));
      const base = { file, title: scenario.title, method: scenario.method, figures: [] as Figure[] };
      if (missing.length > 0) {
        records.push({ ...base, status: 'skipped', reason: `缺少云函数打包产物：${missing.join(', ')}`, durationMs: 0 });
        log(`${file}: skipped (no bundle for ${missing.join(', ')})`);
        continue;
      }
      log(`${file}: ${scenario.title}`);
      collectGarbage();
      const t = performance.now();
      const tmpDir = join(tmpRoot, file.replace(/\.ts$/, ''));
      mkdirSync(tmpDir, { recursive: true });
      try {
        const figures = await scenario.run({ repoRoot: REPO_ROOT, tmpDir, functions, previous, log: (m) => log(`  ${m}`) });
        records.push({ ...base, figures, status: 'ran', durationMs: performance.now() - t });
        previous.push(...figures);
      } catch (err) {
        console.error(err);
        records.push({
          ...base,
          status: 'failed',
          reason: err instanceof Error ? err.message : String(err),
          durationMs: performance.now() - t,
        });
      } finally {
        rmSync(tmpDir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(tmpRoot, { recursive: true, force: true });
  }

  const run: RunRecord = { machine, totalMs: performance.now() - started, scenarios: records };
  const summary = summaryOf(run);
  for (const f of summary) log(`${f.ok ? ' ' : '✗'} ${f.name} = ${f.value} ${f.unit}${f.budget === null ? '' : ` (≤ ${f.budget})`}`);
  if (filters.length === 0) {
    writeFileSync(join(RESULTS, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(join(RESULTS, 'report.md'), renderReport(run));
    log(`wrote bench/results/summary.json and report.md in ${(run.totalMs / 1000).toFixed(0)} s`);
  } else if (record && records.every((r) => r.status === 'ran')) {
    const previousSummary = JSON.parse(readFileSync(join(RESULTS, 'summary.json'), 'utf8')) as ReturnType<typeof summaryOf>;
    const merged = mergeSummary(previousSummary, run);
    writeFileSync(join(RESULTS, 'summary.json'), `${JSON.stringify(merged, null, 2)}\n`);
    writeFileSync(join(RESULTS, 'report.md'), mergeReport(readFileSync(join(RESULTS, 'report.md'), 'utf8'), run, merged));
    log(`merged ${files.join(', ')} into bench/results/summary.json and report.md`);
  } else {
    log(`filtered run (${files.join(', ')}): results not written${record ? ' (a scenario did not run)' : ''}`);
  }
  // summary.json is keyed by name: two scenarios measuring under one name would make a script compare the wrong one.
  const seen = new Set<string>();
  const duplicates = summary.filter((f) => seen.size === seen.add(f.name).size).map((f) => f.name);
  if (duplicates.length > 0) {
    log(`figure names used twice: ${duplicates.join(', ')}`);
    process.exitCode = 1;
  }
  const failed = records.filter((r) => r.status !== 'ran');
  const over = summary.filter((f) => !f.ok);
  if (over.length > 0) log(`over budget: ${over.map((f) => f.name).join(', ')}`);
  // Over budget is a finding for the report, not a crash; a scenario that could not run is.
  if (failed.length > 0) {
    log(`not run: ${failed.map((r) => `${r.file} (${r.reason ?? r.status})`).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
});
