import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureClientBuild } from '../lib/client-build';
import { figure } from '../lib/figures';
import { round } from '../lib/stats';
import type { Figure, Scenario } from '../lib/types';

const KB = 1024;
const MAIN_BUDGET_KB = 600; // DESIGN.md
const SUBPACKAGE_LIMIT_KB = 2048; // the platform's per-package limit

/** Issue 13: the main package after WeChat's own compression (what a phone downloads). */
const COMPILED_MAIN_TARGET_KB = 450;

interface CompiledSizes {
  main: number;
  subpackages: Record<string, number>;
}

interface PackageSizesModule {
  measureWeapp(root?: string): { main: number; subpackages: Record<string, number>; total: number };
}

const scenario: Scenario = {
  title: '包体积：小程序主包、分包与云函数',
  method:
    '读取 `client/dist/weapp`（缺少、比源码旧或设置 `BENCH_BUILD=1` 时先执行 `npm run build:weapp -w client`），用 `scripts/check-package-sizes.mjs` 的 `measureWeapp` 统计主包（总大小减去各分包目录）与各分包的字节数；压缩后主包由 `scripts/weapp-checks.mjs` 用微信官方 miniprogram-ci 的 `getCompiledResult` 按 project.config.json 的设置（JS/WXML/WXSS 压缩）编译后统计，与上传时相同；云函数为 `cloudfunctions/<name>/index.js` 打包产物的大小（不含平台安装的 wx-server-sdk）。1 KB = 1024 字节。',
  async run(ctx) {
    const weappRoot = ensureClientBuild(ctx, 'weapp');
    // A variable specifier: the .mjs helper has no type declarations, its shape is stated above.
    const helper = pathToFileURL(join(ctx.repoRoot, 'scripts/check-package-sizes.mjs')).href;
    const { measureWeapp } = (await import(helper)) as PackageSizesModule;
    const sizes = measureWeapp(weappRoot);

    const figures: Figure[] = [
      figure({
        name: 'size.weapp.main',
        label: '小程序主包',
        value: round(sizes.main / KB),
        unit: 'KB',
        budget: MAIN_BUDGET_KB,
        note: `client/dist/weapp 构建于 ${statSync(join(weappRoot, 'app.json'))
          .mtime.toISOString()
          .replace(/\.\d+Z$/, 'Z')}`,
      }),
    ];
    for (const [root, bytes] of Object.entries(sizes.subpackages).sort(([a], [b]) => a.localeCompare(b))) {
      figures.push(
        figure({
          name: `size.weapp.subpackage.${root}`,
          label: `分包 ${root}`,
          value: round(bytes / KB),
          unit: 'KB',
          budget: SUBPACKAGE_LIMIT_KB,
        }),
      );
    }
    figures.push(figure({ name: 'size.weapp.total', label: '小程序合计', value: round(sizes.total / KB), unit: 'KB' }));
    // In a child process: miniprogram-ci leaves a file watcher running that would keep the bench alive.
    const run = spawnSync(process.execPath, ['scripts/weapp-checks.mjs', '--sizes'], {
      cwd: ctx.repoRoot,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`scripts/weapp-checks.mjs --sizes failed: ${run.stderr.slice(-2000)}`);
    const compiled = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as CompiledSizes;
    figures.push(
      figure({
        name: 'size.weapp.main.compiled',
        label: '小程序主包（微信压缩后，miniprogram-ci）',
        value: round(compiled.main / KB),
        unit: 'KB',
        budget: COMPILED_MAIN_TARGET_KB,
        note: `压缩前 ${round(sizes.main / KB)} KB`,
      }),
    );

    const functionsRoot = join(ctx.repoRoot, 'cloudfunctions');
    for (const name of readdirSync(functionsRoot).sort()) {
      const bundle = join(functionsRoot, name, 'index.js');
      if (!existsSync(bundle)) continue;
      figures.push(
        figure({
          name: `size.function.${name}`,
          label: `云函数 ${name} 打包产物 index.js`,
          value: round(statSync(bundle).size / KB),
          unit: 'KB',
        }),
      );
    }
    return figures;
  },
};

export default scenario;
