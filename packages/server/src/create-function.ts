import { randomInt } from 'node:crypto';
import { DEFAULT_ERROR_MESSAGES, type ActionName, type FunctionContract } from '@zbxx/contracts';
import * as cloud from 'wx-server-sdk';
import { AppError, isAppError } from './app-error';
import { resolveCaller, type Caller } from './caller';
import type { Db } from './db';
import { classifyPlatformError, withConflictRetry } from './db-errors';
import { createDispatcher, type ActionHandler, type HandlerMap, type Logger } from './dispatch';

/** What every action handler receives besides its input. */
export interface FunctionContext {
  /** From the platform (`cloud.getWXContext()`), never from the event. */
  openid: string;
  caller: Caller;
  db: Db;
  /** One clock reading per call, so every rule in a call sees the same instant. */
  now: Date;
  /** Uniform float in [0, 1) from a cryptographic source (invite codes, draws). */
  random: () => number;
  requestId: string | null;
}

/** What WeChat passes to a function started by a timer trigger (config.json `triggers`). */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

/** A timer has no caller: no OPENID, no Caller, only the database and the clock. */
export interface TimerContext {
  trigger: TimerEvent;
  db: Db;
  now: Date;
  random: () => number;
}

export interface FunctionDeps {
  now?: () => Date;
  random?: () => number;
  logger?: Logger;
  /** Runs for the function's timer triggers; without it a timer-shaped event is an ordinary (invalid) call. */
  onTimer?: (ctx: TimerContext) => Promise<unknown>;
}

export type FunctionHandlers<F extends FunctionContract> = HandlerMap<F, FunctionContext>;
export type FunctionHandler<F extends FunctionContract, K extends ActionName<F>> = ActionHandler<F, K, FunctionContext>;

export type CloudFunctionMain = (event: unknown, context?: unknown) => Promise<unknown>;

// randomInt allows a range of at most 2^48 - 1.
const RANDOM_RANGE = 2 ** 48 - 1;
const cryptoRandom = () => randomInt(0, RANDOM_RANGE) / RANDOM_RANGE;

let cloudReady = false;

function isTimerEvent(event: unknown): event is TimerEvent {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return false;
  const { Type, TriggerName } = event as Record<string, unknown>;
  return Type === 'Timer' && typeof TriggerName === 'string';
}

/** Initialised on the first call, not at import: tests and tools can import a function without a cloud. */
function ensureCloud(): void {
  if (cloudReady) return;
  // The SDK's typings accept only a string env, but the documented way to follow the calling environment
  // is this symbol.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  cloudReady = true;
}

/**
 * Makes a cloud function's `main` from its contract and handlers:
 * `exports.main = createFunction(accountContract, { login, bind })`.
 */
export function createFunction<F extends FunctionContract>(
  contract: F,
  handlers: FunctionHandlers<F>,
  deps: FunctionDeps = {},
): CloudFunctionMain {
  const dispatch = createDispatcher(contract, handlers, {
    logger: deps.logger,
    classifyError: classifyPlatformError,
    context: async (event): Promise<FunctionContext> => {
      ensureCloud();
      const { OPENID } = cloud.getWXContext();
      if (!OPENID) throw new AppError('AUTH.NO_IDENTITY');
      const db = withConflictRetry(cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Db);
      return {
        openid: OPENID,
        caller: await resolveCaller(db, OPENID),
        db,
        now: deps.now?.() ?? new Date(),
        random: deps.random ?? cryptoRandom,
        requestId: event.requestId ?? null,
      };
    },
  });
  const { onTimer } = deps;
  const logger = deps.logger ?? console;
  // The `userInfo` the platform adds to client events is tolerated by the envelope and never used.
  return (event) => {
    if (onTimer && isTimerEvent(event)) return runTimer(contract.name, event, onTimer, deps, logger);
    return dispatch(event);
  };
}

/**
 * A timer event's shape proves nothing: any client can send `{ Type: 'Timer' }`. What it cannot forge is
 * the identity: the platform injects the caller's OPENID into every client call (and `getWXContext` reads
 * it from the platform, never from the event), while a real timer invocation has none. So a timer-shaped
 * event that arrives with an OPENID came from a user and is refused; ordinary calls still go through the
 * dispatcher, where a missing OPENID stays AUTH.NO_IDENTITY.
 */
async function runTimer(
  functionName: string,
  trigger: TimerEvent,
  onTimer: (ctx: TimerContext) => Promise<unknown>,
  deps: FunctionDeps,
  logger: Logger,
): Promise<unknown> {
  try {
    ensureCloud();
    const { OPENID } = cloud.getWXContext();
    if (OPENID) throw new AppError('AUTH.FORBIDDEN');
    const db = withConflictRetry(cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Db);
    const data = await onTimer({ trigger, db, now: deps.now?.() ?? new Date(), random: deps.random ?? cryptoRandom });
    return { ok: true, data };
  } catch (error) {
    const known = isAppError(error) ? error : classifyPlatformError(error);
    if (known) return { ok: false, error: known.toBody() };
    logger.error(`[${functionName}.timer:${trigger.TriggerName}] unexpected error`, error);
    return { ok: false, error: { code: 'SYSTEM.INTERNAL', message: DEFAULT_ERROR_MESSAGES['SYSTEM.INTERNAL'] } };
  }
}
