import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModuleKind, transpileModule } from 'typescript';
import { REPO_ROOT } from '../../scripts/app';

export interface AppPages {
  /** Main-package pages, e.g. `pages/index/index`. */
  main: string[];
  /** Subpackage pages by root, e.g. `subpackages/quiz` → [`subpackages/quiz/play`, …]. */
  subPackages: Record<string, string[]>;
}

interface AppConfigShape {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
}

/**
 * The page list as the app declares it in `client/src/app.config.ts`, so a new page is audited without anyone
 * listing it. The config is evaluated (not parsed by pattern) with TARO_ENV unset, the mini-program's view:
 * the h5-only identity picker is then absent, as it should be from any audit of what members see.
 */
export function appPages(): AppPages {
  const source = readFileSync(join(REPO_ROOT, 'client/src/app.config.ts'), 'utf8');
  const config = evaluateConfig(source);
  const subPackages: Record<string, string[]> = {};
  for (const sub of config.subPackages ?? []) subPackages[sub.root] = sub.pages.map((p) => `${sub.root}/${p}`);
  return { main: config.pages, subPackages };
}

function evaluateConfig(source: string): AppConfigShape {
  // The config is object literals plus `defineAppConfig` (a Taro global) and `process.env`: with its types
  // stripped it runs as a CommonJS module body whose default export is the config.
  const js = transpileModule(source, { compilerOptions: { module: ModuleKind.CommonJS } }).outputText;
  const module = { exports: {} as { default?: AppConfigShape } };
  // Our own checked-in config, evaluated as data.
  new Function('module', 'exports', 'defineAppConfig', 'process', js)(module, module.exports, (c: AppConfigShape) => c, { env: {} });
  if (!module.exports.default) throw new Error('client/src/app.config.ts has no default export');
  return module.exports.default;
}
