import type { FunctionEvent } from '@zbxx/contracts';

/**
 * Sends one event to one cloud function and resolves with whatever the function returned (unvalidated).
 * Rejects with a TransportFailure when the call did not complete.
 */
export type InvokeFunction = (name: string, event: FunctionEvent, options: InvokeOptions) => Promise<unknown>;

export interface InvokeOptions {
  timeoutMs: number;
}

/** Why a call did not produce a reply: decides the message and whether a retry may help. */
export type TransportFailureKind = 'unreachable' | 'timeout' | 'crashed';

export class TransportFailure extends Error {
  readonly kind: TransportFailureKind;

  constructor(kind: TransportFailureKind, detail?: string) {
    super(detail ?? kind);
    this.name = 'TransportFailure';
    this.kind = kind;
  }
}
