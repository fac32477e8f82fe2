// `npm test`: the whole suite, in the order that lets each step rely on the one before.
// static checks (type-check, lint, format, layers; side by side) → build function bundles → build weapp (size
// budget) and h5 (served to browser tests) → jest. Each step prints its duration; the list closes the log.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { printTimings, runParallel, runStep, timeStep } from './run-step.mjs';

const npx = 'npx';
// Longest first: lint (type-aware) beside the two type-checks, then the quick ones.
await runParallel([
  { title: '代码检查 lint (eslint)', command: 'npm', args: ['run', 'lint', '--silent'] },
  { title: '类型检查 type-check (node side)', command: npx, args: ['tsc', '-p', 'tsconfig.json'] },
  { title: '类型检查 type-check (client)', command: npx, args: ['tsc', '-p', 'client/tsconfig.json'] },
  { title: '格式检查 format check (prettier)', command: 'npm', args: ['run', 'format:check', '--silent'] },
  { title: '分层检查 layer rules (dependency-cruiser)', command: 'npm', args: ['run', 'deps:check', '--silent'] },
]);
runStep('打包云函数 build cloud functions', 'node', ['scripts/build-functions.mjs']);
runStep('构建小程序 build weapp', 'npm', ['run', 'build:weapp', '-w', 'client', '--silent'], { quiet: true });
runStep('检查包体积 check package sizes', 'node', ['scripts/check-package-sizes.mjs']);
runStep('微信代码质量检查 WeChat compile and code quality (miniprogram-ci)', 'node', ['scripts/weapp-checks.mjs']);
runStep('构建 H5 build h5', 'npm', ['run', 'build:h5', '-w', 'client', '--silent'], { quiet: true });

mkdirSync('.cache', { recursive: true });
const report = '.cache/jest-report.json';
const jestArgs = ['jest', '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
let summary = 'tests: 0 passed, 1 failed';
const ok = timeStep('测试 jest (unit, client, integration, e2e)', () => {
  const jest = spawnSync(npx, jestArgs, { stdio: 'inherit' });
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`;
    return jest.status === 0 && r.success && r.numFailedTests === 0 && r.numTotalTests > 0;
  } catch {
    return false;
  }
});
printTimings();
// The plain closing line CI reads.
console.log(`\n${summary}`);
process.exit(ok ? 0 : 1);
