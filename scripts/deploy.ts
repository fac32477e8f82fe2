/**
 * `npm run deploy`: cloud functions, their timer triggers, collections, indexes and permissions to a CloudBase
 * environment, with the official CloudBase CLI (`tcb`, from @cloudbase/cli) and the committed cloudbaserc.json.
 *
 *   npm run deploy -- --dry-run        prints the plan (every tcb command), no network, no login needed
 *   CLOUD_ENV=<环境 ID> npm run deploy  runs it (after `npx tcb login`)
 *   npm run deploy -- --write          regenerates cloudbaserc.json from config.json files and indexes.json
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCloudbaseRc, renderCloudbaseRc, type CloudbaseRc, type IndexCaveat } from './deploy/cloudbase-config';

const REPO_ROOT = path.resolve(__dirname, '..');
const RC_FILE = path.join(REPO_ROOT, 'cloudbaserc.json');
const TCB = path.join(REPO_ROOT, 'node_modules/@cloudbase/cli/bin/tcb');

export interface DeployStep {
  title: string;
  command: string;
  args: string[];
}

/** What `npm run deploy` runs, in order: build, functions, triggers, then the database. */
export function deployPlan(rc: CloudbaseRc, envId: string): DeployStep[] {
  const tcb = (title: string, ...args: string[]): DeployStep => ({ title, command: 'tcb', args: [...args, '-e', envId] });
  const steps: DeployStep[] = [{ title: '打包云函数', command: 'node', args: ['scripts/build-functions.mjs'] }];
  for (const fn of rc.functions) {
    steps.push(
      tcb(
        `部署云函数 ${fn.name}（超时 ${fn.timeout} 秒，内存 ${fn.memorySize} MB，${fn.runtime}）`,
        'fn',
        'deploy',
        fn.name,
        '--force',
        '--yes',
      ),
    );
  }
  for (const fn of rc.functions.filter((f) => f.triggers)) {
    const crons = fn.triggers!.map((t) => `${t.name} ${t.config}`).join('；');
    steps.push(tcb(`定时触发器 ${fn.name}：${crons}`, 'fn', 'trigger', 'create', fn.name, '--yes'));
  }
  const { collections } = rc.framework.plugins.database.inputs;
  const indexes = collections.reduce((n, c) => n + c.createIndexes.length, 0);
  steps.push(tcb(`数据库：${collections.length} 个集合、${indexes} 个索引，权限均为仅管理员可读写`, 'framework', 'deploy'));
  return steps;
}

function printPlan(steps: readonly DeployStep[], caveats: readonly IndexCaveat[], envId: string): void {
  console.log(`部署计划（环境 ${envId}）：`);
  steps.forEach((s, i) => console.log(`${i + 1}. ${s.title}\n   $ ${s.command} ${s.args.join(' ')}`));
  if (caveats.length > 0) {
    console.log('\n索引说明：');
    for (const c of caveats) console.log(`- ${c.collection}.${c.index}：${c.note}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const { rc, caveats } = generateCloudbaseRc(REPO_ROOT);
  const rendered = renderCloudbaseRc(rc);
  if (args.includes('--write')) {
    writeFileSync(RC_FILE, rendered);
    console.log('已重新生成 cloudbaserc.json');
    return;
  }
  if (readFileSync(RC_FILE, 'utf8') !== rendered) {
    console.error('cloudbaserc.json 与 config.json / indexes.json 不一致：先运行 npm run deploy -- --write 并提交');
    process.exit(1);
  }
  const dryRun = args.includes('--dry-run');
  const envId = process.env.CLOUD_ENV ?? (dryRun ? '<CLOUD_ENV>' : '');
  if (!envId) {
    console.error('请用环境变量 CLOUD_ENV 指定云开发环境 ID，例如 CLOUD_ENV=zbxx-1a2b3c npm run deploy');
    process.exit(1);
  }
  const steps = deployPlan(rc, envId);
  printPlan(steps, caveats, envId);
  if (dryRun) return;
  for (const step of steps) {
    console.log(`\n▶ ${step.title}`);
    const [command, args] = step.command === 'tcb' ? [process.execPath, [TCB, ...step.args]] : [step.command, step.args];
    const run = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`✖ ${step.title} 失败；修正后可重新运行 npm run deploy（每一步都可重复执行）`);
      process.exit(run.status ?? 1);
    }
  }
  console.log('\n✔ 部署完成');
}

if (require.main === module) main();
