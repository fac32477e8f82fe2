// WeChat's own checks of the weapp build, offline, with Tencent's miniprogram-ci: the package compiled as an
// upload would compile it (project.config.json's settings: JS/WXML/WXSS compression), its main package
// weighed, then the DevTools 代码质量 checks. Every check passes, or is listed in
// quality/weapp-checks/exceptions.json with the reason it cannot; an exception that now passes fails too, so
// the list never goes stale.
//
//   node scripts/weapp-checks.mjs          after `npm run build:weapp -w client`
//   node scripts/weapp-checks.mjs --sizes  only compiles, and prints the package sizes as JSON (bench scenario 04)
//
// No appid, key or network is needed: the project's attributes are given here (a look-up of an extension
// white-list fails offline and is logged by miniprogram-ci; harmless).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
/** Issue 13: the main package after WeChat's compression. */
export const COMPILED_MAIN_BUDGET_KB = 450;
const EXCEPTIONS = path.join(repoRoot, 'quality/weapp-checks/exceptions.json');
// The compiled package, kept for the weapp test project and for a look with `unzip -l`.
export const COMPILED_ZIP = path.join(repoRoot, '.cache/weapp-compiled.zip');

function projectConfig() {
  return JSON.parse(readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8'));
}

/** A miniprogram-ci project for this repository that needs no network: appid and key are placeholders. */
export function weappProject() {
  const ci = require('miniprogram-ci');
  const config = projectConfig();
  return new ci.Project({
    appid: process.env.WEAPP_APPID ?? 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: repoRoot,
    privateKey: 'offline-placeholder',
    ignores: ['node_modules/**/*'],
    attr: async () => ({ setting: config.setting, platform: false, appType: 0, isSandbox: false, released: false }),
  });
}

/** The compile settings an upload would use: project.config.json's, in miniprogram-ci's words. */
export function compileSetting() {
  const { setting = {} } = projectConfig();
  return {
    es6: Boolean(setting.es6),
    minifyJS: Boolean(setting.minified),
    minifyWXML: Boolean(setting.minifyWXML),
    minifyWXSS: Boolean(setting.minifyWXSS),
    minify: Boolean(setting.minified && setting.minifyWXML && setting.minifyWXSS),
    autoPrefixWXSS: Boolean(setting.postcss),
  };
}

/** Compiles the package as an upload would; returns each file's compiled size by package. */
export async function compileWeapp(project = weappProject()) {
  const ci = require('miniprogram-ci');
  mkdirSync(path.dirname(COMPILED_ZIP), { recursive: true });
  const files = await ci.getCompiledResult({ project, setting: compileSetting() }, COMPILED_ZIP);
  const app = JSON.parse(readFileSync(path.join(repoRoot, projectConfig().miniprogramRoot, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => `${p.root.replace(/\/$/, '')}/`);
  const subpackages = Object.fromEntries(roots.map((r) => [r.slice(0, -1), 0]));
  let main = 0;
  for (const [file, content] of Object.entries(files)) {
    const bytes = Buffer.byteLength(content);
    const root = roots.find((r) => file.startsWith(r));
    if (root) subpackages[root.slice(0, -1)] += bytes;
    else main += bytes;
  }
  return { main, subpackages, files: Object.keys(files).length };
}

/** Failing checks not excepted, and exceptions whose check now passes (or no longer exists). */
export function judge(results, exceptions) {
  const failing = results.filter((r) => !r.success);
  const unexcused = failing.filter((r) => !exceptions[r.name]);
  const stale = Object.keys(exceptions).filter((name) => name !== 'COMPILED_MAIN_PACKAGE_BUDGET' && !failing.some((r) => r.name === name));
  return { unexcused, stale };
}

async function main() {
  const started = Date.now();
  const project = weappProject();
  const sizes = await compileWeapp(project);
  if (process.argv.includes('--sizes')) {
    process.stdout.write(`${JSON.stringify(sizes)}\n`);
    process.exit(0);
  }
  console.log(
    `compiled ${sizes.files} files in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(repoRoot, COMPILED_ZIP)}`,
  );
  console.log(`main package after compression: ${(sizes.main / KB).toFixed(1)} KB (target ${COMPILED_MAIN_BUDGET_KB} KB)`);
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`  ${root}: ${(bytes / KB).toFixed(1)} KB`);

  const ci = require('miniprogram-ci');
  const results = await ci.checkCodeQuality(project);
  const { exceptions } = JSON.parse(readFileSync(EXCEPTIONS, 'utf8'));
  // miniprogram-ci's text names the problem even when the check passes: print it only for a failure.
  for (const r of results) console.log(r.success ? `✔ ${r.name}` : `${exceptions[r.name] ? '○' : '✖'} ${r.name}: ${r.text}`);
  const { unexcused, stale } = judge(results, exceptions);
  const problems = [
    ...unexcused.map((r) => `代码质量检查未通过：${r.name}（${r.text}）${r.docURL ? ` ${r.docURL}` : ''}`),
    ...stale.map((name) => `${path.relative(repoRoot, EXCEPTIONS)} 列出的 ${name} 已通过（或已不存在）：请删去这一条`),
  ];
  if (sizes.main > COMPILED_MAIN_BUDGET_KB * KB) {
    const excused = exceptions['COMPILED_MAIN_PACKAGE_BUDGET'];
    if (excused) console.log(`○ 压缩后主包超过 ${COMPILED_MAIN_BUDGET_KB} KB：${excused.reason}`);
    else problems.push(`压缩后主包 ${(sizes.main / KB).toFixed(1)} KB 超过 ${COMPILED_MAIN_BUDGET_KB} KB`);
  } else if (exceptions['COMPILED_MAIN_PACKAGE_BUDGET']) {
    problems.push(`主包已在 ${COMPILED_MAIN_BUDGET_KB} KB 以内：请删去 exceptions.json 中的 COMPILED_MAIN_PACKAGE_BUDGET`);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  // miniprogram-ci leaves a file watcher running: without an explicit exit the step would never end.
  process.exit(0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
