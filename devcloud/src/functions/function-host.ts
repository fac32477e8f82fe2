import { readdirSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { RequestStats } from '../server/request-stats';
import { adminUrlFor, sdkEnvFor } from '../server/sdk-env';
import { identityEnv, type CallerIdentity, type InvocationSource } from './caller-identity';
import { findDeployment, type FunctionDeployment } from './function-catalog';
import { FunctionInvocationError, FunctionNotFoundError, INVOCATION_FAILURE_MESSAGES, type InvocationFailureCode } from './function-errors';
import { FunctionWorker, type RunOutcome } from './function-worker';
import { WorkerPool } from './worker-pool';

export interface FunctionHostOptions {
  functionsRoot: string | null;
  envId: string;
  /** devcloud's own URL; known only once the server listens. */
  baseUrl: () => string;
  stats: RequestStats;
  /** devcloud's token, carried by the functions' SDK (sdk-env.ts). */
  token: string;
  /** Concurrent instances per function (the platform scales further; 8 is plenty on 2 cores). */
  maxWorkersPerFunction?: number;
  /** Cold starts in parallel per function; default the CPU count. */
  parallelStarts?: number;
}

export interface InvokeOptions {
  identity: CallerIdentity | null;
  source: InvocationSource;
  /** The invocation that called this one through `cloud.callFunction`. */
  parentTag?: string | null;
}

export interface InvocationResult {
  /** The function's return value, after the JSON round trip the platform makes. */
  result: unknown;
  /** Database requests made by this invocation and the functions it called. */
  dbRequests: number;
  durationMs: number;
}

/** What devcloud knows about the invocation behind a caller tag. */
export interface RunningInvocation {
  functionName: string;
  identity: CallerIdentity | null;
  openapiPermissions: string[];
}

/** The platform caps a function's result at 1 MB (errCode -604001). */
const MAX_RESULT_BYTES = 1024 * 1024;

export class FunctionHost {
  private readonly pools = new Map<string, WorkerPool>();
  private readonly running = new Map<string, RunningInvocation>();
  private sequence = 0;
  private readonly maxWorkers: number;

  constructor(private readonly options: FunctionHostOptions) {
    this.maxWorkers = options.maxWorkersPerFunction ?? 8;
  }

  /** Names of the deployable folders (those holding a built index.js). */
  listFunctions(): string[] {
    const root = this.options.functionsRoot;
    if (root === null) return [];
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      return [];
    }
    return names.filter((name) => findDeployment(root, name) !== null).sort();
  }

  /** Starts `count` instances of every deployed function in the background (DEVCLOUD_PREWARM). */
  prewarm(count: number): void {
    for (const name of this.listFunctions()) {
      const deployment = findDeployment(this.options.functionsRoot, name);
      if (deployment) this.poolFor(deployment).warm(count);
    }
  }

  /** Warm instances of a function and their cap (benchmarks wait for a full pool before measuring). */
  instances(name: string): { size: number; max: number } {
    return { size: this.pools.get(name)?.size ?? 0, max: this.maxWorkers };
  }

  callerOf(tag: string | null): RunningInvocation | undefined {
    return tag === null ? undefined : this.running.get(tag);
  }

  /**
   * Runs `main(event, context)` of a function as `identity`. Resolves with the return value; rejects
   * with FunctionNotFoundError, or FunctionInvocationError when the function throws, crashes or times out.
   */
  async invoke(name: string, event: unknown, options: InvokeOptions): Promise<InvocationResult> {
    const deployment = findDeployment(this.options.functionsRoot, name);
    if (!deployment) throw new FunctionNotFoundError(name);
    const pool = this.poolFor(deployment);
    this.sequence += 1;
    const tag = `${name}-${this.sequence}`;
    const started = performance.now();
    const { stats } = this.options;
    stats.openTag(tag, options.parentTag ?? null);
    this.running.set(tag, { functionName: name, identity: options.identity, openapiPermissions: deployment.openapiPermissions });
    let outcome: RunOutcome;
    let dbRequests: number;
    try {
      outcome = await this.runOnPool(pool, deployment, tag, event, options);
    } finally {
      dbRequests = stats.closeTag(tag);
      this.running.delete(tag);
    }
    const durationMs = Math.round(performance.now() - started);
    if (outcome.kind === 'returned' && Buffer.byteLength(outcome.json) <= MAX_RESULT_BYTES) {
      stats.recordInvocation(name, 'ok', dbRequests, durationMs);
      return { result: JSON.parse(outcome.json) as unknown, dbRequests, durationMs };
    }
    stats.recordInvocation(name, outcome.kind === 'timedOut' ? 'timeout' : 'failed', dbRequests, durationMs);
    const failure = describeFailure(outcome, deployment);
    console.warn(`[devcloud] function ${name} failed (${failure.code}): ${failure.detail}`);
    throw new FunctionInvocationError(failure.code, INVOCATION_FAILURE_MESSAGES[failure.code], failure.detail, dbRequests, durationMs);
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  private async runOnPool(
    pool: WorkerPool,
    deployment: FunctionDeployment,
    tag: string,
    event: unknown,
    options: InvokeOptions,
  ): Promise<RunOutcome> {
    let worker: FunctionWorker;
    try {
      worker = await pool.acquire();
    } catch (err) {
      return { kind: 'crashed', detail: `could not load ${deployment.bundlePath}: ${(err as Error).message}` };
    }
    const { envId, baseUrl } = this.options;
    const env = { ...sdkEnvFor(adminUrlFor(baseUrl(), tag), envId, this.options.token), ...identityEnv(options.identity, options.source) };
    // The SCF context object the platform passes as main's second argument.
    const context = {
      request_id: tag,
      function_name: deployment.name,
      function_version: '$LATEST',
      namespace: envId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: deployment.timeoutMs,
      environment: JSON.stringify(env),
    };
    try {
      return await worker.run({ event, context, env }, deployment.timeoutMs);
    } finally {
      pool.release(worker);
    }
  }

  private poolFor(deployment: FunctionDeployment): WorkerPool {
    const existing = this.pools.get(deployment.name);
    if (existing && existing.deployment.version === deployment.version) return existing;
    existing?.retire();
    const { envId, baseUrl } = this.options;
    const pool = new WorkerPool(
      deployment,
      // Requests a bundle makes while loading (outside any invocation) go to the untagged URL.
      (onDeath) => new FunctionWorker(deployment.bundlePath, sdkEnvFor(adminUrlFor(baseUrl(), null), envId, this.options.token), onDeath),
      this.maxWorkers,
      this.options.parallelStarts ?? Math.max(1, os.availableParallelism()),
    );
    this.pools.set(deployment.name, pool);
    return pool;
  }
}

function describeFailure(outcome: RunOutcome, deployment: FunctionDeployment): { code: InvocationFailureCode; detail: string } {
  switch (outcome.kind) {
    case 'refused':
      return { code: 'INPUT.INVALID', detail: `the event could not be handed to the function: ${outcome.detail}` };
    case 'timedOut':
      return { code: 'SYSTEM.TIMEOUT', detail: `Invoking task timed out after ${deployment.timeoutMs / 1000} seconds` };
    case 'returned':
      return { code: 'SYSTEM.INTERNAL', detail: `the result exceeds the platform's ${MAX_RESULT_BYTES} byte limit` };
    case 'threw':
    case 'crashed':
      return { code: 'SYSTEM.INTERNAL', detail: outcome.detail };
  }
}
