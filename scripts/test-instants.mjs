// `npm run test:instants`: the integration and browser tests with the machine's clock shifted (libfaketime) to
// the instants where date rules break: before 08:30 Beijing, the last seconds of a month, the first seconds of
// the next, 29 February, New Year. A suite whose verdict depends on the hour it runs at fails here.
// Not part of `npm test` (it runs the two projects five times). Needs `faketime` (apt-get install faketime).
//   node scripts/test-instants.mjs                 all five instants
//   node scripts/test-instants.mjs --only=leap     one or more (comma-separated names)
//   node scripts/test-instants.mjs -- <jest args>  e.g. a path pattern, to try a few files at every instant
//   --skip-build                                    reuse the bundles and h5 build already there
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { runStep } from './run-step.mjs';

/** Each instant in UTC (faketime reads it in TZ=UTC) with what it is in Beijing. */
const INSTANTS = [
  { name: 'early-morning', utc: '2027-03-09 22:30:00', beijing: '2027-03-10 06:30:00（普通日子的清晨）' },
  { name: 'month-end', utc: '2027-04-30 15:59:40', beijing: '2027-04-30 23:59:40（月末最后 20 秒）' },
  { name: 'month-start', utc: '2027-04-30 16:00:20', beijing: '2027-05-01 00:00:20（月初）' },
  { name: 'leap-day', utc: '2028-02-29 04:00:00', beijing: '2028-02-29 12:00:00（闰日）' },
  { name: 'new-year', utc: '2027-12-31 16:00:20', beijing: '2028-01-01 00:00:20（元旦）' },
];

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const dashDash = args.indexOf('--');
const jestExtra = dashDash === -1 ? [] : args.slice(dashDash + 1);
const chosen = only ? INSTANTS.filter((i) => only.includes(i.name)) : INSTANTS;
if (chosen.length === 0) {
  console.error(`no such instant: ${only}; known: ${INSTANTS.map((i) => i.name).join(', ')}`);
  process.exit(2);
}
if (spawnSync('faketime', ['-f', '+0', 'true']).status !== 0) {
  console.error('faketime is missing: apt-get install faketime');
  process.exit(2);
}

// Built once at the real time: the same steps as `npm test` (--skip-build reuses the last build).
if (!args.includes('--skip-build')) {
  runStep('打包云函数 build cloud functions', 'node', ['scripts/build-functions.mjs']);
  runStep('构建 H5 build h5', 'npm', ['run', 'build:h5', '-w', 'client', '--silent'], { quiet: true });
}

mkdirSync('.cache', { recursive: true });
const results = [];
for (const instant of chosen) {
  const report = `.cache/instants-${instant.name}.json`;
  rmSync(report, { force: true });
  console.log(`\n▶ ${instant.name}: 北京时间 ${instant.beijing}（UTC ${instant.utc}）`);
  const started = performance.now();
  const run = spawnSync(
    'faketime',
    [instant.utc, 'npx', 'jest', '--ci', '--selectProjects', 'integration', 'e2e', '--json', `--outputFile=${report}`, ...jestExtra],
    // TZ=UTC: faketime reads the instant as UTC; the tests and the app work in Asia/Shanghai wherever they must.
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
  );
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  let line = { ...instant, ok: false, passed: 0, failed: 0, failedTests: [], minutes };
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const failedTests = r.testResults.flatMap((file) =>
      file.assertionResults
        .filter((t) => t.status === 'failed')
        .map((t) => `${file.name.replace(`${process.cwd()}/`, '')} › ${t.fullName}`),
    );
    const suiteErrors = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).map((f) => f.name);
    line = {
      ...line,
      ok: run.status === 0 && r.success,
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      failedTests: [...failedTests, ...suiteErrors],
    };
  } catch {
    line.failedTests = ['(no jest report: the run did not finish)'];
  }
  results.push(line);
}

console.log('\n时刻测试 instants summary');
for (const r of results) {
  console.log(`${r.ok ? '✔' : '✖'} ${r.name.padEnd(14)} 北京 ${r.beijing}: ${r.passed} passed, ${r.failed} failed (${r.minutes} min)`);
  for (const t of r.failedTests) console.log(`    ✖ ${t}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
