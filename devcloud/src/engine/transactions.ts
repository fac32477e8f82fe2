import { randomBytes } from 'node:crypto';
import { EngineError } from './errors';
import type { Document } from './types';

/** A buffered write of a transaction: the document's whole new state (null = removed). */
export interface BufferedWrite {
  collection: string;
  key: string;
  doc: Document | null;
}

export interface Transaction {
  readonly id: string;
  /** The write sequence its snapshot reads at. */
  readonly snapshot: number;
  readonly startedAt: number;
  /** Buffered writes by full key, invisible to everyone else until commit. */
  readonly writes: Map<string, BufferedWrite>;
}

type Outcome = 'committed' | 'aborted' | 'failed' | 'expired';

/** How many ended transaction ids we remember (for diagnostics only: the platform answers them all alike). */
const ENDED_MEMORY = 1000;

/**
 * The platform's answers, word for word as the CloudBase node-sdk's own transaction tests expect them
 * (code in `code`, text in `message`). The platform answers every request to an ended transaction alike,
 * whether it was committed, rolled back, failed or expired.
 */
export function transactionNotExist(): EngineError {
  return new EngineError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  );
}

export function transactionConflict(): EngineError {
  return new EngineError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  );
}

/**
 * Open transactions. The platform gives a transaction 30 seconds from start to commit or abort
 * (TransactionNotExist afterwards); an ended transaction refuses every further request. `onEnd` hears of
 * every end, expiry included, so the engine can release the transaction's locks.
 */
export class TransactionRegistry {
  private readonly open = new Map<string, Transaction>();
  private readonly ended = new Map<string, Outcome>();

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number,
    private readonly onEnd: (transaction: Transaction) => void = () => undefined,
  ) {}

  start(snapshot: number): Transaction {
    this.expireStale();
    const transaction: Transaction = {
      id: randomBytes(16).toString('hex'),
      snapshot,
      startedAt: this.now(),
      writes: new Map(),
    };
    this.open.set(transaction.id, transaction);
    return transaction;
  }

  /** The open transaction `id`, or the platform's TransactionNotExist. */
  get(id: string): Transaction {
    this.expireStale();
    const transaction = this.open.get(id);
    if (transaction) return transaction;
    throw transactionNotExist();
  }

  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  /** How the transaction ended, if it did recently (tests, diagnostics). */
  outcomeOf(id: string): Outcome | undefined {
    return this.ended.get(id);
  }

  end(id: string, outcome: Outcome): void {
    const transaction = this.open.get(id);
    if (!transaction) return;
    this.open.delete(id);
    this.ended.set(id, outcome);
    if (this.ended.size > ENDED_MEMORY) this.ended.delete(this.ended.keys().next().value!);
    this.onEnd(transaction);
  }

  get hasOpen(): boolean {
    return this.open.size > 0;
  }

  /** The oldest snapshot an open transaction reads at, or null when none is open. */
  oldestSnapshot(): number | null {
    let oldest: number | null = null;
    for (const t of this.open.values()) if (oldest === null || t.snapshot < oldest) oldest = t.snapshot;
    return oldest;
  }

  expireStale(): void {
    const deadline = this.now() - this.timeoutMs;
    for (const t of [...this.open.values()]) if (t.startedAt < deadline) this.end(t.id, 'expired');
  }
}
