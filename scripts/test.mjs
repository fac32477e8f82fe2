// `npm test`: the whole suite, in the order that lets each step rely on the one before.
// type-check → build function bundles → build weapp (size budget) and h5 (served to browser tests) → jest.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { runStep } from './run-step.mjs';

const npx = 'npx';
runStep('类型检查 type-check (node side)', npx, ['tsc', '-p', 'tsconfig.json']);
runStep('类型检查 type-check (client)', npx, ['tsc', '-p', 'client/tsconfig.json']);
runStep('打包云函数 build cloud functions', 'node', ['scripts/build-functions.mjs']);
runStep('构建小程序 build weapp', 'npm', ['run', 'build:weapp', '-w', 'client', '--silent'], { quiet: true });
runStep('检查包体积 check package sizes', 'node', ['scripts/check-package-sizes.mjs']);
runStep('微信代码质量检查 WeChat compile and code quality (miniprogram-ci)', 'node', ['scripts/weapp-checks.mjs']);
runStep('构建 H5 build h5', 'npm', ['run', 'build:h5', '-w', 'client', '--silent'], { quiet: true });

mkdirSync('.cache', { recursive: true });
const report = '.cache/jest-report.json';
const jestArgs = ['jest', '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
console.log('\n▶ 测试 jest (unit, client, integration, e2e)');
const jest = spawnSync(npx, jestArgs, { stdio: 'inherit' });
let summary = 'tests: 0 passed, 1 failed';
let ok = jest.status === 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  ok = ok && r.success && r.numFailedTests === 0 && r.numTotalTests > 0;
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`;
} catch {
  ok = false;
}
// The plain closing line CI reads.
console.log(`\n${summary}`);
process.exit(ok ? 0 : 1);
