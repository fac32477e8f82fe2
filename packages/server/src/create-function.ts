import { randomInt } from 'node:crypto';
import type { ActionName, FunctionContract } from '@zbxx/contracts';
import * as cloud from 'wx-server-sdk';
import { AppError } from './app-error';
import { resolveCaller, type Caller } from './caller';
import type { Db } from './db';
import { classifyPlatformError } from './db-errors';
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

export interface FunctionDeps {
  now?: () => Date;
  random?: () => number;
  logger?: Logger;
}

export type FunctionHandlers<F extends FunctionContract> = HandlerMap<F, FunctionContext>;
export type FunctionHandler<F extends FunctionContract, K extends ActionName<F>> = ActionHandler<F, K, FunctionContext>;

export type CloudFunctionMain = (event: unknown, context?: unknown) => Promise<unknown>;

// randomInt allows a range of at most 2^48 - 1.
const RANDOM_RANGE = 2 ** 48 - 1;
const cryptoRandom = () => randomInt(0, RANDOM_RANGE) / RANDOM_RANGE;

let cloudReady = false;

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
      const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Db;
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
  // The `userInfo` the platform adds to client events is tolerated by the envelope and never used.
  return (event) => dispatch(event);
}
