/**
 * An in-process devcloud for timeout tests: the real engine, database actions and function host, plus two
 * things a test controls. (1) Function timeouts: each function is deployed from a scratch folder whose
 * index.js links to the real bundle and whose config.json sets a short timeout. The timeout can change between calls, so only the call a fault is meant to kill runs with a short one.
 * (2) Faults: the admin
 * endpoint looks every SDK request up in a registry; this one can hold back a chosen request until the
 * function has timed out, then either let it through late (it reached the database after the function died) or
 * drop it (the function died before it was sent). Held until released, so the function's timeout, not a
 * guess at how long its earlier requests take, decides when it dies. Nothing in the product or in devcloud changes.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AdminActionError,
  AdminActionRegistry,
  devcloudNow,
  startDevcloudServer,
  type AdminActionHandler,
  type AdminRequestContext,
  type Devcloud,
  type Engine,
} from '@zbxx/devcloud';
import { registerDatabaseActions } from '@zbxx/devcloud/src/database';
import { openEngine } from '@zbxx/devcloud/src/engine';
import { buildFunctions, loadRepoIndexManifest } from '@zbxx/testing';

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface FaultRule {
  /** The SDK action, e.g. `database.commitTransaction`. */
  action: string;
  /** Which requests of that action (caller tag `<function>-<n>`, body with collectionName, transactionId…). */
  when?: (ctx: AdminRequestContext) => boolean;
  /** After the release: 'late' handles it (it reached the database after the function died); 'drop' never does. */
  then: 'late' | 'drop';
}

/** One armed fault: it holds the first matching request until released. */
export interface ArmedFault {
  /** True once a request matched (and is being held). */
  readonly reached: boolean;
  /** Lets the held request go (late or dropped, as the rule says); resolves once it was handled. */
  release(): Promise<void>;
}

class Fault implements ArmedFault {
  reached = false;
  private letGo!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.letGo = resolve));
  private handled!: () => void;
  private readonly done = new Promise<void>((resolve) => (this.handled = resolve));

  constructor(
    readonly rule: FaultRule,
    private readonly disarm: (fault: Fault) => void,
  ) {}

  async hold<T>(run: () => Promise<T> | T): Promise<T> {
    this.reached = true;
    await this.released;
    try {
      if (this.rule.then === 'drop') throw new AdminActionError('SYS_ERR', 'fault injection: request dropped');
      return await run();
    } finally {
      this.handled();
    }
  }

  release(): Promise<void> {
    this.disarm(this);
    this.letGo();
    return this.reached ? this.done : Promise.resolve();
  }
}

/** The registry devcloud's admin endpoint reads; an armed fault applies once, to the first matching request. */
class FaultyRegistry extends AdminActionRegistry {
  private armed: Fault[] = [];

  arm(rule: FaultRule): ArmedFault {
    const fault = new Fault(rule, (f) => (this.armed = this.armed.filter((other) => other !== f)));
    this.armed.push(fault);
    return fault;
  }

  override get(action: string): AdminActionHandler | undefined {
    const handler = super.get(action);
    if (!handler) return handler;
    return (ctx) => {
      const fault = this.armed.find((f) => !f.reached && f.rule.action === action && (f.rule.when?.(ctx) ?? true));
      return fault ? fault.hold(() => handler(ctx)) : handler(ctx);
    };
  }
}

export interface FaultCloud {
  devcloud: Devcloud<Engine>;
  engine: Engine;
  /** Arms a fault: the first matching request waits until `release()`. */
  arm(rule: FaultRule): ArmedFault;
  /** Sets a function's timeout for the invocations that start from now on (devcloud reads config.json per call). */
  setTimeoutSeconds(functionName: string, seconds: number): void;
  /**
   * Moves the database's clock past the platform's 30 s transaction lifetime: a transaction its dead function
   * left open ends, and with it its locks (云开发 › 数据库 › 事务), as they would before a user's retry.
   */
  passTransactionLifetime(): void;
  close(): Promise<void>;
}

/** Requests made by an invocation of `functionName` (the host tags each invocation `<name>-<n>`). */
export const fromFunction = (functionName: string) => (ctx: AdminRequestContext) => ctx.callerTag?.startsWith(`${functionName}-`) ?? false;

export const onCollection = (name: string) => (ctx: AdminRequestContext) => ctx.body.collectionName === name;

export const inTransaction = (ctx: AdminRequestContext) => typeof ctx.body.transactionId === 'string' && ctx.body.transactionId !== '';

export async function startFaultCloud(options: {
  functions: readonly string[];
  /** The functions' timeout until a test sets another. */
  timeoutSeconds: number;
  seed: Record<string, readonly object[]>;
  /** The instant the suite runs at: the test clock runs from it. */
  now: Date;
}): Promise<FaultCloud> {
  buildFunctions(options.functions);
  const functionsRoot = mkdtempSync(path.join(os.tmpdir(), 'fault-functions-'));
  const setTimeoutSeconds = (name: string, seconds: number) =>
    writeFileSync(path.join(functionsRoot, name, 'config.json'), JSON.stringify({ timeout: seconds }));
  for (const name of options.functions) {
    mkdirSync(path.join(functionsRoot, name));
    symlinkSync(path.join(REPO_ROOT, 'cloudfunctions', name, 'index.js'), path.join(functionsRoot, name, 'index.js'));
    setTimeoutSeconds(name, options.timeoutSeconds);
  }
  let clockOffsetMs = 0;
  const engine = openEngine({ dataDir: ':memory:', indexManifest: loadRepoIndexManifest(), now: () => devcloudNow() + clockOffsetMs });
  const registry = new FaultyRegistry();
  registerDatabaseActions(registry, engine);
  const devcloud = await startDevcloudServer({ dataDir: ':memory:', functionsRoot, registry, engine, closeEngine: () => engine.close() });
  devcloud.clock.set(options.now);
  for (const [collection, docs] of Object.entries(options.seed)) {
    if (docs.length > 0) engine.insertMany(collection, docs as Parameters<Engine['insertMany']>[1]);
  }
  return {
    devcloud,
    engine,
    arm: (rule) => registry.arm(rule),
    setTimeoutSeconds,
    passTransactionLifetime() {
      clockOffsetMs += 30_001;
    },
    async close() {
      await devcloud.close();
      rmSync(functionsRoot, { recursive: true, force: true });
    },
  };
}
