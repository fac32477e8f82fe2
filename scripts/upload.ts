/**
 * `npm run upload`: the built mini-program to WeChat with Tencent's miniprogram-ci, as a new 开发版 version
 * (then 提交审核 in mp.weixin.qq.com), or `--preview` for a QR code to open it on a phone.
 *
 *   npm run upload -- --dry-run                                   prints what would be sent, no network
 *   WEAPP_APPID=wx… WEAPP_PRIVATE_KEY_PATH=./private.key npm run upload -- --version 1.2.0 --desc "…"
 *   … npm run upload -- --preview                                 QR code in .cache/preview-qrcode.png
 *
 * The key is the 代码上传密钥 downloaded from mp.weixin.qq.com (开发管理 › 开发设置); add this machine's IP to
 * its white-list there. It never goes into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..');

export interface UploadOptions {
  mode: 'upload' | 'preview';
  appid: string;
  privateKeyPath: string;
  version: string;
  desc: string;
  robot: number;
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Options from the command line and the environment; what is missing is named, in Chinese. */
export function uploadOptions(args: readonly string[], env: NodeJS.ProcessEnv): { options: UploadOptions; missing: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'client/package.json'), 'utf8')) as { version: string };
  const options: UploadOptions = {
    mode: args.includes('--preview') ? 'preview' : 'upload',
    appid: env.WEAPP_APPID ?? '',
    privateKeyPath: env.WEAPP_PRIVATE_KEY_PATH ?? '',
    version: option(args, '--version') ?? pkg.version,
    desc: option(args, '--desc') ?? `支部学习 ${pkg.version}`,
    // miniprogram-ci robots 1–30 keep separate 开发版 slots: CI uploads use 1 unless told.
    robot: Number(env.WEAPP_ROBOT ?? '1'),
  };
  const missing: string[] = [];
  if (!/^wx[0-9a-f]{16}$/.test(options.appid)) missing.push('WEAPP_APPID（小程序 AppID，wx 开头 18 位）');
  if (!options.privateKeyPath || !existsSync(options.privateKeyPath)) missing.push('WEAPP_PRIVATE_KEY_PATH（代码上传密钥文件路径）');
  if (!existsSync(path.join(REPO_ROOT, 'client/dist/weapp/app.json'))) missing.push('client/dist/weapp（先运行 npm run build:weapp）');
  return { options, missing };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const { options, missing } = uploadOptions(args, process.env);
  // Same compile settings as the checks in npm test: what was checked is what is uploaded.
  const checks = (await import(path.join(REPO_ROOT, 'scripts/weapp-checks.mjs'))) as {
    compileSetting(): Record<string, boolean>;
    weappProject(): unknown;
  };
  const setting = checks.compileSetting();
  console.log(`${options.mode === 'upload' ? '上传' : '预览'}计划：`);
  console.log(`  AppID ${options.appid || '<WEAPP_APPID>'}，密钥 ${options.privateKeyPath || '<WEAPP_PRIVATE_KEY_PATH>'}`);
  console.log(`  版本 ${options.version}，说明「${options.desc}」，机器人 ${options.robot}`);
  console.log(`  代码目录 client/dist/weapp，编译设置 ${JSON.stringify(setting)}`);
  if (dryRun) {
    if (missing.length > 0) console.log(`  正式运行前还需要：${missing.join('；')}`);
    return;
  }
  if (missing.length > 0) {
    console.error(`缺少：${missing.join('；')}`);
    process.exit(1);
  }
  const ci = (await import('miniprogram-ci')) as unknown as {
    Project: new (o: object) => unknown;
    upload(o: object): Promise<unknown>;
    preview(o: object): Promise<unknown>;
  };
  const project = new ci.Project({
    appid: options.appid,
    type: 'miniProgram',
    projectPath: REPO_ROOT,
    privateKeyPath: options.privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  const common = { project, version: options.version, desc: options.desc, robot: options.robot, setting, onProgressUpdate: console.log };
  const result =
    options.mode === 'upload'
      ? await ci.upload(common)
      : await ci.preview({ ...common, qrcodeFormat: 'image', qrcodeOutputDest: path.join(REPO_ROOT, '.cache/preview-qrcode.png') });
  console.log(JSON.stringify(result, null, 2));
  // miniprogram-ci leaves a file watcher running.
  process.exit(0);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
