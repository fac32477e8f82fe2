import { type ActionOutput, type ActionInput, type ActionName, type FunctionContract, type FunctionEvent } from '@zbxx/contracts';
import { AppError, isServerCode } from './app-error';
import { invokeFunction } from './invoke-function';
import { TransportFailure, type InvokeFunction } from './invoke-types';
import { newRequestId } from './request-id';

export interface CallOptions {
  /**
   * Writes carry a requestId and are never retried automatically: the person decides (重试 reuses the id
   * when the caller passes it back). Reads are retried with backoff, since rural signal drops often.
   */
  write?: boolean;
  requestId?: string;
}

export interface CallerDeps {
  invoke: InvokeFunction;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** Delays before the 2nd, 3rd… attempt of a read. */
  readBackoffMs?: readonly number[];
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_READ_BACKOFF_MS = [800, 2_000];

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type CallAction = <F extends FunctionContract, K extends ActionName<F>>(
  contract: F,
  action: K,
  data: ActionInput<F, K>,
  options?: CallOptions,
) => Promise<ActionOutput<F, K>>;

/** Builds the one typed way to call a function action; deps are injectable so tests run without a platform. */
export function createCaller({
  invoke,
  sleep = realSleep,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  readBackoffMs = DEFAULT_READ_BACKOFF_MS,
}: CallerDeps): CallAction {
  return async (contract, action, data, options = {}) => {
    const spec = contract.actions[action];
    if (!spec) throw new AppError('INPUT.UNKNOWN_ACTION');

    // Checking input here spares a round-trip on a slow network; the server checks again regardless.
    const input = spec.input.safeParse(data);
    if (!input.success) throw new AppError('INPUT.INVALID');

    const event: FunctionEvent = { action };
    if (input.data !== undefined) event.data = input.data;
    if (options.write) event.requestId = options.requestId ?? newRequestId();

    const delays = options.write ? [] : readBackoffMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await invoke(contract.name, event, { timeoutMs });
        // The schema's type is generic here; readEnvelope checked the value against it.
        return readEnvelope(reply, spec.output) as ActionOutput<typeof contract, typeof action>;
      } catch (error) {
        const appError = failureToAppError(error);
        const delay = delays[attempt];
        if (delay === undefined || !isTransient(error)) throw appError;
        await sleep(delay);
      }
    }
  };
}

/** Only failures of the wire are retried automatically; a function's own error answer is final. */
function isTransient(error: unknown): boolean {
  return error instanceof TransportFailure && error.kind !== 'crashed';
}

function failureToAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TransportFailure) {
    if (error.kind === 'timeout') return new AppError('NETWORK.TIMEOUT');
    if (error.kind === 'crashed') return new AppError('SYSTEM.INTERNAL');
    return new AppError('NETWORK.UNREACHABLE');
  }
  return new AppError('SYSTEM.INTERNAL');
}

interface OutputSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** `{ ok: true, data }` → data checked against the contract; `{ ok: false, error }` → AppError. */
function readEnvelope<T>(reply: unknown, output: OutputSchema<T>): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new AppError('RESPONSE.INVALID');
  if (reply.ok === true) {
    const parsed = output.safeParse((reply as { data?: unknown }).data);
    if (!parsed.success) throw new AppError('RESPONSE.INVALID');
    return parsed.data;
  }
  const body = (reply as { error?: { code?: unknown; message?: unknown } }).error;
  const message = typeof body?.message === 'string' ? body.message : undefined;
  // A code this client does not know yet (newer server) still shows the server's Chinese message.
  const code = typeof body?.code === 'string' && isServerCode(body.code) ? body.code : 'SYSTEM.INTERNAL';
  throw new AppError(code, message);
}

/** The app's caller, bound to this platform's transport. */
export const callAction: CallAction = createCaller({ invoke: invokeFunction });
