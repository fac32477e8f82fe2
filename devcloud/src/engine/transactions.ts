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
  /** Documents read (full keys): a later change to any of them makes the commit conflict. */
  readonly reads: Set<string>;
  /** Buffered writes by full key, invisible to everyone else until commit. */
  readonly writes: Map<string, BufferedWrite>;
}

type Outcome = 'committed' | 'aborted' | 'failed' | 'expired';

/** How many ended transaction ids we remember, to tell "already committed" from "never existed". */
const ENDED_MEMORY = 1000;

/**
 * Open transactions. The platform gives a transaction 30 seconds from start to commit or abort
 * (DATABASE_TRANSACTION_FAIL afterwards); an ended transaction refuses every further request.
 */
export class TransactionRegistry {
  private readonly open = new Map<string, Transaction>();
  private readonly ended = new Map<string, Outcome>();

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number,
  ) {}

  start(snapshot: number): Transaction {
    this.expireStale();
    const transaction: Transaction = {
      id: randomBytes(16).toString('hex'),
      snapshot,
      startedAt: this.now(),
      reads: new Set(),
      writes: new Map(),
    };
    this.open.set(transaction.id, transaction);
    return transaction;
  }

  /** The open transaction `id`, or DATABASE_TRANSACTION_FAIL. */
  get(id: string): Transaction {
    this.expireStale();
    const transaction = this.open.get(id);
    if (transaction) return transaction;
    const outcome = this.ended.get(id);
    const why = outcome ? DESCRIBE_OUTCOME[outcome] : 'does not exist';
    throw new EngineError('DATABASE_TRANSACTION_FAIL', `transaction ${id} ${why}`);
  }

  end(id: string, outcome: Outcome): void {
    if (!this.open.delete(id)) return;
    this.ended.set(id, outcome);
    if (this.ended.size > ENDED_MEMORY) this.ended.delete(this.ended.keys().next().value!);
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

  private expireStale(): void {
    const deadline = this.now() - this.timeoutMs;
    for (const t of this.open.values()) if (t.startedAt < deadline) this.end(t.id, 'expired');
  }
}

const DESCRIBE_OUTCOME: Record<Outcome, string> = {
  committed: 'has already been committed',
  aborted: 'has already been aborted',
  failed: 'has failed and was rolled back',
  expired: 'expired: a transaction must be committed or aborted within 30 seconds',
};
