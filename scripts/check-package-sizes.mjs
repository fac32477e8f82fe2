// Fails when the weapp main package passes its budget (DESIGN.md: ≤ 600 KB; platform limit 2 MB per package)
// or a deployable cloud function folder lacks what WeChat DevTools needs to upload it.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const KB = 1024;
const MAIN_BUDGET = 600 * KB;
const PACKAGE_LIMIT = 2048 * KB;
const weappRoot = 'client/dist/weapp';

function sizeOf(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

export function measureWeapp(root = weappRoot) {
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const total = sizeOf(root);
  const subpackages = Object.fromEntries(subRoots.map((r) => [r, existsSync(join(root, r)) ? sizeOf(join(root, r)) : 0]));
  const main = total - Object.values(subpackages).reduce((a, b) => a + b, 0);
  return { main, subpackages, total };
}

export function checkFunctionFolders(root = 'cloudfunctions') {
  const problems = [];
  const names = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory());
  for (const name of names) {
    for (const file of ['index.js', 'package.json', 'config.json']) {
      if (!existsSync(join(root, name, file))) problems.push(`${name}/${file} 缺失`);
    }
    const pkgPath = join(root, name, 'package.json');
    if (existsSync(pkgPath) && !JSON.parse(readFileSync(pkgPath, 'utf8')).dependencies?.['wx-server-sdk']) {
      problems.push(`${name}/package.json 未声明 wx-server-sdk`);
    }
  }
  return { names, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { main, subpackages } = measureWeapp();
  const problems = [];
  console.log(`weapp main package: ${(main / KB).toFixed(1)} KB (budget ${MAIN_BUDGET / KB} KB)`);
  if (main > MAIN_BUDGET) problems.push(`主包 ${(main / KB).toFixed(1)} KB 超出预算 600 KB`);
  for (const [root, size] of Object.entries(subpackages)) {
    console.log(`weapp subpackage ${root}: ${(size / KB).toFixed(1)} KB`);
    if (size > PACKAGE_LIMIT) problems.push(`分包 ${root} 超过 2 MB`);
  }
  const fns = checkFunctionFolders();
  console.log(`cloud functions: ${fns.names.join(', ')}`);
  problems.push(...fns.problems);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}
