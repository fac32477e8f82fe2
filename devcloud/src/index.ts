/**
 * devcloud: a local CloudBase that answers the real wx-server-sdk's wire protocol. Importing this module
 * has no side effects; `startDevcloud` opens the database and starts the server.
 */
import { registerDatabaseActions } from './database';
import { openEngine, type Engine, type IndexManifest } from './engine';
import { AdminActionRegistry } from './server/admin-actions';
import type { DevIdentitiesProvider } from './server/dev-endpoints';
import { startDevcloudServer, type Devcloud } from './server/devcloud-server';
import { TOKEN_HEADER } from './server/local-guard';
import { adminUrlFor, sdkEnvFor } from './server/sdk-env';

export interface StartDevcloudOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The database, files and outbox live here; ':memory:' keeps nothing after close. */
  dataDir: string;
  /** Folder of deployable functions: `<name>/index.js` + `config.json`. */
  functionsRoot?: string;
  /** The h5 build, served at `/`. */
  staticRoot?: string;
  indexManifest?: IndexManifest;
  devIdentities?: DevIdentitiesProvider;
  envId?: string;
  maxWorkersPerFunction?: number;
  /** Token `/admin` and `/api/dev/*` require (default: DEVCLOUD_TOKEN, else a new random one per run). */
  token?: string;
  /** How long a plain write waits for a transaction's lock before it fails (default 5 s). */
  lockTimeoutMs?: number;
  /** Cold starts in parallel per function (default: the CPU count). */
  parallelStarts?: number;
  /** Instances each function starts at launch (`DEVCLOUD_PREWARM`); 0 starts them on first call. */
  prewarm?: number;
}

export async function startDevcloud(options: StartDevcloudOptions): Promise<Devcloud<Engine>> {
  const engine = await openEngine({ dataDir: options.dataDir, indexManifest: options.indexManifest, lockTimeoutMs: options.lockTimeoutMs });
  try {
    const registry = new AdminActionRegistry();
    registerDatabaseActions(registry, engine);
    return await startDevcloudServer({ ...options, registry, engine, closeEngine: () => engine.close() });
  } catch (err) {
    await engine.close();
    throw err;
  }
}

/**
 * The environment variables that point an unmodified wx-server-sdk at this devcloud (for scripts and
 * tests that use the SDK directly). Pass `callerTag` to have its database requests counted apart.
 */
export function sdkEnv(devcloud: Pick<Devcloud, 'url' | 'envId' | 'token'>, callerTag: string | null = null): Record<string, string> {
  return sdkEnvFor(adminUrlFor(devcloud.url, callerTag), devcloud.envId, devcloud.token);
}

/** Headers a script sends to devcloud's dev endpoints (`/api/dev/*`): this run's token. */
export function devHeaders(devcloud: Pick<Devcloud, 'token'>): Record<string, string> {
  return { [TOKEN_HEADER]: devcloud.token };
}

export { DevcloudClock, devcloudClock, devcloudNow } from './clock/clock';
export type { ClockState, Instant } from './clock/clock';
export type { Engine, IndexManifest } from './engine';
export { loadIndexManifest } from './engine';
export { AdminActionError, AdminActionRegistry } from './server/admin-actions';
export type { AdminActionHandler, AdminRequestContext } from './server/admin-actions';
export { BinaryReply } from './server/admin-endpoint';
export type { DevIdentity, DevIdentitiesProvider } from './server/dev-endpoints';
export { DB_REQUESTS_HEADER } from './server/gateway';
export { TOKEN_HEADER } from './server/local-guard';
export { DEFAULT_ENV_ID, startDevcloudServer } from './server/devcloud-server';
export type { Devcloud, DevcloudServerOptions } from './server/devcloud-server';
export type { StatsSnapshot, FunctionStats } from './server/request-stats';
export { DEV_APPID } from './functions/caller-identity';
export type { CallerIdentity } from './functions/caller-identity';
export { FunctionInvocationError, FunctionNotFoundError } from './functions/function-errors';
export type { InvocationResult } from './functions/function-host';
export type { OutboxMessage, OutboxFilter } from './openapi/outbox';
