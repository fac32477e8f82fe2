// `npm start`: build what the local app serves (function bundles always — a second; the h5 build when it
// is missing or START_REBUILD=1), then run devcloud with demo data.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { runStep } from './run-step.mjs';

runStep('打包云函数 build cloud functions', 'node', ['scripts/build-functions.mjs']);
if (process.env.START_REBUILD === '1' || !existsSync('client/dist/h5/index.html')) {
  runStep('构建 H5 build h5', 'npm', ['run', 'build:h5', '-w', 'client', '--silent']);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
