import {
  DEFAULT_ERROR_MESSAGES,
  eventSchema,
  type ActionName,
  type Envelope,
  type FunctionContract,
  type FunctionEvent,
} from '@zbxx/contracts';
import type { z } from 'zod';
import { AppError, isAppError } from './app-error';
import { describeInputIssue } from './input-errors';

type Actions<F extends FunctionContract> = F['actions'];

/** What an action's handler gets and must give back, typed by the contract. */
export type ActionHandler<F extends FunctionContract, K extends ActionName<F>, Ctx> = (
  input: z.output<Actions<F>[K]['input']>,
  ctx: Ctx,
) => Promise<z.input<Actions<F>[K]['output']>>;

export type HandlerMap<F extends FunctionContract, Ctx> = { [K in ActionName<F>]: ActionHandler<F, K, Ctx> };

export interface Logger {
  error(message: string, ...details: unknown[]): void;
}

export interface DispatchOptions<Ctx> {
  /**
   * Builds the handler's context (identity, database). Called only once the event is valid, so malformed
   * input costs no database request and can write nothing.
   */
  context: (event: FunctionEvent) => Promise<Ctx>;
  logger?: Logger;
  /** Gives platform errors that mean something to the user (a lost transaction) their code. */
  classifyError?: (error: unknown) => AppError | null;
}

function invalidInput(issues: readonly z.core.$ZodIssue[], root: unknown): AppError {
  const first = issues[0];
  return new AppError('INPUT.INVALID', first ? describeInputIssue(first, root) : DEFAULT_ERROR_MESSAGES['INPUT.INVALID']);
}

/**
 * The one envelope of every cloud function: parse the event, parse the action's data, run the handler with
 * its context, check the result against the contract, and turn every failure into `{ ok:false, error }`.
 * Platform-free: `createFunction` supplies the wx-server-sdk context.
 */
export function createDispatcher<F extends FunctionContract, Ctx>(
  contract: F,
  handlers: HandlerMap<F, Ctx>,
  options: DispatchOptions<Ctx>,
): (rawEvent: unknown) => Promise<Envelope<unknown>> {
  const logger = options.logger ?? console;

  return async (rawEvent) => {
    let actionName = '(none)';
    try {
      const event = eventSchema.safeParse(rawEvent);
      if (!event.success) throw invalidInput(event.error.issues, rawEvent);
      actionName = event.data.action;

      if (!Object.hasOwn(contract.actions, actionName)) {
        throw new AppError('INPUT.UNKNOWN_ACTION', `不支持的操作：${actionName}`);
      }
      const name = actionName as ActionName<F>;
      const action = contract.actions[name]!;
      const input = action.input.safeParse(event.data.data);
      if (!input.success) throw invalidInput(input.error.issues, event.data.data);

      const ctx = await options.context(event.data);
      // The contract and the handler map are tied by type at the call site; here the action is dynamic.
      const handler = handlers[name] as (input: unknown, ctx: Ctx) => Promise<unknown>;
      const result = await handler(input.data, ctx);

      // Always parsed, not only in development: the parse also strips fields the contract does not declare,
      // so a handler that returns a whole document cannot leak its other fields (a full phone number).
      const output = action.output.safeParse(result);
      if (!output.success) {
        logger.error(`[${contract.name}.${actionName}] result does not match the contract`, output.error.issues);
        throw new AppError('SYSTEM.INTERNAL');
      }
      return { ok: true, data: output.data };
    } catch (error) {
      const known = isAppError(error) ? error : options.classifyError?.(error);
      if (known) return { ok: false, error: known.toBody() };
      logger.error(`[${contract.name}.${actionName}] unexpected error`, error);
      return { ok: false, error: { code: 'SYSTEM.INTERNAL', message: DEFAULT_ERROR_MESSAGES['SYSTEM.INTERNAL'] } };
    }
  };
}
