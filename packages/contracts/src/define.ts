import type { z } from 'zod';

/** One action of a cloud function: the schema of its `data` and of its successful result. */
export interface ActionContract<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  input: I;
  output: O;
}

export interface FunctionContract<A extends Record<string, ActionContract> = Record<string, ActionContract>> {
  /** The deployable function's folder name under cloudfunctions/. */
  name: string;
  actions: A;
}

export function defineFunction<A extends Record<string, ActionContract>>(name: string, actions: A): FunctionContract<A> {
  return { name, actions };
}

export type ActionName<F extends FunctionContract> = keyof F['actions'] & string;
export type ActionInput<F extends FunctionContract, K extends ActionName<F>> = z.input<F['actions'][K]['input']>;
export type ActionOutput<F extends FunctionContract, K extends ActionName<F>> = z.output<F['actions'][K]['output']>;
