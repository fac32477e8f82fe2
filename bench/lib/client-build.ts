import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioContext } from './types';

const MARKER = { weapp: 'app.json', h5: 'index.html' } as const;
/** What a client build is made from (the client imports the contracts for its transport). */
const SOURCES = ['client/src', 'client/config', 'client/package.json', 'packages/contracts/src'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * The client build a scenario measures, `client/dist/<target>`: built first when it is missing, older than
 * its sources (a stale build would measure old code), or when BENCH_BUILD=1 asks for a fresh one.
 */
export function ensureClientBuild(ctx: ScenarioContext, target: keyof typeof MARKER): string {
  const root = join(ctx.repoRoot, 'client/dist', target);
  const marker = join(root, MARKER[target]);
  const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((source) => newestMtime(join(ctx.repoRoot, source))));
  if (process.env.BENCH_BUILD === '1' || builtAt < sourcesAt) {
    ctx.log(`building the ${target} app (npm run build:${target} -w client)…`);
    const build = spawnSync('npm', ['run', `build:${target}`, '-w', 'client', '--silent'], { cwd: ctx.repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`${target} build failed (exit ${build.status ?? build.signal})`);
  }
  return root;
}
