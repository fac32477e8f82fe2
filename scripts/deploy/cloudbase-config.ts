/**
 * cloudbaserc.json, the CloudBase CLI's (`tcb`) description of what to deploy, generated from the two
 * places that already say it: each function's `cloudfunctions/<name>/config.json` (timeout, timer triggers,
 * memory, openapi permissions) and `cloudbase/indexes.json` (collections and indexes). The committed file
 * must equal what this produces (`npm run deploy -- --write` rewrites it; a unit test compares).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The Node 20 runtime (ts-fsrs needs Node ≥ 20), named as the CLI names it. */
export const RUNTIME = 'Nodejs20.19';
/** The platform's default function memory, which the export was measured against (bench scenario 09). */
export const DEFAULT_MEMORY_MB = 256;
/** Every collection is read and written only by our functions (admin rights): clients never touch the database. */
export const ACL_TAG = 'ADMINONLY' as const;
const MEMORY_SIZES = [128, 256, 512, 1024, 2048];
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export interface FunctionConfigJson {
  timeout?: number;
  memorySize?: number;
  permissions?: { openapi?: string[] };
  triggers?: { name: string; type: string; config: string }[];
}

export interface IndexManifest {
  collections: Record<string, { indexes?: { name: string; fields: Record<string, 1 | -1>; unique?: boolean; sparse?: boolean }[] }>;
}

export interface CloudbaseFunction {
  name: string;
  handler: 'index.main';
  runtime: string;
  timeout: number;
  memorySize: number;
  installDependency: true;
  ignore: string[];
  triggers?: { name: string; type: 'timer'; config: string }[];
}

export interface CloudbaseCollection {
  collectionName: string;
  description: string;
  aclTag: typeof ACL_TAG;
  createIndexes: { name: string; unique: boolean; keys: { name: string; direction: '1' | '-1' }[] }[];
}

export interface CloudbaseRc {
  version: '2.0';
  envId: string;
  functionRoot: string;
  functions: CloudbaseFunction[];
  framework: {
    name: string;
    plugins: { database: { use: '@cloudbase/framework-plugin-database'; inputs: { collections: CloudbaseCollection[] } } };
  };
}

/** An index the platform cannot create as declared: CloudBase indexes have no `sparse` option. */
export interface IndexCaveat {
  collection: string;
  index: string;
  note: string;
}

function fail(message: string): never {
  throw new Error(`cloudbaserc: ${message}`);
}

/** One function's entry, from its config.json. Rejects values the platform would refuse at deploy time. */
export function functionEntry(name: string, config: FunctionConfigJson): CloudbaseFunction {
  const timeout = config.timeout ?? 3;
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 60) fail(`${name}: timeout must be 1–60 seconds`);
  const memorySize = config.memorySize ?? DEFAULT_MEMORY_MB;
  if (!MEMORY_SIZES.includes(memorySize)) fail(`${name}: memorySize must be one of ${MEMORY_SIZES.join(', ')}`);
  const triggers = (config.triggers ?? []).map((t) => {
    if (t.type !== 'timer') fail(`${name}: trigger ${t.name} is ${t.type}; only timer triggers are deployed`);
    if (!TRIGGER_NAME.test(t.name)) fail(`${name}: trigger name ${t.name} must start with a letter (letters, digits, - and _)`);
    // CloudBase cron has seven fields: second minute hour day month weekday year.
    if (t.config.trim().split(/\s+/).length !== 7) fail(`${name}: trigger ${t.name} needs a 7-field cron expression`);
    return { name: t.name, type: 'timer' as const, config: t.config };
  });
  return {
    name,
    handler: 'index.main',
    runtime: RUNTIME,
    timeout,
    memorySize,
    // The platform installs wx-server-sdk from the folder's package.json; everything else is in the bundle.
    installDependency: true,
    ignore: ['src', 'node_modules', '*.tmp'],
    ...(triggers.length > 0 ? { triggers } : {}),
  };
}

export function collectionEntries(manifest: IndexManifest): { collections: CloudbaseCollection[]; caveats: IndexCaveat[] } {
  const caveats: IndexCaveat[] = [];
  const collections = Object.entries(manifest.collections).map(([collectionName, spec]) => ({
    collectionName,
    description: `支部学习 ${collectionName}`,
    aclTag: ACL_TAG,
    createIndexes: (spec.indexes ?? []).map((index) => {
      const unique = index.unique === true && index.sparse !== true;
      if (index.sparse) {
        caveats.push({
          collection: collectionName,
          index: index.name,
          note: index.unique
            ? '唯一 + 稀疏：CloudBase 索引没有稀疏选项，缺这个字段的文档会在唯一索引里互相冲突，所以建成普通索引；数据库不再兜底唯一性'
            : '稀疏：CloudBase 索引没有稀疏选项，建成普通索引（效果相同，只是索引里多了缺字段的文档）',
        });
      }
      return {
        name: index.name,
        unique,
        keys: Object.entries(index.fields).map(([field, direction]) => ({ name: field, direction: String(direction) as '1' | '-1' })),
      };
    }),
  }));
  return { collections, caveats };
}

/** The whole file, from the repository as it is on disk. */
export function generateCloudbaseRc(repoRoot: string): { rc: CloudbaseRc; caveats: IndexCaveat[] } {
  const functionsRoot = path.join(repoRoot, 'cloudfunctions');
  const names = readdirSync(functionsRoot)
    .filter((name) => existsSync(path.join(functionsRoot, name, 'config.json')))
    .sort();
  const functions = names.map((name) =>
    functionEntry(name, JSON.parse(readFileSync(path.join(functionsRoot, name, 'config.json'), 'utf8')) as FunctionConfigJson),
  );
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'cloudbase/indexes.json'), 'utf8')) as IndexManifest;
  const { collections, caveats } = collectionEntries(manifest);
  return {
    rc: {
      version: '2.0',
      // Read by the CLI from .env / .env.local (ENV_ID=...); `npm run deploy` passes -e as well.
      envId: '{{env.ENV_ID}}',
      functionRoot: './cloudfunctions',
      functions,
      framework: {
        name: 'zhibu-xuexi',
        plugins: { database: { use: '@cloudbase/framework-plugin-database', inputs: { collections } } },
      },
    },
    caveats,
  };
}

export function renderCloudbaseRc(rc: CloudbaseRc): string {
  return `${JSON.stringify(rc, null, 2)}\n`;
}
