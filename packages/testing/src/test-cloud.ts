/**
 * Integration-test support shared by every cloud function's `*.int.test.ts`: build the function bundles, start
 * a throw-away devcloud (in-memory database, the repo's index manifest), seed it, and call functions the way
 * the mini-program does. Not part of any bundle: nothing under src/index.ts imports it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  devcloudNow,
  devHeaders,
  sdkEnv,
  startDevcloud,
  type Devcloud,
  type DevcloudClock,
  type Engine,
  type Instant,
  type StartDevcloudOptions,
} from '@zbxx/devcloud';
import type { Db } from '@zbxx/server';

const repoRoot = path.resolve(__dirname, '../../..');
const built = new Set<string>();

/** Newest modification time of the files under `dir` (node_modules and build output skipped). */
function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'lazy' || entry.name === 'index.js') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Whether every named bundle is newer than every source it can include (its own src, the shared packages and
 * the build script): then no test process need rebuild it. `npm test` builds every bundle before jest starts,
 * and each test file rebuilding them again cost ~15 s apiece on two cores.
 */
export function bundlesAreFresh(names: readonly string[]): boolean {
  const shared = Math.max(
    newestMtime(path.join(repoRoot, 'packages')),
    statSync(path.join(repoRoot, 'scripts/build-functions.mjs')).mtimeMs,
  );
  return names.every((name) => {
    const bundle = path.join(repoRoot, 'cloudfunctions', name, 'index.js');
    if (!existsSync(bundle)) return false;
    const built = statSync(bundle).mtimeMs;
    return built > shared && built > newestMtime(path.join(repoRoot, 'cloudfunctions', name, 'src'));
  });
}

/**
 * Builds the named functions with the same script `npm run build:functions` runs, unless their bundles are
 * already newer than their sources, so tests always exercise the bundle of the current source.
 */
export function buildFunctions(names: readonly string[]): void {
  const missing = names.filter((name) => !built.has(name));
  if (missing.length === 0) return;
  if (!bundlesAreFresh(missing)) {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-functions.mjs'), ...missing], { cwd: repoRoot, stdio: 'pipe' });
  }
  for (const name of missing) built.add(name);
}

export function loadRepoIndexManifest(): NonNullable<StartDevcloudOptions['indexManifest']> {
  return JSON.parse(readFileSync(path.join(repoRoot, 'cloudbase/indexes.json'), 'utf8')) as NonNullable<
    StartDevcloudOptions['indexManifest']
  >;
}

export interface Invocation<T = unknown> {
  result: T;
  dbRequests: number;
}

export interface TestCloud {
  devcloud: Devcloud<Engine>;
  engine: Engine;
  /** devcloud's test clock: what `new Date()` says inside every function (and serverDate, transactions). */
  clock: DevcloudClock;
  /** Calls `name` with `event` as the WeChat user `openid` (injected by the platform, as in production). */
  call<T = unknown>(name: string, event: unknown, openid: string): Promise<Invocation<T>>;
  /** Every document of the named collections, for "nothing was written" comparisons. */
  snapshot(collections: readonly string[]): Record<string, unknown[]>;
  /** Puts `content` at `cloudPath` the way a mini-program upload does (upload grant, then PUT); answers the fileID. */
  upload(cloudPath: string, content: Buffer): Promise<string>;
  close(): Promise<void>;
}

async function uploadThroughStorage(devcloud: Devcloud<Engine>, cloudPath: string, content: Buffer): Promise<string> {
  const res = await fetch(`${devcloud.url}/admin?env=${encodeURIComponent(devcloud.envId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...devHeaders(devcloud) },
    body: JSON.stringify({ action: 'storage.getUploadMetadata', path: cloudPath }),
  });
  const { data } = (await res.json()) as { data: { url: string; authorization: string; fileId: string } };
  const put = await fetch(data.url, { method: 'PUT', headers: { authorization: data.authorization }, body: content });
  if (!put.ok) throw new Error(`upload of ${cloudPath} failed: ${put.status}`);
  return data.fileId;
}

export interface TestCloudOptions {
  /** Functions to build and host. */
  functions: readonly string[];
  /** Documents to insert, by collection (e.g. `generateCounty(...).collections`). */
  seed?: Record<string, readonly object[]>;
  /** The instant the test runs at: the test clock is set to it (and runs on from there) before anything else. */
  now?: Instant;
  /** Stop the clock at `now` until the test advances it (exact TOTP steps, lease deadlines). */
  frozen?: boolean;
}

/** Sets the process's test clock as a test asked: running from `now`, or frozen at it. */
function applyClock(clock: DevcloudClock, now: Instant | undefined, frozen: boolean | undefined): void {
  if (now === undefined) return;
  if (frozen) clock.freeze(now);
  else clock.set(now);
}

/** What the test clock says now (the machine's time while no test set it): for support code that builds inputs. */
export function testClockNow(): Date {
  return new Date(devcloudNow());
}

export async function startTestCloud(options: TestCloudOptions): Promise<TestCloud> {
  buildFunctions(options.functions);
  const devcloud = await startDevcloud({
    dataDir: ':memory:',
    functionsRoot: path.join(repoRoot, 'cloudfunctions'),
    indexManifest: loadRepoIndexManifest(),
  });
  applyClock(devcloud.clock, options.now, options.frozen);
  const { engine } = devcloud;
  for (const [collection, docs] of Object.entries(options.seed ?? {})) {
    if (docs.length > 0) engine.insertMany(collection, docs as Parameters<Engine['insertMany']>[1]);
  }
  return {
    devcloud,
    engine,
    clock: devcloud.clock,
    async call<T>(name: string, event: unknown, openid: string) {
      const { result, dbRequests } = await devcloud.invoke(name, event, openid);
      return { result: result as T, dbRequests };
    },
    snapshot(collections) {
      return Object.fromEntries(collections.map((name) => [name, engine.find(name, {}, { sort: { _id: 1 } })]));
    },
    upload: (cloudPath, content) => uploadThroughStorage(devcloud, cloudPath, content),
    close: () => devcloud.close(),
  };
}

export interface SdkDatabase {
  devcloud: Devcloud<Engine>;
  clock: DevcloudClock;
  /** The real wx-server-sdk's database, pointed at the throw-away devcloud: server modules run as in a function. */
  db: Db;
  close(): Promise<void>;
}

/**
 * For tests of server modules below the function level (repositories, pipelines): a throw-away devcloud seeded
 * like `startTestCloud`, and this process's wx-server-sdk talking to it. `close` puts the environment back.
 */
// `seed` is any object of collections (DemoCollections is an interface, so it has no index signature).
export async function startSdkDatabase(seed: object = {}, clock: { now?: Instant; frozen?: boolean } = {}): Promise<SdkDatabase> {
  const devcloud = await startDevcloud({ dataDir: ':memory:', indexManifest: loadRepoIndexManifest() });
  applyClock(devcloud.clock, clock.now, clock.frozen);
  for (const [collection, docs] of Object.entries(seed) as [string, readonly object[]][]) {
    if (docs.length > 0) devcloud.engine.insertMany(collection, structuredClone(docs) as Parameters<Engine['insertMany']>[1]);
  }
  const saved = { ...process.env };
  Object.assign(process.env, sdkEnv(devcloud));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return {
    devcloud,
    clock: devcloud.clock,
    db: cloud.database({ throwOnNotFound: false }) as Db,
    async close() {
      await devcloud.close();
      process.env = saved;
    },
  };
}
